package social.annals.gateway.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import social.annals.command.status.StatusRejected;

class ConflictRetrySchedulerTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final ConflictRetryScheduler scheduler = new ConflictRetryScheduler(executor, 1, 3);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** Two nodes that both do an account's first favourite of a status both create its aggregate: one must retry. */
    @Test
    void aCommandThatLostTheRaceToCreateItsAggregateIsRetried() throws InterruptedException {
        assertThat(retried(new AggregateStreamCreationException("first event already stored"))).isTrue();
        assertThat(retried(new CommandExecutionException("wrapped", new AggregateStreamCreationException("x")))).isTrue();
        assertThat(retried(new ConcurrencyException("appended meanwhile"))).isTrue();
    }

    @Test
    void aRefusalOrAnyOtherFailureIsNotRetried() throws InterruptedException {
        assertThat(retried(new CommandExecutionException("refused", new StatusRejected("too long")))).isFalse();
        assertThat(retried(new IllegalStateException("broken"))).isFalse();
    }

    private boolean retried(RuntimeException failure) throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        boolean scheduled = scheduler.scheduleRetry(GenericCommandMessage.asCommandMessage("favourite"), failure,
                List.of(), runs::incrementAndGet);
        if (scheduled) {
            Thread.sleep(50);
            assertThat(runs.get()).isEqualTo(1);
        }
        return scheduled;
    }
}
