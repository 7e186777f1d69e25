package social.annals.events.report;

import java.time.Instant;
import social.annals.events.moderation.Moderator;

/** A moderator answered the reporter with a direct status ({@code statusId}) saying {@code text}. */
public record ReportResponded(String reportId, String accountId, ReportState state, String statusId, String text,
                              Moderator by, Instant respondedAt) {
}
