package social.annals.events.report;

import java.time.Instant;
import social.annals.events.moderation.Moderator;

public record ReportStateChanged(String reportId, String accountId, ReportState state, Moderator by,
                                 Instant changedAt) {
}
