package social.annals.command.report;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.events.report.ReportFiled;
import social.annals.events.report.ReportResponded;
import social.annals.events.report.ReportState;
import social.annals.events.report.ReportStateChanged;

/** A report to the moderators: opened by a user, then moved between states and answered by moderators. */
@Aggregate
class Report {

    @AggregateIdentifier
    private String reportId;
    private String accountId;
    private ReportState state;

    Report() {
    }

    @CommandHandler
    Report(ReportCommands.File command, Clock clock) {
        apply(new ReportFiled(command.reportId(), command.reporterId(), command.accountId(), command.statusIds(),
                command.comment(), clock.instant(), command.forward()));
    }

    /** Recorded even when the state is unchanged: the moderation log shows every update, as in Pleroma. */
    @CommandHandler
    public void handle(ReportCommands.ChangeState command, Clock clock) {
        apply(new ReportStateChanged(reportId, accountId, command.state(), command.by(), clock.instant()));
    }

    @CommandHandler
    public void handle(ReportCommands.RecordResponse command, Clock clock) {
        apply(new ReportResponded(reportId, accountId, state, command.statusId(), command.text(), command.by(),
                clock.instant()));
    }

    @EventSourcingHandler
    void on(ReportFiled event) {
        reportId = event.reportId();
        accountId = event.accountId();
        state = ReportState.OPEN;
    }

    @EventSourcingHandler
    void on(ReportStateChanged event) {
        state = event.state();
    }
}
