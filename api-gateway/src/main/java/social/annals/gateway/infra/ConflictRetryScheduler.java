package social.annals.gateway.infra;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import social.annals.gateway.web.ApiErrorHandler;

/**
 * Retries a command only when it lost an append race on its aggregate; every other failure,
 * above all a domain refusal, is final and goes straight back to the caller.
 */
class ConflictRetryScheduler implements RetryScheduler {

    private final RetryScheduler interval;

    ConflictRetryScheduler(ScheduledExecutorService executor, int retryIntervalMs, int maxRetries) {
        this.interval = IntervalRetryScheduler.builder()
                .retryExecutor(executor)
                .retryInterval(retryIntervalMs)
                .maxRetryCount(maxRetries)
                .build();
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        return ApiErrorHandler.unwrap(lastFailure) instanceof ConcurrencyException
                && interval.scheduleRetry(commandMessage, lastFailure, failures, dispatchTask);
    }
}
