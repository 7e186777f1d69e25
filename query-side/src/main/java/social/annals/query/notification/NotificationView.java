package social.annals.query.notification;

import java.time.Instant;

/**
 * One notification as its recipient sees it; {@code type} is the API name, {@code statusId} null
 * for follows, {@code emoji} set for reactions only.
 */
public record NotificationView(long notificationId, String recipientId, String type, String actorId,
                               String statusId, boolean seen, Instant createdAt, String emoji) {
}
