package social.annals.events.notification;

import java.time.Instant;

/** The recipient removed this notification from their list. */
public record NotificationDismissed(long notificationId, String recipientId, Instant dismissedAt)
        implements InboxEvent {
}
