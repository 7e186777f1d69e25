package social.annals.command.federation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Activities other servers deliver to us. */
public final class InboundActivityCommands {

    private InboundActivityCommands() {
    }

    /**
     * Record the activity as received; answers false when one with this id was received before,
     * and then the caller must not act on it again. {@code activity} is its JSON, as received.
     * {@code inboundId} is a digest of the activity's
     * id, since activity URIs may be longer than the event store's id column ({@link #of}).
     */
    public record Receive(@TargetAggregateIdentifier String inboundId, String activityUri, String type,
                          String actorId, String objectUri, String activity) {

        public static Receive of(String activityUri, String type, String actorId, String objectUri, String activity) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(activityUri.getBytes(StandardCharsets.UTF_8));
                return new Receive("inbound-" + HexFormat.of().formatHex(digest), activityUri, type, actorId,
                        objectUri, activity);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java runtime has SHA-256", e);
            }
        }
    }
}
