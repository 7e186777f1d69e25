package social.annals.gateway.infra;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import social.annals.gateway.web.ApiErrorHandler;
import social.annals.gateway.web.DatabaseUnavailable;

/**
 * Retries a command only when it lost an append race on its aggregate (another node appended
 * first, or created the aggregate first: the retry loads what that node created); every other
 * failure, above all a domain refusal, is final and goes straight back to the caller.
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
        return ApiErrorHandler.isConflict(ApiErrorHandler.unwrap(lastFailure))
                && !DatabaseUnavailable.causes(lastFailure)
                && interval.scheduleRetry(commandMessage, lastFailure, failures, dispatchTask);
    }
}
