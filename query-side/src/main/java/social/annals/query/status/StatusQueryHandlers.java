package social.annals.query.status;

import static social.annals.query.status.StatusSql.COLUMNS;
import static social.annals.query.status.StatusSql.appendPage;
import static social.annals.query.status.StatusSql.page;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.query.status.StatusSql.Sql;

/** Queries of the statuses read model ({@link StatusProjection} writes it). */
@Component
public class StatusQueryHandlers {

    private final JdbcTemplate jdbc;

    public StatusQueryHandlers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Media by id, in no particular order. */
    @QueryHandler
    public List<StatusQueries.Media> handle(StatusQueries.MediaByIds query) {
        if (query.mediaIds().isEmpty()) {
            return List.of();
        }
        return jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT media_id, owner_id, mime_type, description FROM media_view "
                    + "WHERE media_id = ANY (?)");
            statement.setArray(1, con.createArrayOf("varchar", query.mediaIds().toArray()));
            return statement;
        }, (rs, row) -> new StatusQueries.Media(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    @QueryHandler
    public StatusView handle(StatusQueries.ById query) {
        Sql sql = new Sql("SELECT " + COLUMNS + " FROM status_view s WHERE s.status_id = ?", query.statusId());
        sql.visibleTo("s", query.viewerId(), true);
        return jdbc.query(sql.text(), StatusSql::map, sql.args()).stream().findFirst().orElse(null);
    }

    /** Whatever its visibility: for threading a reply from another server, not for showing. */
    @QueryHandler
    public StatusView handle(StatusQueries.ByUri query) {
        return jdbc.query("SELECT " + COLUMNS + " FROM status_view s WHERE s.uri = ? AND NOT s.deleted",
                StatusSql::map, query.uri()).stream().findFirst().orElse(null);
    }

    @QueryHandler
    public List<StatusView> handle(StatusQueries.ByIds query) {
        if (query.statusIds().isEmpty()) {
            return List.of();
        }
        return jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT " + COLUMNS + " FROM status_view s WHERE s.status_id = ANY (?)");
            statement.setArray(1, con.createArrayOf("varchar", query.statusIds().toArray()));
            return statement;
        }, StatusSql::map);
    }

    @QueryHandler
    public List<String> handle(StatusQueries.HiddenFrom query) {
        if (query.viewers().isEmpty()) {
            return List.of();
        }
        return jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT account_id FROM relationship_view WHERE target_id = ? "
                    + "AND account_id = ANY (?) AND (blocking OR muting) UNION SELECT target_id FROM relationship_view "
                    + "WHERE account_id = ? AND target_id = ANY (?) AND blocking UNION SELECT account_id "
                    + "FROM muted_thread_view WHERE conversation_id = ? AND account_id = ANY (?)");
            var viewers = con.createArrayOf("varchar", query.viewers().toArray());
            statement.setString(1, query.authorId());
            statement.setArray(2, viewers);
            statement.setString(3, query.authorId());
            statement.setArray(4, viewers);
            statement.setString(5, query.conversationId());
            statement.setArray(6, viewers);
            return statement;
        }, (rs, row) -> rs.getString(1));
    }

    @QueryHandler
    public List<StatusView> handle(StatusQueries.VisibleByIds query) {
        if (query.statusIds().isEmpty()) {
            return List.of();
        }
        Sql sql = new Sql("SELECT " + COLUMNS + " FROM status_view s WHERE s.status_id = ANY (?)",
                (Object) query.statusIds().toArray(new String[0]));
        sql.visibleTo("s", query.viewerId(), true);
        return jdbc.query(con -> {
            var statement = con.prepareStatement(sql.text());
            Object[] args = sql.args();
            statement.setArray(1, con.createArrayOf("varchar", (Object[]) args[0]));
            for (int i = 1; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement;
        }, StatusSql::map);
    }

    @QueryHandler
    public List<StatusView> handle(StatusQueries.Conversation query) {
        Sql sql = new Sql("SELECT " + COLUMNS + " FROM status_view s WHERE s.conversation_id = ? "
                + "AND s.reblog_of_id IS NULL", query.conversationId());
        sql.visibleTo("s", query.viewerId(), false);
        return jdbc.query(sql.text() + " ORDER BY s.status_id LIMIT 500", StatusSql::map, sql.args());
    }

    @QueryHandler
    public List<StatusView> handle(StatusQueries.AccountStatuses query) {
        Sql sql = new Sql("SELECT " + COLUMNS + " FROM status_view s WHERE s.author_id = ?", query.accountId());
        if (query.excludeReplies()) {
            sql.and("s.in_reply_to_id IS NULL");
        }
        if (query.excludeReblogs()) {
            sql.and("s.reblog_of_id IS NULL");
        }
        if (query.onlyMedia()) {
            sql.and("(cardinality(s.media_ids) > 0 OR cardinality(s.remote_attachment_urls) > 0)");
        }
        sql.visibleTo("s", query.viewerId(), true);
        return page(jdbc, sql, "s.status_id", query.page());
    }

    /** Newest pin first; few enough (the instance's limit) to need no paging. */
    @QueryHandler
    public List<StatusView> handle(StatusQueries.PinnedStatuses query) {
        Sql sql = new Sql("SELECT " + COLUMNS + " FROM status_view s WHERE s.author_id = ? AND s.pinned_at IS NOT NULL",
                query.accountId());
        sql.visibleTo("s", query.viewerId(), true);
        return jdbc.query(sql.text() + " ORDER BY s.pinned_at DESC", StatusSql::map, sql.argList().toArray());
    }

    @QueryHandler
    public List<StatusView> handle(StatusQueries.PublicTimeline query) {
        Sql sql = new Sql("SELECT " + COLUMNS + " FROM status_view s WHERE s.visibility = 'PUBLIC'");
        if (query.onlyMedia()) {
            sql.and("(cardinality(s.media_ids) > 0 OR cardinality(s.remote_attachment_urls) > 0)");
        }
        if (query.localOnly()) {
            sql.and("s.uri IS NULL");
        }
        sql.visibleTo("s", query.viewerId(), true);
        sql.notFromBlockedDomains("s", query.viewerId());
        if (!query.withMuted()) {
            sql.notMutedBy("s", query.viewerId());
        }
        return page(jdbc, sql, "s.status_id", query.page());
    }

    /** Reads the fanned-out home timeline (read model "home-timelines") in index order, re-checking visibility. */
    @QueryHandler
    public List<StatusView> handle(StatusQueries.HomeTimeline query) {
        String viewer = query.viewerId();
        Sql sql = new Sql("SELECT " + COLUMNS + " FROM home_timeline_entry h JOIN status_view s "
                + "ON s.status_id = h.status_id WHERE h.owner_id = ?", viewer);
        sql.visibleTo("s", viewer, true);
        sql.notFromBlockedDomains("s", viewer);
        if (!query.withMuted()) {
            sql.notMutedBy("s", viewer);
        }
        return page(jdbc, sql, "h.status_id", query.page());
    }

    @QueryHandler
    public List<StatusView> handle(StatusQueries.TagTimeline query) {
        Sql sql = new Sql("SELECT " + COLUMNS + " FROM status_view s WHERE s.visibility = 'PUBLIC' "
                + "AND s.reblog_of_id IS NULL AND s.tags @> ARRAY[CAST(? AS text)]", query.tag());
        sql.visibleTo("s", query.viewerId(), false);
        sql.notFromBlockedDomains("s", query.viewerId());
        if (!query.withMuted()) {
            sql.notMutedBy("s", query.viewerId());
        }
        return page(jdbc, sql, "s.status_id", query.page());
    }

    @QueryHandler
    public List<StatusView> handle(StatusQueries.TextSearch query) {
        Sql sql = new Sql("SELECT " + COLUMNS + " FROM status_view s WHERE s.reblog_of_id IS NULL "
                + "AND s.text ILIKE ?", "%" + likeEscaped(query.text()) + "%");
        sql.visibleTo("s", query.viewerId(), false);
        return jdbc.query(sql.text() + " ORDER BY s.status_id DESC LIMIT " + query.limit(), StatusSql::map,
                sql.args());
    }

    @QueryHandler
    public List<String> handle(StatusQueries.TagSearch query) {
        return jdbc.queryForList("SELECT DISTINCT tag FROM (SELECT unnest(tags) AS tag FROM status_view "
                        + "WHERE NOT deleted AND visibility = 'PUBLIC') t WHERE tag LIKE ? ORDER BY tag LIMIT ?",
                String.class, likeEscaped(query.text().toLowerCase(java.util.Locale.ROOT)) + "%", query.limit());
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @QueryHandler
    public List<StatusView> handle(StatusQueries.DirectTimeline query) {
        Sql sql = new Sql("SELECT " + COLUMNS + " FROM status_view s WHERE s.visibility = 'DIRECT' "
                + "AND (s.author_id = ? OR ? = ANY (s.mentioned_ids))", query.viewerId(), query.viewerId());
        sql.visibleTo("s", query.viewerId(), false);
        return page(jdbc, sql, "s.status_id", query.page());
    }

    @QueryHandler
    public List<String> handle(StatusQueries.RebloggedBy query) {
        List<Object> args = new ArrayList<>(List.of(query.statusId()));
        StringBuilder text = new StringBuilder("SELECT b.author_id FROM status_view b WHERE b.reblog_of_id = ? "
                + "AND NOT b.deleted");
        appendPage(text, args, "b.author_id", query.page());
        List<String> ids = new ArrayList<>(jdbc.queryForList(text.toString(), String.class, args.toArray()));
        if (query.page().minId() != null) {
            Collections.reverse(ids);
        }
        return ids;
    }

    @QueryHandler
    public List<StatusView> handle(StatusQueries.Favourites query) {
        Sql sql = new Sql("SELECT " + COLUMNS + " FROM favourite_view fav JOIN status_view s ON s.status_id = fav.status_id "
                + "WHERE fav.account_id = ?", query.ownerId());
        sql.visibleTo("s", query.viewerId(), true);
        return page(jdbc, sql, "fav.status_id", query.page()); // the primary key's order: no sort
    }

    @QueryHandler
    public List<StatusView> handle(StatusQueries.Bookmarks query) {
        Sql sql = new Sql("SELECT " + COLUMNS + " FROM bookmark_view bm JOIN status_view s ON s.status_id = bm.status_id "
                + "WHERE bm.account_id = ?", query.ownerId());
        sql.visibleTo("s", query.ownerId(), true);
        return page(jdbc, sql, "bm.status_id", query.page()); // the primary key's order: no sort
    }

    @QueryHandler
    public List<String> handle(StatusQueries.FavouritedBy query) {
        Sql sql = new Sql("SELECT fav.account_id FROM favourite_view fav WHERE fav.status_id = ?", query.statusId());
        List<Object> args = new ArrayList<>(sql.argList());
        StringBuilder text = new StringBuilder(sql.text());
        appendPage(text, args, "fav.account_id", query.page());
        List<String> ids = new ArrayList<>(jdbc.queryForList(text.toString(), String.class, args.toArray()));
        if (query.page().minId() != null) {
            Collections.reverse(ids);
        }
        return ids;
    }

    @QueryHandler
    public List<StatusQueries.ReactionAccounts> handle(StatusQueries.Reactors query) {
        Map<String, List<String>> byEmoji = new LinkedHashMap<>();
        Map<String, String> images = new LinkedHashMap<>();
        String sql = "SELECT emoji, account_id, emoji_url FROM reaction_view WHERE status_id = ?"
                + (query.emoji() == null ? "" : " AND emoji = ?")
                + " ORDER BY min(reacted_at) OVER (PARTITION BY emoji), emoji, reacted_at, account_id";
        Object[] args = query.emoji() == null ? new Object[] {query.statusId()}
                : new Object[] {query.statusId(), query.emoji()};
        jdbc.query(sql, rs -> {
            byEmoji.computeIfAbsent(rs.getString(1), emoji -> new ArrayList<>()).add(rs.getString(2));
            if (rs.getString(3) != null) {
                images.putIfAbsent(rs.getString(1), rs.getString(3));
            }
        }, args);
        return byEmoji.entrySet().stream().map(entry -> new StatusQueries.ReactionAccounts(entry.getKey(),
                entry.getValue(), images.get(entry.getKey()))).toList();
    }

    @QueryHandler
    public StatusQueries.Flags handle(StatusQueries.ViewerFlags query) {
        if (query.viewerId() == null || query.statusIds().isEmpty()) {
            return StatusQueries.Flags.NONE;
        }
        Set<String> favourited = new HashSet<>();
        Set<String> reblogged = new HashSet<>();
        Set<String> muted = new HashSet<>();
        Set<String> threadMuted = new HashSet<>();
        Set<String> bookmarked = new HashSet<>();
        Map<String, Set<String>> reactedWith = new HashMap<>();
        jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT 'F', status_id, NULL FROM favourite_view WHERE account_id = ? "
                    + "AND status_id = ANY (?) UNION ALL SELECT 'B', status_id, NULL FROM bookmark_view "
                    + "WHERE account_id = ? AND status_id = ANY (?) UNION ALL SELECT 'E', status_id, emoji "
                    + "FROM reaction_view WHERE account_id = ? AND status_id = ANY (?) "
                    + "UNION ALL SELECT 'R', reblog_of_id, NULL FROM status_view "
                    + "WHERE author_id = ? AND reblog_of_id = ANY (?) AND NOT deleted "
                    + "UNION ALL SELECT CASE WHEN EXISTS (SELECT 1 FROM muted_thread_view m WHERE m.account_id = ? "
                    + "AND m.conversation_id = s.conversation_id) THEN 'T' ELSE 'A' END, s.status_id, NULL "
                    + "FROM status_view s WHERE s.status_id = ANY (?) AND ("
                    + "EXISTS (SELECT 1 FROM muted_thread_view m WHERE m.account_id = ? "
                    + "AND m.conversation_id = s.conversation_id) OR EXISTS (SELECT 1 FROM relationship_view r "
                    + "WHERE r.account_id = ? AND r.target_id = s.author_id AND r.muting))");
            var ids = con.createArrayOf("varchar", query.statusIds().toArray());
            int parameter = 0;
            for (int part = 0; part < 4; part++) { // favourites, bookmarks, reactions, boosts
                statement.setString(++parameter, query.viewerId());
                statement.setArray(++parameter, ids);
            }
            statement.setString(++parameter, query.viewerId());
            statement.setArray(++parameter, ids);
            statement.setString(++parameter, query.viewerId());
            statement.setString(++parameter, query.viewerId());
            return statement;
        }, rs -> {
            switch (rs.getString(1)) {
                case "F" -> favourited.add(rs.getString(2));
                case "R" -> reblogged.add(rs.getString(2));
                case "B" -> bookmarked.add(rs.getString(2));
                case "E" -> reactedWith.computeIfAbsent(rs.getString(2), id -> new HashSet<>()).add(rs.getString(3));
                case "T" -> {
                    muted.add(rs.getString(2));
                    threadMuted.add(rs.getString(2));
                }
                default -> muted.add(rs.getString(2));
            }
        });
        return new StatusQueries.Flags(favourited, reblogged, muted, threadMuted, bookmarked, reactedWith);
    }
}
