package social.annals.query;

import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import social.annals.events.notification.InboxEvent;
import social.annals.query.auth.AuthProjection;
import social.annals.query.federation.ActorKeyProjection;
import social.annals.query.notification.NotificationProjection;
import social.annals.query.notification.NotificationSeenProjection;
import social.annals.query.social.RelationshipProjection;

/**
 * How the query side wants its read models processed, for the application to apply to Axon's
 * configuration; every other read model is a tracking processor with the default settings.
 */
public final class ReadModelProcessing {

    /** Read models the next request depends on: updated in the command's own transaction. */
    public static final List<String> SUBSCRIBING = List.of(AuthProjection.GROUP, RelationshipProjection.GROUP,
            NotificationSeenProjection.GROUP, ActorKeyProjection.GROUP);

    /** Read models written in large batches: a post to thousands of subscribers is thousands of deliveries. */
    public static final List<String> BULK = List.of(NotificationProjection.GROUP);

    /**
     * Read models whose events must be kept in another order than per aggregate: a recipient's
     * deliveries, reads and clearings are separate aggregates, kept in order per recipient.
     */
    public static final Map<String, SequencingPolicy<EventMessage<?>>> SEQUENCING = Map.of(
            NotificationProjection.GROUP, event -> event.getPayload() instanceof InboxEvent inbox
                    ? inbox.recipientId()
                    : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event));

    private ReadModelProcessing() {
    }
}
