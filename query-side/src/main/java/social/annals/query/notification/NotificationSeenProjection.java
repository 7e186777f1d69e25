package social.annals.query.notification;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.events.notification.NotificationDismissed;
import social.annals.events.notification.NotificationRead;
import social.annals.events.notification.NotificationsCleared;

/**
 * Read model "notifications-seen": the notifications marked as seen one by one. It is kept in the
 * marking command's transaction (a subscribing group), so the answer to the next request shows
 * the mark at once, where waiting for the "notifications" processor to pick the event up would
 * add its latency to every mark. Answers start from the "notifications" read model and look
 * here only for its rows, so a mark that outlives its notification (cleared while being marked)
 * is never shown.
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
        jdbc.update("TRUNCATE notification_seen");
    }
}
