package social.annals.gateway.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;
import social.annals.gateway.support.NiceValues;

class BackgroundThreadsTest {

    @Test
    void backgroundThreadsRunAtALowerPriorityThanTheThreadThatStartedThem() throws Exception {
        assumeTrue(NiceValues.available(), "Linux only");
        int own = NiceValues.ofCurrentThread();
        assumeTrue(own <= 14, "already at a low priority");

        int background = niceIn(BackgroundThreads.named("background", 5));

        assertThat(background).isEqualTo(own + 5);
        assertThat(NiceValues.ofCurrentThread()).as("the starting thread keeps its priority").isEqualTo(own);
    }

    @Test
    void aBackgroundThreadStartedByAnotherIsNotLoweredTwice() throws Exception {
        assumeTrue(NiceValues.available(), "Linux only");
        int own = NiceValues.ofCurrentThread();
        assumeTrue(own <= 14, "already at a low priority");
        BackgroundThreads threads = BackgroundThreads.named("background", 5);
        CompletableFuture<Integer> inner = new CompletableFuture<>();

        Thread outer = threads.newThread(() -> {
            try {
                inner.complete(niceIn(threads));
            } catch (Exception e) {
                inner.completeExceptionally(e);
            }
        });
        outer.start();
        outer.join();

        assertThat(inner.get()).isEqualTo(own + 5);
    }

    @Test
    void anIncrementOfZeroLeavesThePriorityAsItIs() throws Exception {
        assumeTrue(NiceValues.available(), "Linux only");

        assertThat(niceIn(BackgroundThreads.daemons("background", 0))).isEqualTo(NiceValues.ofCurrentThread());
    }

    @Test
    void threadsAreNamedAndNumbered() {
        BackgroundThreads threads = BackgroundThreads.daemons("replay", 0);

        Thread first = threads.newThread(() -> { });
        Thread second = threads.newThread(() -> { });

        assertThat(first.getName()).isEqualTo("replay-0");
        assertThat(second.getName()).isEqualTo("replay-1");
        assertThat(first.isDaemon()).isTrue();
        assertThat(BackgroundThreads.named("processor", 0).newThread(() -> { }).isDaemon()).isFalse();
    }

    private static int niceIn(ThreadFactory threads) throws Exception {
        CompletableFuture<Integer> nice = new CompletableFuture<>();
        Thread thread = threads.newThread(() -> {
            nice.complete(NiceValues.ofCurrentThread());
        });
        thread.start();
        thread.join();
        return nice.get();
    }
}
