package social.annals.query.status;

import social.annals.query.social.DomainBlockSql;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import social.annals.events.emoji.CustomEmoji;
import social.annals.events.status.RemoteOrigin;

/** The SQL the statuses read model is queried with: the columns, visibility, paging and the row mapping. */
final class StatusSql {

    /** The columns a {@link StatusView} is read from. */
    static final String COLUMNS = "s.status_id, s.author_id, s.reblog_of_id, s.text, s.content_html, "
            + "s.spoiler_text, s.visibility, s.sensitive, s.in_reply_to_id, s.in_reply_to_account_id, "
            + "s.conversation_id, s.mentioned_ids, s.tags, s.application_name, s.favourites_count, s.reblogs_count, "
            + "s.replies_count, s.created_at, s.emoji_shortcodes, s.emoji_urls, s.media_ids, s.pinned_at, "
            + "s.reaction_emojis, s.reaction_counts, s.reaction_urls, s.uri, s.url, s.remote_attachment_urls, "
            + "s.remote_attachment_types, s.remote_attachment_descriptions, s.edited_at";

    static List<StatusView> page(JdbcTemplate jdbc, Sql sql, String key, StatusQueries.Page page) {
        List<Object> args = new ArrayList<>(sql.argList());
        StringBuilder text = new StringBuilder(sql.text());
        appendPage(text, args, key, page);
        List<StatusView> rows = new ArrayList<>(jdbc.query(text.toString(), StatusSql::map, args.toArray()));
        if (page.minId() != null) {
            Collections.reverse(rows);
        }
        return rows;
    }

    static void appendPage(StringBuilder text, List<Object> args, String key, StatusQueries.Page page) {
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

        /**
         * Nothing by an account of a domain the viewer blocks, nor a boost of one (Mastodon and
         * Pleroma hide both from timelines).
         */
        void notFromBlockedDomains(String alias, String viewer) {
            if (viewer != null) {
                and("NOT " + DomainBlockSql.blocksDomainOf("?", alias + ".author_id"), viewer);
                and("(" + alias + ".reblog_of_id IS NULL OR NOT EXISTS (SELECT 1 FROM status_view bo WHERE bo.status_id = "
                        + alias + ".reblog_of_id AND " + DomainBlockSql.blocksDomainOf("?", "bo.author_id") + "))",
                        viewer);
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

    static StatusView map(ResultSet rs, int row) throws SQLException {
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
                reactions(rs.getArray("reaction_emojis"), rs.getArray("reaction_counts"), rs.getArray("reaction_urls")),
                remote(rs),
                rs.getTimestamp("edited_at") == null ? null : rs.getTimestamp("edited_at").toInstant());
    }

    private static RemoteOrigin remote(ResultSet rs) throws SQLException {
        String uri = rs.getString("uri");
        if (uri == null) {
            return null;
        }
        List<String> urls = strings(rs.getArray("remote_attachment_urls"));
        List<String> types = strings(rs.getArray("remote_attachment_types"));
        List<String> descriptions = strings(rs.getArray("remote_attachment_descriptions"));
        List<RemoteOrigin.RemoteAttachment> attachments = new ArrayList<>(urls.size());
        for (int i = 0; i < urls.size(); i++) {
            attachments.add(new RemoteOrigin.RemoteAttachment(urls.get(i), types.get(i), descriptions.get(i)));
        }
        return new RemoteOrigin(uri, rs.getString("url"), attachments);
    }

    /** The summary's parallel arrays; a Unicode emoji's URL is stored empty (arrays hold no nulls here). */
    private static List<StatusView.Reactions> reactions(Array emojis, Array counts, Array urls) throws SQLException {
        List<String> names = strings(emojis);
        if (names.isEmpty()) {
            return List.of();
        }
        Integer[] numbers = (Integer[]) counts.getArray();
        List<String> images = strings(urls);
        List<StatusView.Reactions> out = new ArrayList<>(names.size());
        for (int i = 0; i < names.size() && i < numbers.length; i++) {
            String url = i < images.size() && !images.get(i).isEmpty() ? images.get(i) : null;
            out.add(new StatusView.Reactions(names.get(i), numbers[i], url));
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

    private StatusSql() {
    }
}
