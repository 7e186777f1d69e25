package social.annals.query.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import social.annals.events.account.AccountDeleted;
import social.annals.events.account.AccountDeletionProgressed;
import social.annals.events.account.AccountDeletionStarted;
import social.annals.events.account.AccountRegistered;
import social.annals.events.account.AccountRoleGranted;
import social.annals.events.account.FlavourChanged;
import social.annals.events.account.NotificationSettingsChanged;
import social.annals.events.account.ProfileUpdated;
import social.annals.events.social.AccountFollowed;
import social.annals.events.status.StatusDeleted;
import social.annals.events.status.StatusPosted;
import social.annals.events.social.AccountUnfollowed;

/** Read model "accounts". Every handler writes absolute values, so replay and redelivery are safe. */
@Component
@ProcessingGroup(AccountProjection.GROUP)
public class AccountProjection {

    public static final String GROUP = "accounts";

    private static final String COLUMNS = "account_id, nickname, display_name, bio, note_html, locked, hide_favorites, "
            + "is_admin, is_moderator, deactivated, confirmation_pending, default_scope, notify_followers, "
            + "notify_follows, notify_remote, notify_local, followers_count, following_count, statuses_count, created_at";
    private static final RowMapper<AccountView> ROW = AccountProjection::map;

    private final JdbcTemplate jdbc;

    public AccountProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountRegistered event) {
        jdbc.update("INSERT INTO account_view (account_id, nickname, nickname_key, display_name, bio, note_html, "
                        + "confirmation_pending, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (account_id) DO NOTHING",
                event.accountId(), event.nickname(), event.nickname().toLowerCase(Locale.ROOT), event.displayName(),
                event.bio(), event.noteHtml(), event.confirmationPending(), Timestamp.from(event.registeredAt()));
    }

    @EventHandler
    void on(NotificationSettingsChanged event) {
        jdbc.update("UPDATE account_view SET notify_followers = ?, notify_follows = ?, notify_remote = ?, "
                        + "notify_local = ? WHERE account_id = ?",
                event.followers(), event.follows(), event.remote(), event.local(), event.accountId());
    }

    @EventHandler
    void on(AccountDeletionStarted event) {
        jdbc.update("UPDATE account_view SET deactivated = true WHERE account_id = ?", event.accountId());
        jdbc.update("INSERT INTO account_deletion_view (account_id, nickname, requested_by, state, started_at, "
                        + "updated_at) VALUES (?, ?, ?, 'running', ?, ?) ON CONFLICT (account_id) DO NOTHING",
                event.accountId(), event.nickname(), event.requestedBy(), Timestamp.from(event.startedAt()),
                Timestamp.from(event.startedAt()));
    }

    @EventHandler
    void on(AccountDeletionProgressed event) {
        jdbc.update("UPDATE account_deletion_view SET relationships_severed = ?, statuses_deleted = ?, "
                        + "statuses_remaining = ?, updated_at = ? WHERE account_id = ?",
                event.relationshipsSevered(), event.statusesDeleted(), event.statusesRemaining(),
                Timestamp.from(event.progressedAt()), event.accountId());
    }

    /** What a rebuild would show once the key is gone: the nickname and nothing personal. */
    @EventHandler
    void on(AccountDeleted event) {
        jdbc.update("UPDATE account_view SET display_name = NULL, bio = NULL, note_html = NULL WHERE account_id = ?",
                event.accountId());
        jdbc.update("UPDATE account_deletion_view SET state = 'completed', relationships_severed = ?, "
                        + "statuses_deleted = ?, statuses_remaining = 0, updated_at = ? WHERE account_id = ?",
                event.relationshipsSevered(), event.statusesDeleted(), Timestamp.from(event.deletedAt()),
                event.accountId());
    }

    @QueryHandler
    public AccountQueries.Deletion handle(AccountQueries.DeletionOf query) {
        return jdbc.query("SELECT account_id, nickname, requested_by, state, relationships_severed, statuses_deleted, "
                        + "statuses_remaining, started_at, updated_at FROM account_deletion_view WHERE account_id = ?",
                (rs, row) -> new AccountQueries.Deletion(rs.getString("account_id"), rs.getString("nickname"),
                        rs.getString("requested_by"), rs.getString("state"), rs.getInt("relationships_severed"),
                        rs.getInt("statuses_deleted"), rs.getInt("statuses_remaining"),
                        rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("updated_at").toInstant()),
                query.accountId()).stream().findFirst().orElse(null);
    }

    @EventHandler
    void on(FlavourChanged event) {
        jdbc.update("UPDATE account_view SET flavour = ? WHERE account_id = ?", event.flavour(), event.accountId());
    }

    @EventHandler
    void on(ProfileUpdated event) {
        jdbc.update("UPDATE account_view SET display_name = ?, bio = ?, note_html = ?, locked = ?, hide_favorites = ? "
                        + "WHERE account_id = ?",
                event.displayName(), event.bio(), event.noteHtml(), event.locked(), event.hideFavorites(),
                event.accountId());
    }

    @EventHandler
    void on(AccountRoleGranted event) {
        String column = switch (event.role()) {
            case ADMIN -> "is_admin";
            case MODERATOR -> "is_moderator";
        };
        jdbc.update("UPDATE account_view SET " + column + " = true WHERE account_id = ?", event.accountId());
    }

    @EventHandler
    void on(AccountFollowed event) {
        adjustFollowCounts(event.followerId(), event.followedId(), 1);
    }

    @EventHandler
    void on(AccountUnfollowed event) {
        adjustFollowCounts(event.followerId(), event.followedId(), -1);
    }

    /**
     * The pair aggregate records a follow or unfollow only when it changes something, and this
     * processor commits its position with the same transaction, so counting is exact.
     */
    private void adjustFollowCounts(String followerId, String followedId, int delta) {
        jdbc.update("UPDATE account_view SET following_count = following_count + ? WHERE account_id = ?",
                delta, followerId);
        jdbc.update("UPDATE account_view SET followers_count = followers_count + ? WHERE account_id = ?",
                delta, followedId);
    }

    @EventHandler
    void on(StatusPosted event) {
        jdbc.update("UPDATE account_view SET statuses_count = statuses_count + 1 WHERE account_id = ?",
                event.authorId());
    }

    @EventHandler
    void on(StatusDeleted event) {
        jdbc.update("UPDATE account_view SET statuses_count = statuses_count - 1 WHERE account_id = ?",
                event.authorId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM account_view");
        jdbc.update("DELETE FROM account_deletion_view");
    }

    @QueryHandler
    public AccountView handle(AccountQueries.ById query) {
        return jdbc.query("SELECT " + COLUMNS + " FROM account_view WHERE account_id = ?", ROW, query.accountId())
                .stream().findFirst().orElse(null);
    }

    @QueryHandler
    public String handle(AccountQueries.Flavour query) {
        return jdbc.query("SELECT flavour FROM account_view WHERE account_id = ?", (rs, row) -> rs.getString(1),
                query.accountId()).stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    @QueryHandler
    public AccountView handle(AccountQueries.ByNickname query) {
        return jdbc.query("SELECT " + COLUMNS + " FROM account_view WHERE nickname_key = ?", ROW,
                query.nickname().toLowerCase(Locale.ROOT)).stream().findFirst().orElse(null);
    }

    @QueryHandler
    public List<AccountView> handle(AccountQueries.ByIds query) {
        if (query.accountIds().isEmpty()) {
            return List.of();
        }
        return jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT " + COLUMNS + " FROM account_view WHERE account_id = ANY (?)");
            statement.setArray(1, con.createArrayOf("varchar", query.accountIds().toArray()));
            return statement;
        }, ROW);
    }

    @QueryHandler
    public List<AccountView> handle(AccountQueries.Search query) {
        String pattern = query.text().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        return jdbc.query("SELECT " + COLUMNS + " FROM account_view WHERE NOT deactivated AND (nickname_key LIKE ? "
                        + "OR lower(display_name) LIKE ?) ORDER BY (nickname_key = ?) DESC, nickname_key LIMIT ?",
                ROW, pattern + "%", "%" + pattern + "%", pattern, query.limit());
    }

    @QueryHandler
    public List<AccountView> handle(AccountQueries.Staff query) {
        return jdbc.query("SELECT " + COLUMNS + " FROM account_view WHERE (is_admin OR is_moderator) AND NOT deactivated "
                + "ORDER BY account_id LIMIT 100", ROW);
    }

    @QueryHandler
    public List<AccountView> handle(AccountQueries.ByNicknames query) {
        if (query.nicknames().isEmpty()) {
            return List.of();
        }
        String[] keys = query.nicknames().stream().map(n -> n.toLowerCase(Locale.ROOT)).toArray(String[]::new);
        return jdbc.query(con -> {
            var statement = con.prepareStatement(
                    "SELECT " + COLUMNS + " FROM account_view WHERE nickname_key = ANY (?) ORDER BY account_id");
            statement.setArray(1, con.createArrayOf("varchar", keys));
            return statement;
        }, ROW);
    }

    private static AccountView map(ResultSet rs, int row) throws SQLException {
        return new AccountView(rs.getString("account_id"), rs.getString("nickname"), rs.getString("display_name"),
                rs.getString("bio"), rs.getString("note_html"), rs.getBoolean("locked"),
                rs.getBoolean("hide_favorites"), rs.getBoolean("is_admin"), rs.getBoolean("is_moderator"),
                rs.getBoolean("deactivated"), rs.getBoolean("confirmation_pending"), rs.getString("default_scope"),
                new AccountView.NotificationSettings(rs.getBoolean("notify_followers"),
                        rs.getBoolean("notify_follows"), rs.getBoolean("notify_remote"),
                        rs.getBoolean("notify_local")),
                rs.getInt("followers_count"), rs.getInt("following_count"), rs.getInt("statuses_count"),
                rs.getTimestamp("created_at").toInstant());
    }
}
