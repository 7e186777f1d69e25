package social.annals.events.notification;

/** An event about one account's notifications; projections keep each recipient's events in order. */
public sealed interface InboxEvent
        permits NotificationDelivered, NotificationRead, NotificationDismissed, NotificationsReadUpTo,
        NotificationsCleared {

    String recipientId();
}
