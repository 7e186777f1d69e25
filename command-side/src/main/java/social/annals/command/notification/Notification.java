package social.annals.command.notification;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.events.notification.NotificationDelivered;
import social.annals.events.notification.NotificationDismissed;
import social.annals.events.notification.NotificationRead;

/**
 * One delivered notification. An aggregate per notification, so delivering a post to thousands of
 * recipients appends without loading anything, and only its recipient may read or dismiss it.
 * {@link NotificationPolicy} starts each one by appending its {@link NotificationDelivered}.
 */
@Aggregate
class Notification {

    @AggregateIdentifier
    private String aggregateId;
    private long notificationId;
    private String recipientId;
    private boolean read;
    private boolean dismissed;

    Notification() {
    }

    @CommandHandler
    public boolean handle(NotificationCommands.MarkRead command, Clock clock) {
        if (dismissed || !recipientId.equals(command.accountId())) {
            throw NotificationRefused.cannotGet();
        }
        if (!read) {
            apply(new NotificationRead(notificationId, recipientId, clock.instant()));
        }
        return true;
    }

    @CommandHandler
    public void handle(NotificationCommands.Dismiss command, Clock clock) {
        if (dismissed || !recipientId.equals(command.accountId())) {
            throw NotificationRefused.cannotDismiss();
        }
        apply(new NotificationDismissed(notificationId, recipientId, clock.instant()));
    }

    @EventSourcingHandler
    void on(NotificationDelivered event) {
        aggregateId = NotificationCommands.notificationAggregateId(event.notificationId());
        notificationId = event.notificationId();
        recipientId = event.recipientId();
    }

    @EventSourcingHandler
    void on(NotificationRead event) {
        read = true;
    }

    @EventSourcingHandler
    void on(NotificationDismissed event) {
        dismissed = true;
    }
}
