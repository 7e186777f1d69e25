package social.annals.gateway.infra;

import java.util.function.Consumer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import social.annals.gateway.web.ApiErrorHandler;

/**
 * Several commands that must commit together or not at all. They go straight to the bus: the
 * usual gateway retries a lost append race on its own, outside this transaction, which here
 * would commit one command without the others. A lost race retries the whole transaction instead.
 */
@Component
public class TransactionalCommands {

    private static final int ATTEMPTS = 3;

    private final CommandGateway commands;
    private final TransactionTemplate transaction;

    public TransactionalCommands(CommandBus commandBus, PlatformTransactionManager transactions) {
        this.commands = DefaultCommandGateway.builder().commandBus(commandBus).build();
        this.transaction = new TransactionTemplate(transactions);
    }

    public void inOneTransaction(Consumer<CommandGateway> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(status -> work.accept(commands));
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !(ApiErrorHandler.unwrap(e) instanceof ConcurrencyException)) {
                    throw e;
                }
            }
        }
    }
}
