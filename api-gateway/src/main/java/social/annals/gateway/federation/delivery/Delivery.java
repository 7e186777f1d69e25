package social.annals.gateway.federation.delivery;

import java.io.Serializable;
import java.util.Map;

/**
 * One activity for one inbox, as the scheduler keeps it until it is delivered. {@code signerId} is
 * the local account that acts (its key signs the POST); {@code activity} is the JSON to send.
 * {@code signedHeaders}, when present, were signed when the delivery was scheduled, because the
 * key will be gone by the time it is made (an account's deletion); otherwise the POST is signed
 * when it is made. A record, so deliveries queued before a field was added still read.
 */
public record Delivery(String inbox, String signerId, String activity, Map<String, String> signedHeaders)
        implements Serializable {

    public Delivery(String inbox, String signerId, String activity) {
        this(inbox, signerId, activity, null);
    }
}
