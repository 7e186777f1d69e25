package social.annals.gateway.federation.delivery;

import java.io.Serializable;

/**
 * One activity for one inbox, as the scheduler keeps it until it is delivered. {@code signerId} is
 * the local account that acts (its key signs the POST); {@code activity} is the JSON to send.
 */
public record Delivery(String inbox, String signerId, String activity) implements Serializable {
}
