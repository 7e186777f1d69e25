package social.annals.query.notification;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.events.notification.NotificationDelivered;
import social.annals.events.notification.NotificationDismissed;
import social.annals.events.notification.NotificationType;
import social.annals.events.notification.NotificationsCleared;
import social.annals.events.status.StatusDeleted;
import social.annals.events.status.StatusUnfavourited;
import social.annals.events.status.StatusUnreacted;
import social.annals.events.status.StatusUnreblogged;
import social.annals.query.PerBatch;
import social.annals.query.social.DomainBlockSql;

/**
 * Read model "notifications": the delivered notifications, minus those dismissed or cleared, and
 * minus those whose cause was undone (the status deleted, the favourite or boost taken back).
 * Every handler is an idempotent upsert or delete, so replay and redelivery are safe.
 */
@Component
@ProcessingGroup(NotificationProjection.GROUP)
public class NotificationProjection {

    public static final String GROUP = "notifications";
    /**
     * Seen when the recipient's read marker has passed it, or when it was marked on its own (both
     * kept by "notifications-seen", in the marking command's transaction). Scalar subqueries, so
     * that each shown row is looked up by key: as a join or an EXISTS, PostgreSQL may read a whole
     * table into a hash for every page.
     */
    private static final String SEEN = "(coalesce(n.notification_id <= (SELECT m.last_read_id "
            + "FROM notification_marker m WHERE m.account_id = n.recipient_id), false) "
            + "OR coalesce((SELECT true FROM notification_seen s "
            + "WHERE s.recipient_id = n.recipient_id AND s.notification_id = n.notification_id), false))";
    private static final String COLUMNS = "n.notification_id, n.recipient_id, n.type, n.actor_id, n.status_id, " + SEEN
            + ", n.created_at, n.emoji";

    private final JdbcTemplate jdbc;
    private final PerBatch<NotificationDelivered> deliveries =
            new PerBatch<>(NotificationProjection.class, "deliveries", this::insert);

    public NotificationProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Deliveries arrive in thousands (one post to every subscriber), so those of one batch are
     * written with one statement when the batch commits; every other handler writes them first,
     * so the events still take effect in their order.
     */
    @EventHandler
    void on(NotificationDelivered event) {
        deliveries.add(event);
    }

    /**
     * Never shown if its status is gone. In the primary key's order, so that consecutive rows land
     * side by side in it.
     */
    private void insert(List<NotificationDelivered> deliveries) {
        jdbc.update(con -> {
            PreparedStatement statement = con.prepareStatement("""
                    INSERT INTO notification_view (notification_id, recipient_id, type, actor_id, status_id, created_at,
                                                   emoji)
                    SELECT d.id, d.recipient, d.type, d.actor, d.status, d.at::timestamptz, d.emoji
                    FROM unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[],
                                ?::varchar[])
                         AS d(id, recipient, type, actor, status, at, emoji)
                    WHERE NOT EXISTS (SELECT 1 FROM notification_deleted_status x WHERE x.status_id = d.status)
                    ORDER BY d.recipient, d.id
                    ON CONFLICT (recipient_id, notification_id) DO NOTHING""");
            statement.setArray(1, con.createArrayOf("bigint",
                    deliveries.stream().map(NotificationDelivered::notificationId).toArray()));
            statement.setArray(2, con.createArrayOf("varchar",
                    deliveries.stream().map(NotificationDelivered::recipientId).toArray()));
            statement.setArray(3, con.createArrayOf("varchar",
                    deliveries.stream().map(d -> d.type().apiName()).toArray()));
            statement.setArray(4, con.createArrayOf("varchar",
                    deliveries.stream().map(NotificationDelivered::actorId).toArray()));
            statement.setArray(5, con.createArrayOf("varchar",
                    deliveries.stream().map(NotificationDelivered::statusId).toArray()));
            statement.setArray(6, con.createArrayOf("text",
                    deliveries.stream().map(d -> d.deliveredAt().toString()).toArray()));
            statement.setArray(7, con.createArrayOf("varchar",
                    deliveries.stream().map(NotificationDelivered::emoji).toArray()));
            return statement;
        });
    }

    @EventHandler
    void on(NotificationDismissed event) {
        deliveries.flush();
        jdbc.update("DELETE FROM notification_view WHERE recipient_id = ? AND notification_id = ?",
                event.recipientId(), event.notificationId());
    }

    @EventHandler
    void on(NotificationsCleared event) {
        deliveries.flush();
        jdbc.update("DELETE FROM notification_view WHERE recipient_id = ? AND notification_id <= ?",
                event.recipientId(), event.upToId());
    }

    @EventHandler
    void on(StatusDeleted event) {
        deliveries.flush();
        jdbc.update("INSERT INTO notification_deleted_status (status_id) VALUES (?) ON CONFLICT DO NOTHING",
                event.statusId());
        jdbc.update("DELETE FROM notification_view WHERE status_id = ?", event.statusId());
    }

    @EventHandler
    void on(StatusUnfavourited event) {
        deliveries.flush();
        jdbc.update("DELETE FROM notification_view WHERE status_id = ? AND actor_id = ? AND type = 'favourite'",
                event.statusId(), event.accountId());
    }

    @EventHandler
    void on(StatusUnreacted event) {
        deliveries.flush();
        jdbc.update("DELETE FROM notification_view WHERE status_id = ? AND actor_id = ? AND type = ? AND emoji = ?",
                event.statusId(), event.accountId(), NotificationType.EMOJI_REACTION.apiName(), event.emoji());
    }

    @EventHandler
    void on(StatusUnreblogged event) {
        deliveries.flush();
        jdbc.update("DELETE FROM notification_view WHERE status_id = ? AND actor_id = ? AND type = 'reblog'",
                event.statusId(), event.accountId());
    }

    @ResetHandler
    void reset() {
        // TRUNCATE, not DELETE: millions of dead rows would keep autovacuum busy through the rebuild.
        jdbc.update("TRUNCATE notification_view, notification_deleted_status");
    }

    @QueryHandler
    List<NotificationView> handle(NotificationQueries.Page query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM notification_view n WHERE n.recipient_id = ?");
        List<Object> args = new ArrayList<>(List.of(query.recipientId()));
        if (query.maxId() != null) {
            sql.append(" AND n.notification_id < ?");
            args.add(query.maxId());
        }
        if (query.sinceId() != null) {
            sql.append(" AND n.notification_id > ?");
            args.add(query.sinceId());
        }
        if (query.minId() != null) {
            sql.append(" AND n.notification_id > ?");
            args.add(query.minId());
        }
        if (!query.types().isEmpty()) {
            sql.append(" AND n.type = ANY(?)");
            args.add(query.types().toArray(String[]::new));
        }
        if (!query.excludedTypes().isEmpty()) {
            sql.append(" AND n.type <> ALL(?)");
            args.add(query.excludedTypes().toArray(String[]::new));
        }
        sql.append(" AND NOT EXISTS (SELECT 1 FROM relationship_view r WHERE r.account_id = n.recipient_id "
                + "AND r.target_id = n.actor_id AND (r.blocking")
                .append(query.withMuted() ? "" : " OR r.muting_notifications").append("))");
        sql.append(" AND NOT ").append(DomainBlockSql.blocksDomainOf("n.recipient_id", "n.actor_id"));
        // As in Pleroma, a deactivated (or deleted) account's activities notify nobody any more.
        sql.append(" AND NOT EXISTS (SELECT 1 FROM account_view a WHERE a.account_id = n.actor_id AND a.deactivated)");
        // min_id pages upwards from the cursor (the oldest newer ones), answered newest first.
        boolean upwards = query.minId() != null;
        sql.append(" ORDER BY n.notification_id ").append(upwards ? "ASC" : "DESC").append(" LIMIT ?");
        args.add(query.limit());
        List<NotificationView> page = new ArrayList<>(jdbc.query(con -> {
            PreparedStatement statement = con.prepareStatement(sql.toString());
            for (int i = 0; i < args.size(); i++) {
                Object arg = args.get(i);
                if (arg instanceof String[] array) {
                    statement.setArray(i + 1, con.createArrayOf("varchar", array));
                } else {
                    statement.setObject(i + 1, arg);
                }
            }
            return statement;
        }, (rs, row) -> map(rs)));
        if (upwards) {
            Collections.reverse(page);
        }
        return page;
    }

    @QueryHandler
    NotificationView handle(NotificationQueries.ById query) {
        return jdbc.query("SELECT " + COLUMNS + " FROM notification_view n WHERE n.recipient_id = ? "
                        + "AND n.notification_id = ?", (rs, row) -> map(rs),
                        query.recipientId(), query.notificationId())
                .stream().findFirst().orElse(null);
    }

    @QueryHandler
    List<NotificationView> handle(NotificationQueries.UpTo query) {
        return jdbc.query("SELECT " + COLUMNS + " FROM notification_view n WHERE n.recipient_id = ? "
                        + "AND n.notification_id <= ? ORDER BY n.notification_id DESC LIMIT ?",
                (rs, row) -> map(rs), query.recipientId(), query.maxId(), query.limit());
    }

    @QueryHandler
    NotificationQueries.Marker handle(NotificationQueries.MarkerOf query) {
        long unread = jdbc.queryForObject("SELECT count(*) FROM notification_view n WHERE n.recipient_id = ? "
                + "AND n.notification_id > coalesce((SELECT last_read_id FROM notification_marker "
                + "WHERE account_id = ?), 0) "
                + "AND NOT EXISTS (SELECT 1 FROM notification_seen s WHERE s.recipient_id = ? "
                + "AND s.notification_id = n.notification_id)", Long.class, query.accountId(), query.accountId(),
                query.accountId());
        return jdbc.query("SELECT last_read_id, version, updated_at FROM notification_marker WHERE account_id = ?",
                        (rs, row) -> new NotificationQueries.Marker(rs.getLong(1), rs.getLong(2),
                                rs.getTimestamp(3).toInstant(), unread), query.accountId())
                .stream().findFirst().orElse(new NotificationQueries.Marker(0, 0, null, unread));
    }

    private static NotificationView map(ResultSet rs) throws SQLException {
        return new NotificationView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getBoolean(6), rs.getTimestamp(7).toInstant(), rs.getString(8));
    }
}
