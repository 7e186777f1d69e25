package social.annals.events.notification;

import java.time.Instant;

/**
 * A notification reached its recipient. {@code notificationId} is a time-ordered integer below
 * 2^53, so clients that parse ids as numbers keep them exact; {@code statusId} is null for follows;
 * {@code emoji} is the reaction's emoji, null for every other type (and in events stored before
 * reactions existed, which read it as null: no upcaster needed).
 */
public record NotificationDelivered(long notificationId, String recipientId, NotificationType type, String actorId,
                                    String statusId, Instant deliveredAt, String emoji) implements InboxEvent {
}
