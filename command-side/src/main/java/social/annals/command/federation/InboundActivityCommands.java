package social.annals.command.federation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import social.annals.events.federation.InstancePolicy;

/**
 * Activities other servers deliver to us. Each is kept under a digest of its id, since activity
 * URIs may be longer than the event store's id column.
 */
public final class InboundActivityCommands {

    private InboundActivityCommands() {
    }

    /**
     * Record an activity never seen before as received, without reading the log first (the inbox's
     * common case). {@code activity} is its JSON, as received. When one with this id was received
     * or rejected before, its append fails ({@code AggregateStreamCreationException}) and the caller
     * sends {@link ReceiveAgain}.
     */
    public record Receive(@TargetAggregateIdentifier String inboundId, String activityUri, String type,
                          String actorId, String objectUri, String activity) {

        public static Receive of(String activityUri, String type, String actorId, String objectUri, String activity) {
            return new Receive(inboundIdOf(activityUri), activityUri, type, actorId, objectUri, activity);
        }
    }

    /**
     * Record as received an activity whose id is in the log already; answers false when it was
     * received before (then the caller must not act on it again), true when it was only rejected.
     */
    public record ReceiveAgain(@TargetAggregateIdentifier String inboundId, Receive receive) {

        public ReceiveAgain(Receive receive) {
            this(receive.inboundId(), receive);
        }
    }

    /** Record that an instance policy stopped the activity; answers false when that was recorded before. */
    public record Reject(@TargetAggregateIdentifier String inboundId, String activityUri, String type,
                         String actorUri, String host, String objectUri, InstancePolicy policy) {

        public static Reject of(String activityUri, String type, String actorUri, String host, String objectUri,
                                InstancePolicy policy) {
            return new Reject(inboundIdOf(activityUri), activityUri, type, actorUri, host, objectUri, policy);
        }
    }

    /** The id an activity is kept under. */
    public static String inboundIdOf(String activityUri) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(activityUri.getBytes(StandardCharsets.UTF_8));
            return "inbound-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
