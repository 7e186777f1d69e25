package social.annals.command.notification;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.command.CommandSideProcessing;
import social.annals.events.account.NotificationSettingsChanged;
import social.annals.events.notification.NotificationDelivered;
import social.annals.events.notification.NotificationDismissed;
import social.annals.events.notification.NotificationType;
import social.annals.events.notification.NotificationsCleared;
import social.annals.events.social.AccountBlocked;
import social.annals.events.social.AccountFollowed;
import social.annals.events.social.AccountMuted;
import social.annals.events.social.AccountSubscribed;
import social.annals.events.social.AccountUnblocked;
import social.annals.events.social.AccountUnfollowed;
import social.annals.events.social.AccountUnmuted;
import social.annals.events.social.AccountUnsubscribed;
import social.annals.events.social.ThreadMuted;
import social.annals.events.social.ThreadUnmuted;

/**
 * The command side's view of what decides a notification: relationships between accounts,
 * notification switches, and which follow notifications still exist. Kept in the same
 * transaction as the events that change it, so the policy decides on committed facts only.
 */
@Component
@ProcessingGroup(CommandSideProcessing.LOOKUPS)
class NotificationAudience {

    private final JdbcTemplate jdbc;

    NotificationAudience(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A subscriber of an author, and whether they follow the author (who may see private posts). */
    public record Subscriber(String accountId, boolean following) {
    }

    public List<Subscriber> subscribersOf(String accountId) {
        return jdbc.query("SELECT account_id, following FROM relationship_lookup WHERE target_id = ? AND subscribing",
                (rs, row) -> new Subscriber(rs.getString(1), rs.getBoolean(2)), accountId);
    }

    /** Whether the account is another server's: what it does is a remote activity (pleroma-api §2.11). */
    public boolean isRemote(String accountId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM remote_account_lookup WHERE account_id = ?)", Boolean.class, accountId));
    }

    /**
     * Everything the rules need about each existing local account among {@code recipientIds},
     * towards the actor. Single-table queries: a join of all these tables costs more to plan
     * than to run, and the policy asks this for every event.
     */
    public List<NotificationRules.Recipient> recipients(Collection<String> recipientIds, String actorId,
                                                        boolean follow) {
        if (recipientIds.isEmpty()) {
            return List.of();
        }
        Object[] ids = recipientIds.toArray();
        Map<String, NotificationRules.Settings> settings = new LinkedHashMap<>();
        jdbc.query(con -> withIds(con.prepareStatement("SELECT a.account_id, s.followers, s.follows, s.remote, s.local "
                + "FROM account_lookup a LEFT JOIN notification_settings_lookup s ON s.account_id = a.account_id "
                + "WHERE a.account_id = ANY (?)"), 1, ids), rs -> {
            settings.put(rs.getString(1), rs.getObject(2) == null ? NotificationRules.Settings.DEFAULT
                    : new NotificationRules.Settings(rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
                    rs.getBoolean(5)));
        });
        Map<String, boolean[]> towardsActor = new HashMap<>();
        Set<String> followedByActor = new HashSet<>();
        jdbc.query(con -> {
            PreparedStatement statement = con.prepareStatement("SELECT account_id, target_id, following, blocking, "
                    + "muting_notifications FROM relationship_lookup WHERE (account_id = ANY (?) AND target_id = ?) "
                    + "OR (account_id = ? AND target_id = ANY (?))");
            withIds(statement, 1, ids);
            statement.setString(2, actorId);
            statement.setString(3, actorId);
            return withIds(statement, 4, ids);
        }, rs -> {
            if (rs.getString(2).equals(actorId) && !rs.getString(1).equals(actorId)) {
                towardsActor.put(rs.getString(1), new boolean[] {rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5)});
            } else if (rs.getBoolean(3)) {
                followedByActor.add(rs.getString(2));
            }
        });
        Set<String> notifiedOfFollow = new HashSet<>();
        if (follow) {
            jdbc.query(con -> {
                PreparedStatement statement = con.prepareStatement("SELECT recipient_id FROM follow_notification_lookup "
                        + "WHERE actor_id = ? AND recipient_id = ANY (?)");
                statement.setString(1, actorId);
                return withIds(statement, 2, ids);
            }, rs -> {
                notifiedOfFollow.add(rs.getString(1));
            });
        }
        List<NotificationRules.Recipient> out = new ArrayList<>(settings.size());
        settings.forEach((accountId, switches) -> {
            boolean[] mine = towardsActor.getOrDefault(accountId, new boolean[3]);
            out.add(new NotificationRules.Recipient(accountId, mine[1], mine[2], mine[0],
                    followedByActor.contains(accountId), switches, notifiedOfFollow.contains(accountId)));
        });
        return out;
    }

    private static PreparedStatement withIds(PreparedStatement statement, int index, Object[] ids) throws SQLException {
        statement.setArray(index, statement.getConnection().createArrayOf("varchar", ids));
        return statement;
    }

    @EventHandler
    void on(AccountFollowed event) {
        set(event.followerId(), event.followedId(), "following", true);
    }

    @EventHandler
    void on(AccountUnfollowed event) {
        set(event.followerId(), event.followedId(), "following", false);
    }

    @EventHandler
    void on(AccountBlocked event) {
        set(event.blockerId(), event.blockedId(), "blocking", true);
    }

    @EventHandler
    void on(AccountUnblocked event) {
        set(event.blockerId(), event.blockedId(), "blocking", false);
    }

    @EventHandler
    void on(AccountMuted event) {
        set(event.muterId(), event.mutedId(), "muting_notifications", event.notifications());
    }

    @EventHandler
    void on(AccountUnmuted event) {
        set(event.muterId(), event.mutedId(), "muting_notifications", false);
    }

    @EventHandler
    void on(AccountSubscribed event) {
        set(event.subscriberId(), event.targetId(), "subscribing", true);
    }

    @EventHandler
    void on(AccountUnsubscribed event) {
        set(event.subscriberId(), event.targetId(), "subscribing", false);
    }

    /** {@code column} is one of this class's constants, never input. */
    private void set(String accountId, String targetId, String column, boolean value) {
        jdbc.update("INSERT INTO relationship_lookup (account_id, target_id, " + column + ") VALUES (?, ?, ?) "
                + "ON CONFLICT (account_id, target_id) DO UPDATE SET " + column + " = EXCLUDED." + column,
                accountId, targetId, value);
    }

    /** Of these accounts, those who muted the conversation the status belongs to. */
    public Set<String> mutedThreadOf(String statusId, Collection<String> accountIds) {
        if (statusId == null || accountIds.isEmpty()) {
            return Set.of();
        }
        Set<String> muted = new HashSet<>();
        jdbc.query(con -> {
            PreparedStatement statement = con.prepareStatement("SELECT m.account_id FROM authored_status_lookup s "
                    + "JOIN muted_thread_lookup m ON m.conversation_id = s.conversation_id "
                    + "WHERE s.status_id = ? AND m.account_id = ANY (?)");
            statement.setString(1, statusId);
            return withIds(statement, 2, accountIds.toArray());
        }, rs -> {
            muted.add(rs.getString(1));
        });
        return muted;
    }

    @EventHandler
    void on(ThreadMuted event) {
        jdbc.update("INSERT INTO muted_thread_lookup (account_id, conversation_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.accountId(), event.conversationId());
    }

    @EventHandler
    void on(ThreadUnmuted event) {
        jdbc.update("DELETE FROM muted_thread_lookup WHERE account_id = ? AND conversation_id = ?", event.accountId(),
                event.conversationId());
    }

    @EventHandler
    void on(NotificationSettingsChanged event) {
        jdbc.update("INSERT INTO notification_settings_lookup (account_id, followers, follows, remote, local) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET "
                        + "followers = EXCLUDED.followers, follows = EXCLUDED.follows, remote = EXCLUDED.remote, "
                        + "local = EXCLUDED.local",
                event.accountId(), event.followers(), event.follows(), event.remote(), event.local());
    }

    @EventHandler
    void on(NotificationDelivered event) {
        if (event.type() == NotificationType.FOLLOW) {
            jdbc.update("INSERT INTO follow_notification_lookup (recipient_id, actor_id, notification_id) "
                            + "VALUES (?, ?, ?) ON CONFLICT (recipient_id, actor_id) DO UPDATE "
                            + "SET notification_id = EXCLUDED.notification_id",
                    event.recipientId(), event.actorId(), event.notificationId());
        }
    }

    @EventHandler
    void on(NotificationDismissed event) {
        jdbc.update("DELETE FROM follow_notification_lookup WHERE notification_id = ?", event.notificationId());
    }

    @EventHandler
    void on(NotificationsCleared event) {
        jdbc.update("DELETE FROM follow_notification_lookup WHERE recipient_id = ? AND notification_id <= ?",
                event.recipientId(), event.upToId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM relationship_lookup");
        jdbc.update("DELETE FROM notification_settings_lookup");
        jdbc.update("DELETE FROM follow_notification_lookup");
        jdbc.update("DELETE FROM muted_thread_lookup");
    }
}
