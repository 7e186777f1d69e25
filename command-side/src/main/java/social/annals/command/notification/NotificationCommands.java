package social.annals.command.notification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands on notifications: one aggregate per notification, one inbox per recipient. */
public final class NotificationCommands {

    private NotificationCommands() {
    }

    /** The aggregate of one notification. */
    public static String notificationAggregateId(long notificationId) {
        return "notification:" + notificationId;
    }

    /** The aggregate of one account's read marker and clearings. */
    public static String inboxAggregateId(String accountId) {
        return "inbox:" + accountId;
    }

    /** Answers true when the notification is now seen (also when it already was). */
    public record MarkRead(@TargetAggregateIdentifier String aggregateId, long notificationId, String accountId) {
        public MarkRead(long notificationId, String accountId) {
            this(notificationAggregateId(notificationId), notificationId, accountId);
        }
    }

    public record Dismiss(@TargetAggregateIdentifier String aggregateId, long notificationId, String accountId) {
        public Dismiss(long notificationId, String accountId) {
            this(notificationAggregateId(notificationId), notificationId, accountId);
        }
    }

    /** Moves the read marker forward to {@code lastReadId}; answers the {@link Marker} after it. */
    public record ReadUpTo(@TargetAggregateIdentifier String aggregateId, String accountId, long lastReadId) {
        public ReadUpTo(String accountId, long lastReadId) {
            this(inboxAggregateId(accountId), accountId, lastReadId);
        }
    }

    /** Removes every notification the account has been delivered so far. */
    public record Clear(@TargetAggregateIdentifier String aggregateId, String accountId) {
        public Clear(String accountId) {
            this(inboxAggregateId(accountId), accountId);
        }
    }

    /** Where an account's read marker stands: {@code version} 0 means it never moved. */
    public record Marker(long lastReadId, long version, java.time.Instant updatedAt) {
    }
}
