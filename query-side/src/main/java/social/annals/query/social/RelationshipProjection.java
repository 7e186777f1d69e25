package social.annals.query.social;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.events.social.AccountBlocked;
import social.annals.events.social.DomainBlocked;
import social.annals.events.social.DomainUnblocked;
import social.annals.events.social.AccountFollowed;
import social.annals.events.social.AccountMuted;
import social.annals.events.social.AccountSubscribed;
import social.annals.events.social.AccountUnblocked;
import social.annals.events.social.AccountUnfollowed;
import social.annals.events.social.AccountUnmuted;
import social.annals.events.social.AccountUnsubscribed;
import social.annals.events.social.FollowRequestRejected;
import social.annals.events.social.FollowRequestWithdrawn;
import social.annals.events.social.FollowRequested;
import social.annals.events.social.ReblogVisibilityChanged;

/**
 * Read model "relationships": one row per direction between two accounts. Kept in the command's
 * transaction (subscribing) because clients read a relationship right after changing it; rows
 * are per pair, so concurrent writers never wait on each other here.
 */
@Component
@ProcessingGroup(RelationshipProjection.GROUP)
public class RelationshipProjection {

    public static final String GROUP = "relationships";

    private final JdbcTemplate jdbc;

    public RelationshipProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets the given flags on the row from {@code account} to {@code target}, creating it if needed. */
    private void set(String account, String target, Map<String, Boolean> flags) {
        List<String> columns = new ArrayList<>(flags.keySet());
        String names = String.join(", ", columns);
        String placeholders = String.join(", ", Collections.nCopies(columns.size(), "?"));
        StringBuilder updates = new StringBuilder();
        for (String column : columns) {
            updates.append(updates.isEmpty() ? "" : ", ").append(column).append(" = excluded.").append(column);
        }
        List<Object> args = new ArrayList<>(List.of(account, target));
        args.addAll(flags.values());
        jdbc.update("INSERT INTO relationship_view (account_id, target_id, " + names + ") VALUES (?, ?, "
                + placeholders + ") ON CONFLICT (account_id, target_id) DO UPDATE SET " + updates, args.toArray());
    }

    private static Map<String, Boolean> flags(Object... pairs) {
        Map<String, Boolean> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Boolean) pairs[i + 1]);
        }
        return map;
    }

    @EventHandler
    void on(FollowRequested event) {
        set(event.followerId(), event.followedId(),
                flags("requested", true, "showing_reblogs", event.showingReblogs()));
    }

    @EventHandler
    void on(AccountFollowed event) {
        set(event.followerId(), event.followedId(),
                flags("following", true, "requested", false, "showing_reblogs", event.showingReblogs()));
    }

    @EventHandler
    void on(ReblogVisibilityChanged event) {
        set(event.followerId(), event.followedId(), flags("showing_reblogs", event.showingReblogs()));
    }

    @EventHandler
    void on(FollowRequestWithdrawn event) {
        set(event.followerId(), event.followedId(), flags("requested", false));
    }

    @EventHandler
    void on(FollowRequestRejected event) {
        set(event.followerId(), event.followedId(), flags("requested", false));
    }

    @EventHandler
    void on(AccountUnfollowed event) {
        set(event.followerId(), event.followedId(), flags("following", false));
    }

    @EventHandler
    void on(AccountBlocked event) {
        set(event.blockerId(), event.blockedId(), flags("blocking", true));
    }

    @EventHandler
    void on(AccountUnblocked event) {
        set(event.blockerId(), event.blockedId(), flags("blocking", false));
    }

    @EventHandler
    void on(AccountMuted event) {
        set(event.muterId(), event.mutedId(), flags("muting", true, "muting_notifications", event.notifications()));
    }

    @EventHandler
    void on(AccountUnmuted event) {
        set(event.muterId(), event.mutedId(), flags("muting", false, "muting_notifications", false));
    }

    @EventHandler
    void on(AccountSubscribed event) {
        set(event.subscriberId(), event.targetId(), flags("subscribing", true));
    }

    @EventHandler
    void on(AccountUnsubscribed event) {
        set(event.subscriberId(), event.targetId(), flags("subscribing", false));
    }

    @EventHandler
    void on(DomainBlocked event) {
        jdbc.update("INSERT INTO domain_block_view (account_id, domain) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.accountId(), event.domain());
    }

    @EventHandler
    void on(DomainUnblocked event) {
        jdbc.update("DELETE FROM domain_block_view WHERE account_id = ? AND domain = ?", event.accountId(),
                event.domain());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM relationship_view");
        jdbc.update("DELETE FROM domain_block_view");
    }

    @QueryHandler
    public List<String> handle(RelationshipQueries.BlockedDomains query) {
        return jdbc.queryForList("SELECT domain FROM domain_block_view WHERE account_id = ? ORDER BY domain",
                String.class, query.accountId());
    }

    /** Whether the viewer blocks the domain of the account. */
    @QueryHandler
    public Boolean handle(RelationshipQueries.BlocksDomainOf query) {
        return jdbc.queryForObject("SELECT " + DomainBlockSql.blocksDomainOf("?", "?"), Boolean.class,
                query.viewerId(), query.accountId());
    }

    /** Those who follow the account or ask to, from the domain (or its subdomains). */
    @QueryHandler
    public List<String> handle(RelationshipQueries.FollowersOnDomain query) {
        return jdbc.queryForList("SELECT r.account_id FROM relationship_view r JOIN account_view a "
                        + "ON a.account_id = r.account_id WHERE r.target_id = ? AND (r.following OR r.requested) AND "
                        + DomainBlockSql.covers("CAST(? AS text)", "a") + " ORDER BY r.account_id", String.class,
                query.accountId(), query.domain(), query.domain());
    }

    @QueryHandler
    public List<RelationshipView> handle(RelationshipQueries.Between query) {
        List<String> targets = new ArrayList<>(new LinkedHashSet<>(query.targetIds()));
        if (targets.isEmpty()) {
            return List.of();
        }
        Map<String, RelationshipView> found = new LinkedHashMap<>();
        jdbc.query(con -> {
            var statement = con.prepareStatement("""
                    SELECT a.account_id AS target,
                           coalesce(mine.following, false) AS following, coalesce(mine.requested, false) AS requested,
                           coalesce(mine.showing_reblogs, true) AS showing_reblogs,
                           coalesce(theirs.following, false) AS followed_by,
                           coalesce(mine.blocking, false) AS blocking, coalesce(theirs.blocking, false) AS blocked_by,
                           coalesce(mine.muting, false) AS muting,
                           coalesce(mine.muting_notifications, false) AS muting_notifications,
                           coalesce(mine.subscribing, false) AS subscribing,
                           """ + DomainBlockSql.blocksDomainOf("?", "a.account_id") + """
                     AS domain_blocking
                    FROM account_view a
                    LEFT JOIN relationship_view mine ON mine.account_id = ? AND mine.target_id = a.account_id
                    LEFT JOIN relationship_view theirs ON theirs.account_id = a.account_id AND theirs.target_id = ?
                    WHERE a.account_id = ANY (?)""");
            statement.setString(1, query.viewerId());
            statement.setString(2, query.viewerId());
            statement.setString(3, query.viewerId());
            statement.setArray(4, con.createArrayOf("varchar", targets.toArray()));
            return statement;
        }, rs -> {
            found.put(rs.getString("target"), new RelationshipView(rs.getString("target"), rs.getBoolean("following"),
                    rs.getBoolean("requested"), rs.getBoolean("showing_reblogs"), rs.getBoolean("followed_by"),
                    rs.getBoolean("blocking"), rs.getBoolean("blocked_by"), rs.getBoolean("muting"),
                    rs.getBoolean("muting_notifications"), rs.getBoolean("subscribing"),
                    rs.getBoolean("domain_blocking")));
        });
        return targets.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    @QueryHandler
    public List<RelationshipQueries.Exported> handle(RelationshipQueries.Export query) {
        String flag = switch (query.list()) {
            case FOLLOWING -> "r.following";
            case BLOCKS -> "r.blocking";
            case MUTES -> "r.muting";
            default -> throw new IllegalArgumentException("cannot export " + query.list());
        };
        return jdbc.query("SELECT a.nickname, r.showing_reblogs, r.muting_notifications FROM relationship_view r "
                        + "JOIN account_view a ON a.account_id = r.target_id WHERE r.account_id = ? AND " + flag
                        + " ORDER BY r.target_id",
                (rs, row) -> new RelationshipQueries.Exported(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)),
                query.accountId());
    }

    @QueryHandler
    public List<String> handle(RelationshipQueries.Page query) {
        // Column names come from this switch only, never from the request.
        String owner;
        String listed;
        String flag;
        switch (query.list()) {
            case FOLLOWERS -> { owner = "target_id"; listed = "account_id"; flag = "following"; }
            case FOLLOWING -> { owner = "account_id"; listed = "target_id"; flag = "following"; }
            case FOLLOW_REQUESTS -> { owner = "target_id"; listed = "account_id"; flag = "requested"; }
            case BLOCKS -> { owner = "account_id"; listed = "target_id"; flag = "blocking"; }
            case MUTES -> { owner = "account_id"; listed = "target_id"; flag = "muting"; }
            case SUBSCRIBERS -> { owner = "target_id"; listed = "account_id"; flag = "subscribing"; }
            default -> throw new IllegalArgumentException("unknown list " + query.list());
        }
        List<Object> args = new ArrayList<>(List.of(query.accountId()));
        StringBuilder sql = new StringBuilder("SELECT " + listed + " FROM relationship_view WHERE " + owner
                + " = ? AND " + flag);
        if (query.maxId() != null) {
            sql.append(" AND ").append(listed).append(" < ?");
            args.add(query.maxId());
        }
        if (query.sinceId() != null) {
            sql.append(" AND ").append(listed).append(" > ?");
            args.add(query.sinceId());
        }
        boolean ascending = query.minId() != null;
        if (ascending) {
            sql.append(" AND ").append(listed).append(" > ?");
            args.add(query.minId());
        }
        sql.append(" ORDER BY ").append(listed).append(ascending ? " ASC" : " DESC").append(" LIMIT ?");
        args.add(query.limit());
        List<String> ids = new ArrayList<>(jdbc.queryForList(sql.toString(), String.class, args.toArray()));
        if (ascending) {
            Collections.reverse(ids);
        }
        return ids;
    }

}
