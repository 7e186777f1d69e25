package social.annals.events.notification;

import java.time.Instant;

/** The recipient marked this one notification as seen. */
public record NotificationRead(long notificationId, String recipientId, Instant readAt) implements InboxEvent {
}
