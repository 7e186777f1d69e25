package social.annals.command.report;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import social.annals.events.moderation.Moderator;
import social.annals.events.report.ReportState;

public final class ReportCommands {

    private ReportCommands() {
    }

    /** The caller has checked the account and kept only statuses it authored. */
    /** {@code forward}: a copy goes to the account's server when it is another one. */
    public record File(@TargetAggregateIdentifier String reportId, String reporterId, String accountId,
                       List<String> statusIds, String comment, boolean forward) {
    }

    public record ChangeState(@TargetAggregateIdentifier String reportId, ReportState state, Moderator by) {
    }

    /** Record the moderator's answer, already posted as {@code statusId}. */
    public record RecordResponse(@TargetAggregateIdentifier String reportId, String statusId, String text,
                                 Moderator by) {
    }
}
