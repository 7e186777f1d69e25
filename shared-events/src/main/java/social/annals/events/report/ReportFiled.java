package social.annals.events.report;

import java.time.Instant;
import java.util.List;
import social.annals.events.privacy.DataSubject;
import social.annals.events.privacy.PersonalData;

/** A user reported an account (and some of its statuses) to the moderators; the comment is the reporter's. */
public record ReportFiled(String reportId, @DataSubject String reporterId, String accountId, List<String> statusIds,
                          @PersonalData String comment, Instant filedAt) {

    public ReportFiled {
        statusIds = List.copyOf(statusIds);
    }
}
