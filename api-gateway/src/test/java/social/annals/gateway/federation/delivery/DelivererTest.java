package social.annals.gateway.federation.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import social.annals.gateway.federation.SignedHttp;
import social.annals.gateway.federation.http.GuardedHttp;

class DelivererTest {

    private static final Delivery TO_SLOW = new Delivery("https://slow.example/inbox", "lain", "{}");
    private static final Delivery TO_OTHER = new Delivery("https://other.example/inbox", "lain", "{}");

    private final SignedHttp http = mock(SignedHttp.class);
    private final Reachability reachability = mock(Reachability.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Deliverer deliverer = new Deliverer(http, reachability, registry, 1);

    private static GuardedHttp.Response answer(int status) {
        return new GuardedHttp.Response(status, URI.create("https://x.example/inbox"),
                HttpHeaders.of(Map.of(), (a, b) -> true), new byte[0]);
    }

    private double counted(String outcome) {
        return registry.get("annals.federation.deliveries").tag("outcome", outcome).counter().count();
    }

    @Test
    void aHostBeingSentAllItMayAtOnceMakesTheNextDeliveryWaitWhileOtherHostsGoOn() throws Exception {
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        when(http.post(eq(URI.create(TO_SLOW.inbox())), any(), eq("lain"))).thenAnswer(invocation -> {
            sending.countDown();
            answer.await(10, TimeUnit.SECONDS);
            return answer(202);
        });
        when(http.post(eq(URI.create(TO_OTHER.inbox())), any(), eq("lain"))).thenReturn(answer(202));

        CompletableFuture<Deliverer.Outcome> first = CompletableFuture.supplyAsync(() -> deliverer.deliver(TO_SLOW));
        assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(deliverer.deliver(TO_SLOW)).isEqualTo(Deliverer.Outcome.DEFERRED);
        assertThat(deliverer.deliver(TO_OTHER)).isEqualTo(Deliverer.Outcome.DELIVERED);
        answer.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(Deliverer.Outcome.DELIVERED);
        assertThat(deliverer.deliver(TO_OTHER)).isEqualTo(Deliverer.Outcome.DELIVERED);

        assertThat(counted("delivered")).isEqualTo(3);
        assertThat(counted("deferred")).isEqualTo(1);
        verify(reachability).answered("slow.example", "202");
    }

    @Test
    void aServerErrorIsRetriedLaterAndRecordedAndAClientErrorEndsTheDelivery() {
        when(http.post(eq(URI.create(TO_SLOW.inbox())), any(), eq("lain"))).thenReturn(answer(503));
        when(http.post(eq(URI.create(TO_OTHER.inbox())), any(), eq("lain"))).thenReturn(answer(410));

        assertThatThrownBy(() -> deliverer.deliver(TO_SLOW)).isInstanceOf(Deliverer.RetryLater.class);
        assertThat(deliverer.deliver(TO_OTHER)).isEqualTo(Deliverer.Outcome.REFUSED);
        verify(reachability).failed("slow.example", "503");
        verify(reachability).answered("other.example", "410");
        assertThat(counted("failed")).isEqualTo(1);
        assertThat(counted("refused")).isEqualTo(1);
        assertThatThrownBy(() -> deliverer.deliver(TO_SLOW)).as("the failed attempt let go of its slot")
                .isInstanceOf(Deliverer.RetryLater.class);
    }
}
