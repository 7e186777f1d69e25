package social.annals.query.status;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.events.emoji.CustomEmoji;
import social.annals.events.media.MediaUploaded;
import social.annals.events.social.ThreadMuted;
import social.annals.events.social.ThreadUnmuted;
import social.annals.events.status.StatusBookmarked;
import social.annals.events.status.StatusDeleted;
import social.annals.events.status.StatusFavourited;
import social.annals.events.status.StatusModerated;
import social.annals.events.status.StatusPinned;
import social.annals.events.status.StatusPosted;
import social.annals.events.status.StatusReacted;
import social.annals.events.status.StatusReblogged;
import social.annals.events.status.StatusUnbookmarked;
import social.annals.events.status.StatusUnfavourited;
import social.annals.events.status.StatusUnpinned;
import social.annals.events.status.StatusUnreacted;
import social.annals.events.status.StatusUnreblogged;
import social.annals.query.PerBatch;

/**
 * Read model "statuses": statuses, boosts and favourites, with their counters. Counters move only
 * when the row they count was really inserted or deleted, so redelivery cannot skew them.
 */
@Component
@ProcessingGroup(StatusProjection.GROUP)
public class StatusProjection {

    public static final String GROUP = "statuses";

    private static final String COLUMNS = "s.status_id, s.author_id, s.reblog_of_id, s.text, s.content_html, "
            + "s.spoiler_text, s.visibility, s.sensitive, s.in_reply_to_id, s.in_reply_to_account_id, "
            + "s.conversation_id, s.mentioned_ids, s.tags, s.application_name, s.favourites_count, s.reblogs_count, "
            + "s.replies_count, s.created_at, s.emoji_shortcodes, s.emoji_urls, s.media_ids, s.pinned_at, "
            + "s.reaction_emojis, s.reaction_counts";

    private final JdbcTemplate jdbc;
    /** Favourites arrive by the million in a rebuild: a batch's are written with one statement. */
    private final PerBatch<StatusFavourited> favourites =
            new PerBatch<>(StatusProjection.class, "favourites", this::favourite);

    /** Statuses arrive by the hundred thousand in a rebuild: a batch's are written in one round trip. */
    private final PerBatch<StatusPosted> posts = new PerBatch<>(StatusProjection.class, "posts", this::post);

    public StatusProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StatusPosted event) {
        favourites.flush();
        posts.add(event);
    }

    /**
     * A batch's statuses in one round trip. A status already present (a redelivery) is left as it
     * is, and only the statuses really inserted count as replies.
     */
    private void post(List<StatusPosted> batch) {
        Set<String> present = new HashSet<>(jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT status_id FROM status_view WHERE status_id = ANY (?)");
            statement.setArray(1, con.createArrayOf("varchar", batch.stream().map(StatusPosted::statusId).toArray()));
            return statement;
        }, (rs, row) -> rs.getString(1)));
        Map<String, StatusPosted> fresh = new LinkedHashMap<>();
        batch.stream().filter(event -> !present.contains(event.statusId()))
                .forEach(event -> fresh.putIfAbsent(event.statusId(), event));
        if (fresh.isEmpty()) {
            return;
        }
        List<StatusPosted> inserted = List.copyOf(fresh.values());
        jdbc.batchUpdate("INSERT INTO status_view (status_id, author_id, text, content_html, spoiler_text, visibility, "
                + "sensitive, in_reply_to_id, in_reply_to_account_id, conversation_id, mentioned_ids, tags, "
                + "application_name, created_at, emoji_shortcodes, emoji_urls, media_ids) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (status_id) DO NOTHING",
                inserted, inserted.size(), (statement, event) -> {
                    var con = statement.getConnection();
                    statement.setString(1, event.statusId());
                    statement.setString(2, event.authorId());
                    statement.setString(3, event.text());
                    statement.setString(4, event.contentHtml());
                    statement.setString(5, event.spoilerText());
                    statement.setString(6, event.visibility().name());
                    statement.setBoolean(7, event.sensitive());
                    statement.setString(8, event.inReplyToId());
                    statement.setString(9, event.inReplyToAccountId());
                    statement.setString(10, event.conversationId());
                    statement.setArray(11, con.createArrayOf("text", event.mentionedIds().toArray()));
                    statement.setArray(12, con.createArrayOf("text", event.tags().toArray()));
                    statement.setString(13, event.applicationName());
                    statement.setTimestamp(14, Timestamp.from(event.postedAt()));
                    statement.setArray(15, con.createArrayOf("text",
                            event.emojis().stream().map(CustomEmoji::shortcode).toArray()));
                    statement.setArray(16, con.createArrayOf("text",
                            event.emojis().stream().map(CustomEmoji::imageUrl).toArray()));
                    statement.setArray(17, con.createArrayOf("text", event.mediaIds().toArray()));
                });
        Map<String, Integer> replies = new TreeMap<>();
        inserted.stream().filter(event -> event.inReplyToId() != null)
                .forEach(event -> replies.merge(event.inReplyToId(), 1, Integer::sum));
        if (!replies.isEmpty()) {
            jdbc.update(con -> {
                var statement = con.prepareStatement("UPDATE status_view s SET replies_count = s.replies_count + d.added "
                        + "FROM unnest(?::varchar[], ?::int[]) AS d(status_id, added) WHERE s.status_id = d.status_id");
                statement.setArray(1, con.createArrayOf("varchar", replies.keySet().toArray()));
                statement.setArray(2, con.createArrayOf("integer", replies.values().toArray()));
                return statement;
            });
        }
    }

    @EventHandler
    void on(StatusDeleted event) {
        flushPending();
        // A deleted status keeps its row (ids stay resolvable as gone) but not its text.
        List<String> parents = jdbc.queryForList("UPDATE status_view SET deleted = true, text = NULL, "
                + "content_html = NULL, spoiler_text = NULL WHERE status_id = ? AND NOT deleted RETURNING in_reply_to_id",
                String.class, event.statusId());
        if (!parents.isEmpty() && parents.get(0) != null) {
            jdbc.update("UPDATE status_view SET replies_count = replies_count - 1 WHERE status_id = ?", parents.get(0));
        }
        jdbc.update("UPDATE status_view SET deleted = true WHERE reblog_of_id = ?", event.statusId());
    }

    /** Boosts carry their original's visibility, so they follow it. */
    @EventHandler
    void on(StatusModerated event) {
        flushPending();
        if (event.sensitive() != null) {
            jdbc.update("UPDATE status_view SET sensitive = ? WHERE status_id = ?", event.sensitive(), event.statusId());
        }
        if (event.visibility() != null) {
            jdbc.update("UPDATE status_view SET visibility = ? WHERE status_id = ? OR reblog_of_id = ?",
                    event.visibility().name(), event.statusId(), event.statusId());
        }
    }

    @EventHandler
    void on(MediaUploaded event) {
        flushPending();
        jdbc.update("INSERT INTO media_view (media_id, owner_id, mime_type, description, uploaded_at) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", event.mediaId(), event.ownerId(),
                event.mimeType(), event.description(), Timestamp.from(event.uploadedAt()));
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

    @EventHandler
    void on(ThreadMuted event) {
        flushPending();
        jdbc.update("INSERT INTO muted_thread_view (account_id, conversation_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.accountId(), event.conversationId());
    }

    @EventHandler
    void on(ThreadUnmuted event) {
        flushPending();
        jdbc.update("DELETE FROM muted_thread_view WHERE account_id = ? AND conversation_id = ?", event.accountId(),
                event.conversationId());
    }

    @EventHandler
    void on(StatusFavourited event) {
        posts.flush();
        favourites.add(event);
    }

    /** A status's counter moves by the favourites really inserted, so a redelivered one counts once. */
    private void favourite(List<StatusFavourited> favourites) {
        jdbc.update(con -> {
            PreparedStatement statement = con.prepareStatement("""
                    WITH added AS (
                        INSERT INTO favourite_view (account_id, status_id, favourited_at)
                        SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::timestamptz[])
                        ON CONFLICT DO NOTHING RETURNING status_id)
                    UPDATE status_view s SET favourites_count = s.favourites_count + a.added
                    FROM (SELECT status_id, count(*) AS added FROM added GROUP BY status_id) a
                    WHERE s.status_id = a.status_id""");
            statement.setArray(1, con.createArrayOf("varchar",
                    favourites.stream().map(StatusFavourited::accountId).toArray()));
            statement.setArray(2, con.createArrayOf("varchar",
                    favourites.stream().map(StatusFavourited::statusId).toArray()));
            statement.setArray(3, con.createArrayOf("timestamptz",
                    favourites.stream().map(f -> Timestamp.from(f.favouritedAt())).toArray()));
            return statement;
        });
    }

    @EventHandler
    void on(StatusUnfavourited event) {
        flushPending();
        jdbc.update("WITH removed AS (DELETE FROM favourite_view WHERE account_id = ? AND status_id = ? RETURNING 1) "
                        + "UPDATE status_view SET favourites_count = favourites_count - (SELECT count(*) FROM removed) "
                        + "WHERE status_id = ?",
                event.accountId(), event.statusId(), event.statusId());
    }

    @EventHandler
    void on(StatusPinned event) {
        flushPending();
        jdbc.update("UPDATE status_view SET pinned_at = ? WHERE status_id = ?", Timestamp.from(event.pinnedAt()),
                event.statusId());
    }

    @EventHandler
    void on(StatusUnpinned event) {
        flushPending();
        jdbc.update("UPDATE status_view SET pinned_at = NULL WHERE status_id = ?", event.statusId());
    }

    @EventHandler
    void on(StatusBookmarked event) {
        flushPending();
        jdbc.update("INSERT INTO bookmark_view (account_id, status_id, bookmarked_at) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", event.accountId(), event.statusId(), Timestamp.from(event.bookmarkedAt()));
    }

    @EventHandler
    void on(StatusUnbookmarked event) {
        flushPending();
        jdbc.update("DELETE FROM bookmark_view WHERE account_id = ? AND status_id = ?", event.accountId(),
                event.statusId());
    }

    @EventHandler
    void on(StatusReacted event) {
        flushPending();
        lockStatus(event.statusId());
        jdbc.update("INSERT INTO reaction_view (status_id, emoji, account_id, reacted_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", event.statusId(), event.emoji(), event.accountId(),
                Timestamp.from(event.reactedAt()));
        summariseReactions(event.statusId());
    }

    @EventHandler
    void on(StatusUnreacted event) {
        flushPending();
        lockStatus(event.statusId());
        jdbc.update("DELETE FROM reaction_view WHERE status_id = ? AND emoji = ? AND account_id = ?", event.statusId(),
                event.emoji(), event.accountId());
        summariseReactions(event.statusId());
    }

    /**
     * With several segments, reactions to one status are handled in parallel transactions: the
     * status row's lock, taken before the reaction changes, makes the summary of the second one see
     * the first one's reaction.
     */
    private void lockStatus(String statusId) {
        jdbc.queryForList("SELECT status_id FROM status_view WHERE status_id = ? FOR UPDATE", String.class, statusId);
    }

    /** Recomputed from the reactions themselves, so a replayed event leaves the same summary. */
    private void summariseReactions(String statusId) {
        jdbc.update("UPDATE status_view SET (reaction_emojis, reaction_counts) = (SELECT "
                + "coalesce(array_agg(emoji ORDER BY first_use, emoji), '{}'), "
                + "coalesce(array_agg(n ORDER BY first_use, emoji), '{}') FROM (SELECT emoji, count(*)::integer AS n, "
                + "min(reacted_at) AS first_use FROM reaction_view WHERE status_id = ? GROUP BY emoji) per_emoji) "
                + "WHERE status_id = ?", statusId, statusId);
    }

    @EventHandler
    void on(StatusReblogged event) {
        flushPending();
        jdbc.update("WITH added AS (INSERT INTO status_view (status_id, author_id, reblog_of_id, visibility, created_at) "
                        + "SELECT ?, ?, status_id, visibility, ? FROM status_view WHERE status_id = ? "
                        + "ON CONFLICT DO NOTHING RETURNING 1) "
                        + "UPDATE status_view SET reblogs_count = reblogs_count + (SELECT count(*) FROM added) "
                        + "WHERE status_id = ?",
                event.reblogId(), event.accountId(), Timestamp.from(event.rebloggedAt()), event.statusId(),
                event.statusId());
    }

    @EventHandler
    void on(StatusUnreblogged event) {
        flushPending();
        jdbc.update("WITH removed AS (DELETE FROM status_view WHERE status_id = ? RETURNING 1) "
                        + "UPDATE status_view SET reblogs_count = reblogs_count - (SELECT count(*) FROM removed) "
                        + "WHERE status_id = ?",
                event.reblogId(), event.statusId());
    }

    /** What the batch holds so far, written before a handler that may read or change it. */
    private void flushPending() {
        posts.flush();
        favourites.flush();
    }

    @ResetHandler
    void reset() {
        // TRUNCATE, not DELETE: millions of dead rows would keep autovacuum busy through the rebuild.
        jdbc.update("TRUNCATE media_view, muted_thread_view, favourite_view, reaction_view, bookmark_view, "
                + "status_view");
    }

    @QueryHandler
    public StatusView handle(StatusQueries.ById query) {
        Sql sql = new Sql("SELECT " + COLUMNS + " FROM status_view s WHERE s.status_id = ?", query.statusId());
        sql.visibleTo("s", query.viewerId(), true);
        return jdbc.query(sql.text(), StatusProjection::map, sql.args()).stream().findFirst().orElse(null);
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
        }, StatusProjection::map);
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
        }, StatusProjection::map);
    }

    @QueryHandler
    public List<StatusView> handle(StatusQueries.Conversation query) {
        Sql sql = new Sql("SELECT " + COLUMNS + " FROM status_view s WHERE s.conversation_id = ? "
                + "AND s.reblog_of_id IS NULL", query.conversationId());
        sql.visibleTo("s", query.viewerId(), false);
        return jdbc.query(sql.text() + " ORDER BY s.status_id LIMIT 500", StatusProjection::map, sql.args());
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
            sql.and("cardinality(s.media_ids) > 0");
        }
        sql.visibleTo("s", query.viewerId(), true);
        return page(sql, "s.status_id", query.page());
    }

    /** Newest pin first; few enough (the instance's limit) to need no paging. */
    @QueryHandler
    public List<StatusView> handle(StatusQueries.PinnedStatuses query) {
        Sql sql = new Sql("SELECT " + COLUMNS + " FROM status_view s WHERE s.author_id = ? AND s.pinned_at IS NOT NULL",
                query.accountId());
        sql.visibleTo("s", query.viewerId(), true);
        return jdbc.query(sql.text() + " ORDER BY s.pinned_at DESC", StatusProjection::map, sql.argList().toArray());
    }

    @QueryHandler
    public List<StatusView> handle(StatusQueries.PublicTimeline query) {
        Sql sql = new Sql("SELECT " + COLUMNS + " FROM status_view s WHERE s.visibility = 'PUBLIC'");
        if (query.onlyMedia()) {
            sql.and("cardinality(s.media_ids) > 0");
        }
        sql.visibleTo("s", query.viewerId(), true);
        if (!query.withMuted()) {
            sql.notMutedBy("s", query.viewerId());
        }
        return page(sql, "s.status_id", query.page());
    }

    /** Reads the fanned-out home timeline (read model "home-timelines") in index order, re-checking visibility. */
    @QueryHandler
    public List<StatusView> handle(StatusQueries.HomeTimeline query) {
        String viewer = query.viewerId();
        Sql sql = new Sql("SELECT " + COLUMNS + " FROM home_timeline_entry h JOIN status_view s "
                + "ON s.status_id = h.status_id WHERE h.owner_id = ?", viewer);
        sql.visibleTo("s", viewer, true);
        if (!query.withMuted()) {
            sql.notMutedBy("s", viewer);
        }
        return page(sql, "h.status_id", query.page());
    }

    @QueryHandler
    public List<StatusView> handle(StatusQueries.TagTimeline query) {
        Sql sql = new Sql("SELECT " + COLUMNS + " FROM status_view s WHERE s.visibility = 'PUBLIC' "
                + "AND s.reblog_of_id IS NULL AND s.tags @> ARRAY[CAST(? AS text)]", query.tag());
        sql.visibleTo("s", query.viewerId(), false);
        if (!query.withMuted()) {
            sql.notMutedBy("s", query.viewerId());
        }
        return page(sql, "s.status_id", query.page());
    }

    @QueryHandler
    public List<StatusView> handle(StatusQueries.TextSearch query) {
        Sql sql = new Sql("SELECT " + COLUMNS + " FROM status_view s WHERE s.reblog_of_id IS NULL "
                + "AND s.text ILIKE ?", "%" + likeEscaped(query.text()) + "%");
        sql.visibleTo("s", query.viewerId(), false);
        return jdbc.query(sql.text() + " ORDER BY s.status_id DESC LIMIT " + query.limit(), StatusProjection::map,
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
        return page(sql, "s.status_id", query.page());
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
        return page(sql, "fav.status_id", query.page()); // the primary key's order: no sort
    }

    @QueryHandler
    public List<StatusView> handle(StatusQueries.Bookmarks query) {
        Sql sql = new Sql("SELECT " + COLUMNS + " FROM bookmark_view bm JOIN status_view s ON s.status_id = bm.status_id "
                + "WHERE bm.account_id = ?", query.ownerId());
        sql.visibleTo("s", query.ownerId(), true);
        return page(sql, "bm.status_id", query.page()); // the primary key's order: no sort
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
        String sql = "SELECT emoji, account_id FROM reaction_view WHERE status_id = ?"
                + (query.emoji() == null ? "" : " AND emoji = ?")
                + " ORDER BY min(reacted_at) OVER (PARTITION BY emoji), emoji, reacted_at, account_id";
        Object[] args = query.emoji() == null ? new Object[] {query.statusId()}
                : new Object[] {query.statusId(), query.emoji()};
        jdbc.query(sql, rs -> {
            byEmoji.computeIfAbsent(rs.getString(1), emoji -> new ArrayList<>()).add(rs.getString(2));
        }, args);
        return byEmoji.entrySet().stream()
                .map(entry -> new StatusQueries.ReactionAccounts(entry.getKey(), entry.getValue())).toList();
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

    private List<StatusView> page(Sql sql, String key, StatusQueries.Page page) {
        List<Object> args = new ArrayList<>(sql.argList());
        StringBuilder text = new StringBuilder(sql.text());
        appendPage(text, args, key, page);
        List<StatusView> rows = new ArrayList<>(jdbc.query(text.toString(), StatusProjection::map, args.toArray()));
        if (page.minId() != null) {
            Collections.reverse(rows);
        }
        return rows;
    }

    private static void appendPage(StringBuilder text, List<Object> args, String key, StatusQueries.Page page) {
        if (page.maxId() != null) {
            text.append(" AND ").append(key).append(" < ?");
            args.add(page.maxId());
        }
        if (page.sinceId() != null) {
            text.append(" AND ").append(key).append(" > ?");
            args.add(page.sinceId());
        }
        if (page.minId() != null) {
            text.append(" AND ").append(key).append(" > ?");
            args.add(page.minId());
        }
        text.append(" ORDER BY ").append(key).append(page.minId() != null ? " ASC" : " DESC").append(" LIMIT ?");
        args.add(page.limit());
    }

    /** A WHERE clause under construction; every value goes through a placeholder. */
    static final class Sql {

        private final StringBuilder text;
        private final List<Object> args = new ArrayList<>();

        Sql(String start, Object... args) {
            this.text = new StringBuilder(start);
            this.args.addAll(Arrays.asList(args));
        }

        void and(String condition, Object... values) {
            text.append(" AND ").append(condition);
            args.addAll(Arrays.asList(values));
        }

        /**
         * Not deleted, and visible to the viewer (mastodon-core §1.5): public and unlisted to all;
         * private to the author, the mentioned and the author's followers; direct to the author and
         * the mentioned. A logged-in viewer never sees authors they block. For a boost, the boosted
         * status must pass the same test.
         */
        void visibleTo(String alias, String viewer, boolean includeBoosted) {
            and("NOT " + alias + ".deleted");
            and(visible(alias), viewerArgs(viewer));
            if (includeBoosted) {
                and("(" + alias + ".reblog_of_id IS NULL OR EXISTS (SELECT 1 FROM status_view o WHERE o.status_id = "
                        + alias + ".reblog_of_id AND NOT o.deleted AND " + visible("o") + "))", viewerArgs(viewer));
            }
        }

        void notMutedBy(String alias, String viewer) {
            if (viewer != null) {
                and("NOT EXISTS (SELECT 1 FROM relationship_view m WHERE m.account_id = ? AND m.target_id = "
                        + alias + ".author_id AND m.muting)", viewer);
            }
        }

        private static String visible(String alias) {
            return "(" + alias + ".visibility IN ('PUBLIC', 'UNLISTED') OR (CAST(? AS varchar) IS NOT NULL AND ("
                    + alias + ".author_id = ? OR ? = ANY (" + alias + ".mentioned_ids) OR (" + alias
                    + ".visibility = 'PRIVATE' AND EXISTS (SELECT 1 FROM relationship_view f WHERE f.account_id = ? "
                    + "AND f.target_id = " + alias + ".author_id AND f.following))))) AND NOT EXISTS ("
                    + "SELECT 1 FROM relationship_view b WHERE b.account_id = ? AND b.target_id = " + alias
                    + ".author_id AND b.blocking)"
                    // A deactivated account's posts are shown to no one but as itself (an admin's godmode).
                    + " AND (" + alias + ".author_id = ? OR NOT EXISTS (SELECT 1 FROM account_view d "
                    + "WHERE d.account_id = " + alias + ".author_id AND d.deactivated))";
        }

        private static Object[] viewerArgs(String viewer) {
            return new Object[] {viewer, viewer, viewer, viewer, viewer, viewer};
        }

        String text() {
            return text.toString();
        }

        Object[] args() {
            return args.toArray();
        }

        List<Object> argList() {
            return args;
        }
    }

    private static StatusView map(ResultSet rs, int row) throws SQLException {
        return new StatusView(rs.getString("status_id"), rs.getString("author_id"), rs.getString("reblog_of_id"),
                rs.getString("text"), rs.getString("content_html"), rs.getString("spoiler_text"),
                rs.getString("visibility"), rs.getBoolean("sensitive"), rs.getString("in_reply_to_id"),
                rs.getString("in_reply_to_account_id"), rs.getString("conversation_id"),
                strings(rs.getArray("mentioned_ids")), strings(rs.getArray("tags")),
                emojis(strings(rs.getArray("emoji_shortcodes")), strings(rs.getArray("emoji_urls"))),
                strings(rs.getArray("media_ids")),
                rs.getString("application_name"),
                rs.getInt("favourites_count"), rs.getInt("reblogs_count"), rs.getInt("replies_count"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("pinned_at") != null,
                reactions(rs.getArray("reaction_emojis"), rs.getArray("reaction_counts")));
    }

    private static List<StatusView.Reactions> reactions(Array emojis, Array counts) throws SQLException {
        List<String> names = strings(emojis);
        if (names.isEmpty()) {
            return List.of();
        }
        Integer[] numbers = (Integer[]) counts.getArray();
        List<StatusView.Reactions> out = new ArrayList<>(names.size());
        for (int i = 0; i < names.size() && i < numbers.length; i++) {
            out.add(new StatusView.Reactions(names.get(i), numbers[i]));
        }
        return out;
    }

    private static List<CustomEmoji> emojis(List<String> shortcodes, List<String> urls) {
        List<CustomEmoji> emojis = new java.util.ArrayList<>(shortcodes.size());
        for (int i = 0; i < shortcodes.size() && i < urls.size(); i++) {
            emojis.add(new CustomEmoji(shortcodes.get(i), urls.get(i), List.of()));
        }
        return emojis;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
