package social.annals.gateway.federation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code annals_federation_inbound_activities_total{type, outcome}}: what inbox POSTs came to. The
 * type is one we act on or {@code other} (and {@code unknown} before the body was read), so the
 * series stay few whatever other servers send.
 */
@Component
public class InboundMetrics {

    public enum Outcome {
        /** Recorded as received, to be acted on. */
        ACCEPTED,
        /** Received before: nothing recorded. */
        DUPLICATE,
        /** A type we do not act on: dropped. */
        IGNORED,
        /** An instance policy stopped it: recorded as rejected. */
        REJECTED,
        /** Not signed by its actor (401). */
        UNVERIFIED,
        /** Not an activity (400). */
        MALFORMED,
        /** Over 1 MB (413). */
        TOO_LARGE
    }

    private final MeterRegistry registry;

    public InboundMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String type, Outcome outcome) {
        String label = type == null ? "unknown" : ActivityInbox.understands(type) ? type : "other";
        Counter.builder("annals.federation.inbound.activities")
                .description("Activities other servers POSTed to our inboxes, by type and by what they came to")
                .tag("type", label).tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
    }
}
