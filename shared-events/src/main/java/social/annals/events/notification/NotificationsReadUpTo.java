package social.annals.events.notification;

import java.time.Instant;

/**
 * The recipient's read marker moved forward to {@code lastReadId}: every notification up to it is
 * seen. {@code markerVersion} counts the marker's moves (Mastodon's marker {@code version}).
 */
public record NotificationsReadUpTo(String recipientId, long lastReadId, long markerVersion, Instant readAt)
        implements InboxEvent {
}
