package social.annals.events.report;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import social.annals.events.privacy.DataSubject;
import social.annals.events.privacy.PersonalData;

/**
 * A user reported an account (and some of its statuses) to the moderators; the comment is the
 * reporter's. {@code forward}: the reporter asked for a copy to go to the account's server, when
 * it is another one (revision 2; none before).
 */
@Revision("2")
public record ReportFiled(String reportId, @DataSubject String reporterId, String accountId, List<String> statusIds,
                          @PersonalData String comment, Instant filedAt, boolean forward) {

    public ReportFiled {
        statusIds = List.copyOf(statusIds);
    }
}
