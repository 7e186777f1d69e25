package social.annals.command.imports;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.events.imports.AccountListImportBatchProcessed;
import social.annals.events.imports.AccountListImportStarted;

/** One import job: which entries it has and how far it got. Each step is an event, so it survives restarts. */
@Aggregate
class AccountListImport {

    @AggregateIdentifier
    private String importId;
    private String accountId;
    private int size;
    private int nextIndex;

    AccountListImport() {
    }

    AccountListImport(AccountListImportStarted started) {
        apply(started);
        if (started.entries().isEmpty()) {
            apply(new AccountListImportBatchProcessed(started.importId(), started.accountId(), 0, java.util.List.of(),
                    true, started.startedAt()));
        }
    }

    @CommandHandler
    public void handle(ImportCommands.RecordBatch command, Clock clock) {
        if (command.fromIndex() != nextIndex || nextIndex >= size) {
            return; // a batch delivered again after a restart: already recorded
        }
        int end = Math.min(size, nextIndex + command.results().size());
        apply(new AccountListImportBatchProcessed(importId, accountId, nextIndex,
                command.results().subList(0, end - nextIndex), end >= size, clock.instant()));
    }

    @EventSourcingHandler
    void on(AccountListImportStarted event) {
        importId = event.importId();
        accountId = event.accountId();
        size = event.entries().size();
    }

    @EventSourcingHandler
    void on(AccountListImportBatchProcessed event) {
        nextIndex = event.fromIndex() + event.results().size();
    }
}
