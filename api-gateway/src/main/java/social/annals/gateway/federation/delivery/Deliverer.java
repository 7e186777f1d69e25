package social.annals.gateway.federation.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import social.annals.gateway.federation.SignedHttp;
import social.annals.gateway.federation.http.FetchRefused;
import social.annals.gateway.federation.http.GuardedHttp;

/**
 * Makes one delivery attempt. A failure worth retrying (no answer, a timeout, a server error, a
 * 408 or 429) is thrown, and the scheduler tries again later; an answer that will not change (any
 * other 4xx) or an inbox we must not reach ends the delivery.
 */
@Component
public class Deliverer {

    private static final Logger log = LoggerFactory.getLogger(Deliverer.class);

    private final SignedHttp http;
    private final Reachability reachability;

    public Deliverer(SignedHttp http, Reachability reachability) {
        this.http = http;
        this.reachability = reachability;
    }

    /** Thrown for a failure worth another attempt. */
    public static class RetryLater extends RuntimeException {
        RetryLater(String message) {
            super(message, null, false, false);
        }
    }

    public void deliver(Delivery delivery) {
        URI inbox = URI.create(delivery.inbox());
        String host = inbox.getRawAuthority();
        if (reachability.isUnreachable(host)) {
            log.info("Not delivering to {}: the host has not answered for a long time", delivery.inbox());
            return;
        }
        GuardedHttp.Response response;
        try {
            response = http.post(inbox, delivery.activity().getBytes(StandardCharsets.UTF_8), delivery.signerId());
        } catch (FetchRefused e) {
            if (e.reason() == FetchRefused.Reason.UNREACHABLE || e.reason() == FetchRefused.Reason.TIMEOUT) {
                reachability.failed(host);
                throw new RetryLater("Delivery to " + inbox + " failed: " + e.reason());
            }
            log.warn("Not delivering to {}: {}", inbox, e.reason());
            return;
        }
        int status = response.status();
        if (status >= 200 && status < 300) {
            reachability.answered(host);
            return;
        }
        if (status >= 500 || status == 408 || status == 429) {
            reachability.failed(host);
            throw new RetryLater("Delivery to " + inbox + " answered " + status);
        }
        reachability.answered(host);
        log.info("Delivery to {} refused with {}; not retried", inbox, status);
    }
}
