package social.annals.query.status;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.events.emoji.CustomEmoji;
import social.annals.events.media.MediaUploaded;
import social.annals.events.social.ThreadMuted;
import social.annals.events.social.ThreadUnmuted;
import social.annals.events.status.StatusBookmarked;
import social.annals.events.status.StatusDeleted;
import social.annals.events.status.StatusFavourited;
import social.annals.events.status.RemoteStatusEdited;
import social.annals.events.status.StatusModerated;
import social.annals.events.status.StatusPinned;
import social.annals.events.status.RemoteOrigin;
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
                + "application_name, created_at, emoji_shortcodes, emoji_urls, media_ids, uri, url, "
                + "remote_attachment_urls, remote_attachment_types, remote_attachment_descriptions) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (status_id) DO NOTHING",
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
                    RemoteOrigin remote = event.remote();
                    List<RemoteOrigin.RemoteAttachment> attachments = remote == null ? List.of() : remote.attachments();
                    statement.setString(18, remote == null ? null : remote.uri());
                    statement.setString(19, remote == null ? null : remote.url());
                    setAttachments(statement, 20, attachments);
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
    /** A remote status's attachments as the three parallel arrays, from parameter {@code first} on. */
    private static void setAttachments(java.sql.PreparedStatement statement, int first,
                                       List<RemoteOrigin.RemoteAttachment> attachments) throws java.sql.SQLException {
        var con = statement.getConnection();
        statement.setArray(first, con.createArrayOf("text",
                attachments.stream().map(RemoteOrigin.RemoteAttachment::url).toArray()));
        statement.setArray(first + 1, con.createArrayOf("text",
                attachments.stream().map(RemoteOrigin.RemoteAttachment::mediaType).toArray()));
        statement.setArray(first + 2, con.createArrayOf("text",
                attachments.stream().map(RemoteOrigin.RemoteAttachment::description).toArray()));
    }

    /** What the status says now; its counters, thread and visibility stay. */
    @EventHandler
    void on(RemoteStatusEdited event) {
        flushPending();
        List<RemoteOrigin.RemoteAttachment> attachments = event.attachments();
        jdbc.update(con -> {
            var statement = con.prepareStatement("UPDATE status_view SET text = ?, content_html = ?, spoiler_text = ?, "
                    + "sensitive = ?, tags = ?, emoji_shortcodes = ?, emoji_urls = ?, remote_attachment_urls = ?, "
                    + "remote_attachment_types = ?, remote_attachment_descriptions = ?, edited_at = ? "
                    + "WHERE status_id = ?");
            statement.setString(1, event.text());
            statement.setString(2, event.contentHtml());
            statement.setString(3, event.spoilerText());
            statement.setBoolean(4, event.sensitive());
            statement.setArray(5, con.createArrayOf("text", event.tags().toArray()));
            statement.setArray(6, con.createArrayOf("text", event.emojis().stream().map(CustomEmoji::shortcode).toArray()));
            statement.setArray(7, con.createArrayOf("text", event.emojis().stream().map(CustomEmoji::imageUrl).toArray()));
            setAttachments(statement, 8, attachments);
            statement.setTimestamp(11, Timestamp.from(event.editedAt()));
            statement.setString(12, event.statusId());
            return statement;
        });
    }

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
        jdbc.update("INSERT INTO reaction_view (status_id, emoji, account_id, reacted_at, emoji_url) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", event.statusId(), event.emoji(), event.accountId(),
                Timestamp.from(event.reactedAt()), event.emojiUrl());
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
        jdbc.update("UPDATE status_view SET (reaction_emojis, reaction_counts, reaction_urls) = (SELECT "
                + "coalesce(array_agg(emoji ORDER BY first_use, emoji), '{}'), "
                + "coalesce(array_agg(n ORDER BY first_use, emoji), '{}'), "
                + "coalesce(array_agg(coalesce(url, '') ORDER BY first_use, emoji), '{}') FROM (SELECT emoji, "
                + "count(*)::integer AS n, min(reacted_at) AS first_use, min(emoji_url) AS url FROM reaction_view "
                + "WHERE status_id = ? GROUP BY emoji) per_emoji) WHERE status_id = ?", statusId, statusId);
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

}
