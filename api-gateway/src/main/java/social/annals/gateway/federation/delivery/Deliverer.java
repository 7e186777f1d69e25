package social.annals.gateway.federation.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import social.annals.gateway.federation.SignedHttp;
import social.annals.gateway.federation.http.FetchRefused;
import social.annals.gateway.federation.http.GuardedHttp;

/**
 * Makes one delivery attempt. A failure worth retrying (no answer, a timeout, a server error, a
 * 408 or 429) is thrown, and the scheduler tries again later; an answer that will not change (any
 * other 4xx) or an inbox we must not reach ends the delivery. A node sends a host at most a few
 * deliveries at once: the others wait a moment, so that a slow host holds few of the threads
 * every other host's deliveries need.
 */
@Component
public class Deliverer {

    private static final Logger log = LoggerFactory.getLogger(Deliverer.class);

    /** What an attempt came to, as counted in {@code annals_federation_deliveries_total{outcome}}. */
    public enum Outcome {
        /** The inbox took it (2xx). */
        DELIVERED,
        /** The inbox answered a 4xx that will not change: not tried again. */
        REFUSED,
        /** No answer, a timeout or a server error: tried again later. */
        FAILED,
        /** Not sent: the host is unreachable for long, an instance policy rejects it, or its address is not allowed. */
        DROPPED,
        /** Not sent yet: this node is sending the host as many as it may at once. */
        DEFERRED
    }

    private final SignedHttp http;
    private final Reachability reachability;
    private final int perHost;
    private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();
    private final Map<Outcome, Counter> counted = new EnumMap<>(Outcome.class);

    public Deliverer(SignedHttp http, Reachability reachability, MeterRegistry registry,
                     @Value("${annals.federation.delivery.per-host:4}") int perHost) {
        this.http = http;
        this.reachability = reachability;
        this.perHost = perHost;
        for (Outcome outcome : Outcome.values()) {
            counted.put(outcome, Counter.builder("annals.federation.deliveries")
                    .description("Delivery attempts to other servers, by what they came to")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry));
        }
    }

    /** Thrown for a failure worth another attempt. */
    public static class RetryLater extends RuntimeException {
        RetryLater(String message) {
            super(message, null, false, false);
        }
    }

    public Outcome deliver(Delivery delivery) {
        URI inbox = URI.create(delivery.inbox());
        String host = inbox.getRawAuthority();
        Semaphore slots = inFlight.computeIfAbsent(host, ignored -> new Semaphore(perHost));
        if (!slots.tryAcquire()) {
            return counted(Outcome.DEFERRED);
        }
        try {
            return counted(attempt(delivery, inbox, host));
        } catch (RetryLater e) {
            counted(Outcome.FAILED);
            throw e;
        } finally {
            slots.release();
        }
    }

    private Outcome attempt(Delivery delivery, URI inbox, String host) {
        if (reachability.isUnreachable(host)) {
            log.info("Not delivering to {}: the host has not answered for a long time", delivery.inbox());
            return Outcome.DROPPED;
        }
        GuardedHttp.Response response;
        try {
            byte[] body = delivery.activity().getBytes(StandardCharsets.UTF_8);
            response = delivery.signedHeaders() != null ? http.post(inbox, body, delivery.signedHeaders())
                    : http.post(inbox, body, delivery.signerId());
        } catch (FetchRefused e) {
            if (e.reason() == FetchRefused.Reason.UNREACHABLE || e.reason() == FetchRefused.Reason.TIMEOUT) {
                reachability.failed(host, e.reason().name().toLowerCase(Locale.ROOT));
                throw new RetryLater("Delivery to " + inbox + " failed: " + e.reason());
            }
            log.warn("Not delivering to {}: {}", inbox, e.reason());
            return Outcome.DROPPED;
        }
        int status = response.status();
        if (status >= 200 && status < 300) {
            reachability.answered(host, String.valueOf(status));
            return Outcome.DELIVERED;
        }
        if (status >= 500 || status == 408 || status == 429) {
            reachability.failed(host, String.valueOf(status));
            throw new RetryLater("Delivery to " + inbox + " answered " + status);
        }
        reachability.answered(host, String.valueOf(status));
        log.info("Delivery to {} refused with {}; not retried", inbox, status);
        return Outcome.REFUSED;
    }

    private Outcome counted(Outcome outcome) {
        counted.get(outcome).increment();
        return outcome;
    }
}
