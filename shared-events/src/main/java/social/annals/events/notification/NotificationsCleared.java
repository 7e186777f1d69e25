package social.annals.events.notification;

import java.time.Instant;

/** The recipient cleared their list: every notification with an id up to {@code upToId} is gone. */
public record NotificationsCleared(String recipientId, long upToId, Instant clearedAt) implements InboxEvent {
}
