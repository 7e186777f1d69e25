package social.annals.gateway.consistency;

import java.util.function.Consumer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import social.annals.gateway.web.ApiErrorHandler;

/**
 * How the gateway sends commands: read-your-writes included. A send returns once every read model
 * that handles the events the command caused has processed them, so the caller's next query sees
 * its own write without naming a read model. A command that changed nothing waits for the latest
 * event of its target aggregate instead: the state it found may itself be a moment old.
 */
@Component
public class Commands {

    private static final int TRANSACTION_ATTEMPTS = 3;

    private final CommandGateway gateway;
    private final CommandGateway bus;
    private final PublishedEvents published;
    private final ConsistencyBarrier barrier;
    private final TransactionTemplate transaction;

    public Commands(CommandGateway gateway, CommandBus commandBus, PublishedEvents published,
                    ConsistencyBarrier barrier, PlatformTransactionManager transactions) {
        this.gateway = gateway;
        this.bus = DefaultCommandGateway.builder().commandBus(commandBus).build();
        this.published = published;
        this.barrier = barrier;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Sends the command, waits for its result, then for the read models its events feed. */
    public <R> R sendAndWait(Object command) {
        PublishedEvents.Recording recording = published.start();
        R result;
        try {
            result = gateway.sendAndWait(command);
        } finally {
            published.stop(recording);
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // Sent inside the caller's transaction: its events are visible to read models only once that commits.
            // (A read request's connection scope synchronises without a transaction: its commands commit at once.)
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    barrier.awaitReadModels(recording, command);
                }
            });
        } else {
            barrier.awaitReadModels(recording, command);
        }
        return result;
    }

    /**
     * Several commands that must commit together or not at all, then read-your-writes for all of
     * them. They go straight to the bus: the usual gateway retries a lost append race on its own,
     * outside this transaction, which here would commit one command without the others. A lost
     * race retries the whole transaction instead.
     */
    public void inOneTransaction(Consumer<CommandGateway> work) {
        inOneTransaction(work, true);
    }

    /**
     * As {@link #inOneTransaction(Consumer)}, for a caller that answers someone who will not read
     * our read models (another server delivering to our inbox): it returns at the commit, without
     * waiting for them.
     */
    public void inOneTransactionWithoutReadYourWrites(Consumer<CommandGateway> work) {
        inOneTransaction(work, false);
    }

    private void inOneTransaction(Consumer<CommandGateway> work, boolean awaitReadModels) {
        for (int attempt = 1; ; attempt++) {
            PublishedEvents.Recording recording = published.start();
            try {
                transaction.executeWithoutResult(status -> work.accept(bus));
                published.stop(recording);
                if (awaitReadModels) {
                    barrier.awaitReadModels(recording, null);
                }
                return;
            } catch (RuntimeException e) {
                published.stop(recording);
                if (attempt >= TRANSACTION_ATTEMPTS || !(ApiErrorHandler.unwrap(e) instanceof ConcurrencyException)) {
                    throw e;
                }
            }
        }
    }
}
