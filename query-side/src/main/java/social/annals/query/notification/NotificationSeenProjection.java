package social.annals.query.notification;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.events.notification.NotificationDismissed;
import social.annals.events.notification.NotificationRead;
import social.annals.events.notification.NotificationsCleared;
import social.annals.events.notification.NotificationsReadUpTo;

/**
 * Read model "notifications-seen": what each recipient has seen, their read marker and the
 * notifications marked one by one. It is kept in the marking command's transaction (a subscribing
 * group), so the answer to the request and the next listing show the mark at once, where waiting
 * for the "notifications" processor to pick the event up would add its latency to every mark.
 * Answers start from the "notifications" read model and look here only for its rows, so a mark
 * that outlives its notification (cleared while being marked) is never shown.
 */
@Component
@ProcessingGroup(NotificationSeenProjection.GROUP)
public class NotificationSeenProjection {

    public static final String GROUP = "notifications-seen";

    private final JdbcTemplate jdbc;

    public NotificationSeenProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(NotificationRead event) {
        jdbc.update("INSERT INTO notification_seen (recipient_id, notification_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.recipientId(), event.notificationId());
    }

    /** The marker only moves forward: a move with an older version than the one recorded changes nothing. */
    @EventHandler
    void on(NotificationsReadUpTo event) {
        jdbc.update("INSERT INTO notification_marker (account_id, last_read_id, version, updated_at) "
                        + "VALUES (?, ?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET "
                        + "last_read_id = EXCLUDED.last_read_id, version = EXCLUDED.version, "
                        + "updated_at = EXCLUDED.updated_at WHERE notification_marker.version < EXCLUDED.version",
                event.recipientId(), event.lastReadId(), event.markerVersion(), Timestamp.from(event.readAt()));
    }

    @EventHandler
    void on(NotificationDismissed event) {
        jdbc.update("DELETE FROM notification_seen WHERE recipient_id = ? AND notification_id = ?",
                event.recipientId(), event.notificationId());
    }

    @EventHandler
    void on(NotificationsCleared event) {
        jdbc.update("DELETE FROM notification_seen WHERE recipient_id = ? AND notification_id <= ?",
                event.recipientId(), event.upToId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE notification_seen, notification_marker");
    }
}
