package social.annals.command.notification;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.command.ids.NumericIdGenerator;
import social.annals.events.notification.NotificationsCleared;
import social.annals.events.notification.NotificationsReadUpTo;

/**
 * One account's read marker and clearings. Deliveries are not part of it (they are their own
 * aggregates), so it stays small however many notifications arrive. The marker only moves forward,
 * and never past the newest id a notification can have at the time.
 */
@Aggregate
class Inbox {

    @AggregateIdentifier
    private String aggregateId;
    private long lastReadId;
    private long markerVersion;
    private Instant markerUpdatedAt;

    Inbox() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public NotificationCommands.Marker handle(NotificationCommands.ReadUpTo command, Clock clock) {
        Instant now = clock.instant();
        // Not past what can exist yet: notifications that arrive later are unread, as in Pleroma.
        long upTo = Math.min(command.lastReadId(), NumericIdGenerator.latestAt(now));
        if (upTo > lastReadId) {
            apply(new NotificationsReadUpTo(command.accountId(), upTo, markerVersion + 1, now));
        }
        return new NotificationCommands.Marker(lastReadId, markerVersion, markerUpdatedAt);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(NotificationCommands.Clear command, Clock clock) {
        Instant now = clock.instant();
        apply(new NotificationsCleared(command.accountId(), NumericIdGenerator.latestAt(now), now));
    }

    @EventSourcingHandler
    void on(NotificationsReadUpTo event) {
        aggregateId = NotificationCommands.inboxAggregateId(event.recipientId());
        lastReadId = event.lastReadId();
        markerVersion = event.markerVersion();
        markerUpdatedAt = event.readAt();
    }

    @EventSourcingHandler
    void on(NotificationsCleared event) {
        aggregateId = NotificationCommands.inboxAggregateId(event.recipientId());
    }
}
