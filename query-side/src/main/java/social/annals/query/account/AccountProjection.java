package social.annals.query.account;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import social.annals.events.account.AccountActivated;
import social.annals.events.account.AccountDeactivated;
import social.annals.events.account.AccountDeleted;
import social.annals.events.account.AccountDeletionProgressed;
import social.annals.events.account.AccountDeletionStarted;
import social.annals.events.account.AccountRegistered;
import social.annals.events.account.AccountRole;
import social.annals.events.account.AccountRoleGranted;
import social.annals.events.account.AccountRoleRevoked;
import social.annals.events.account.FlavourChanged;
import social.annals.events.account.NotificationSettingsChanged;
import social.annals.events.account.ProfileUpdated;
import social.annals.events.moderation.AccountRef;
import social.annals.events.moderation.AccountsTagged;
import social.annals.events.moderation.AccountsUntagged;
import social.annals.events.social.AccountFollowed;
import social.annals.events.social.AccountUnfollowed;
import social.annals.events.status.StatusDeleted;
import social.annals.events.status.StatusPosted;
import social.annals.query.PerBatch;

/** Read model "accounts". Every handler writes absolute values, so replay and redelivery are safe. */
@Component
@ProcessingGroup(AccountProjection.GROUP)
public class AccountProjection {

    public static final String GROUP = "accounts";

    private static final String COLUMNS = "account_id, nickname, display_name, bio, note_html, locked, hide_favorites, "
            + "is_admin, is_moderator, deactivated, confirmation_pending, default_scope, notify_followers, "
            + "notify_follows, notify_remote, notify_local, "
            + "followers_count, following_count, statuses_count, created_at, "
            + "tags, actor_uri, profile_url, avatar_url, header_url";
    private static final RowMapper<AccountView> ROW = AccountProjection::map;

    private final JdbcTemplate jdbc;
    /** Every follow and status moves a counter: a batch's moves are summed and written together. */
    private final PerBatch<Counts> counts = new PerBatch<>(AccountProjection.class, "counts", this::count);

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
        setRole(event.accountId(), event.role(), true);
    }

    @EventHandler
    void on(AccountRoleRevoked event) {
        setRole(event.accountId(), event.role(), false);
    }

    private void setRole(String accountId, AccountRole role, boolean held) {
        String column = switch (role) {
            case ADMIN -> "is_admin";
            case MODERATOR -> "is_moderator";
        };
        jdbc.update("UPDATE account_view SET " + column + " = ? WHERE account_id = ?", held, accountId);
    }

    @EventHandler
    void on(AccountDeactivated event) {
        jdbc.update("UPDATE account_view SET deactivated = true WHERE account_id = ?", event.accountId());
    }

    @EventHandler
    void on(AccountActivated event) {
        jdbc.update("UPDATE account_view SET deactivated = false WHERE account_id = ?", event.accountId());
    }

    /** Tags are kept sorted and unique, so the same events always give the same array. */
    @EventHandler
    void on(AccountsTagged event) {
        changeTags(event.accounts(), event.tags(), "SELECT DISTINCT t FROM unnest(tags || ?) t ORDER BY t");
    }

    @EventHandler
    void on(AccountsUntagged event) {
        changeTags(event.accounts(), event.tags(), "SELECT t FROM unnest(tags) t WHERE t <> ALL (?) ORDER BY t");
    }

    private void changeTags(List<AccountRef> accounts, List<String> tags, String select) {
        for (AccountRef account : accounts) {
            jdbc.update(con -> {
                var statement = con.prepareStatement(
                        "UPDATE account_view SET tags = ARRAY(" + select + ") WHERE account_id = ?");
                statement.setArray(1, con.createArrayOf("text", tags.toArray()));
                statement.setString(2, account.accountId());
                return statement;
            });
        }
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
        counts.add(new Counts(followerId, 0, delta, 0));
        counts.add(new Counts(followedId, delta, 0, 0));
    }

    @EventHandler
    void on(StatusPosted event) {
        counts.add(new Counts(event.authorId(), 0, 0, 1));
    }

    @EventHandler
    void on(StatusDeleted event) {
        counts.add(new Counts(event.authorId(), 0, 0, -1));
    }

    /** A change to one account's counters. */
    private record Counts(String accountId, int followers, int following, int statuses) {
    }

    /**
     * A batch's changes summed per account and written with one statement, in account order so
     * that concurrent batches lock rows in the same order. Counters only ever move by deltas, so
     * writing them at the batch's end, after its other handlers, gives the same rows.
     */
    private void count(List<Counts> changes) {
        Map<String, int[]> byAccount = new TreeMap<>();
        for (Counts change : changes) {
            int[] sum = byAccount.computeIfAbsent(change.accountId(), id -> new int[3]);
            sum[0] += change.followers();
            sum[1] += change.following();
            sum[2] += change.statuses();
        }
        jdbc.update(con -> {
            PreparedStatement statement = con.prepareStatement("""
                    UPDATE account_view a SET followers_count = a.followers_count + d.followers,
                        following_count = a.following_count + d.following,
                        statuses_count = a.statuses_count + d.statuses
                    FROM unnest(?::varchar[], ?::int[], ?::int[], ?::int[]) AS d(account_id, followers, following, statuses)
                    WHERE a.account_id = d.account_id""");
            statement.setArray(1, con.createArrayOf("varchar", byAccount.keySet().toArray()));
            for (int column = 0; column < 3; column++) {
                int index = column;
                statement.setArray(column + 2, con.createArrayOf("integer",
                        byAccount.values().stream().map(sum -> sum[index]).toArray()));
            }
            return statement;
        });
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE account_view, account_deletion_view");
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
        String pattern = likeEscaped(query.text().toLowerCase(Locale.ROOT));
        return jdbc.query("SELECT " + COLUMNS + " FROM account_view WHERE NOT deactivated AND (nickname_key LIKE ? "
                        + "OR lower(display_name) LIKE ?) ORDER BY (nickname_key = ?) DESC, nickname_key LIMIT ?",
                ROW, pattern + "%", "%" + pattern + "%", pattern, query.limit());
    }

    @QueryHandler
    public AccountQueries.AdminPage handle(AccountQueries.AdminSearch query) {
        List<String> clauses = new java.util.ArrayList<>();
        List<Object> args = new java.util.ArrayList<>();
        if (query.query() != null && !query.query().isEmpty()) {
            clauses.add("nickname_key LIKE ?");
            args.add("%" + likeEscaped(query.query().toLowerCase(Locale.ROOT)) + "%");
        }
        if (query.name() != null && !query.name().isEmpty()) {
            clauses.add("lower(display_name) LIKE ?");
            args.add("%" + likeEscaped(query.name().toLowerCase(Locale.ROOT)) + "%");
        }
        if (query.accountIds() != null) {
            clauses.add("account_id = ANY (?::varchar[])");
            args.add(query.accountIds().toArray(String[]::new));
        }
        if (query.active() != null) {
            clauses.add(query.active() ? "NOT deactivated" : "deactivated");
        }
        if (query.admins()) {
            clauses.add("is_admin");
        }
        if (query.moderators()) {
            clauses.add("is_moderator");
        }
        if (query.tags() != null && !query.tags().isEmpty()) {
            clauses.add("tags && ?::text[]");
            args.add(query.tags().toArray(String[]::new));
        }
        String where = clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        Object[] filterArgs = args.toArray();
        Integer count = jdbc.queryForObject("SELECT count(*) FROM account_view" + where, Integer.class, filterArgs);
        args.add(query.pageSize());
        args.add((long) Math.max(0, query.page() - 1) * query.pageSize());
        List<AccountView> accounts = jdbc.query("SELECT " + COLUMNS + " FROM account_view" + where
                + " ORDER BY nickname_key LIMIT ? OFFSET ?", ROW, args.toArray());
        return new AccountQueries.AdminPage(count == null ? 0 : count, accounts);
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
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
                rs.getTimestamp("created_at").toInstant(), java.util.Arrays.asList((String[]) rs.getArray("tags").getArray()),
                rs.getString("actor_uri") == null ? null : new AccountView.Remote(rs.getString("actor_uri"),
                        rs.getString("profile_url"), rs.getString("avatar_url"), rs.getString("header_url")));
    }
}
