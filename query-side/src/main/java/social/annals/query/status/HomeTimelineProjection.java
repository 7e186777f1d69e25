package social.annals.query.status;

import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.events.social.AccountBlocked;
import social.annals.events.social.AccountFollowed;
import social.annals.events.social.AccountUnfollowed;
import social.annals.events.social.ReblogVisibilityChanged;
import social.annals.events.status.StatusDeleted;
import social.annals.events.status.StatusPosted;
import social.annals.events.status.StatusReblogged;
import social.annals.events.status.StatusUnreblogged;
import social.annals.events.status.Visibility;
import social.annals.query.PerBatch;

/**
 * Read model "home-timelines": fan-out on write. A status lands in its author's, its mentioned
 * accounts' and (unless direct) its author's followers' timelines; a boost in its booster's and
 * the booster's followers' who show boosts. A new follow brings the followed account's recent
 * statuses in; an unfollow or a block takes them out. The follows are this model's own, in event
 * order, so a rebuild reproduces the timelines exactly.
 */
@Component
@ProcessingGroup(HomeTimelineProjection.GROUP)
public class HomeTimelineProjection {

    public static final String GROUP = "home-timelines";
    /** How many of a newly followed account's statuses come into the follower's timeline. */
    static final int BACKFILL = 200;

    private final JdbcTemplate jdbc;
    /** A rebuild meets statuses by the hundred thousand: a batch's are written with three statements. */
    private final PerBatch<StatusPosted> posted = new PerBatch<>(HomeTimelineProjection.class, "posted", this::write);
    /** And follows by the hundred thousand, each with a look for the followed account's statuses. */
    private final PerBatch<AccountFollowed> followed =
            new PerBatch<>(HomeTimelineProjection.class, "followed", this::follow);

    public HomeTimelineProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StatusPosted event) {
        followed.flush();
        posted.add(event);
    }

    /**
     * Each status lands in its author's and its mentioned accounts' timelines and, unless direct,
     * in those of its author's followers (who already have it when it mentions them).
     */
    private void write(List<StatusPosted> statuses) {
        jdbc.update(con -> {
            PreparedStatement statement = con.prepareStatement("INSERT INTO home_timeline_status "
                    + "(status_id, author_id, visibility) SELECT * FROM unnest(?::varchar[], ?::varchar[], "
                    + "?::varchar[]) ON CONFLICT DO NOTHING");
            statement.setArray(1, con.createArrayOf("varchar", statuses.stream().map(StatusPosted::statusId).toArray()));
            statement.setArray(2, con.createArrayOf("varchar", statuses.stream().map(StatusPosted::authorId).toArray()));
            statement.setArray(3, con.createArrayOf("varchar",
                    statuses.stream().map(status -> status.visibility().name()).toArray()));
            return statement;
        });
        // One row per (owner, status): an author who mentions themselves gets one, marked as mentioned.
        Map<List<String>, Boolean> own = new LinkedHashMap<>();
        for (StatusPosted status : statuses) {
            own.merge(List.of(status.authorId(), status.statusId(), status.authorId()), false, Boolean::logicalOr);
            for (String mentioned : status.mentionedIds()) {
                own.merge(List.of(mentioned, status.statusId(), status.authorId()), true, Boolean::logicalOr);
            }
        }
        jdbc.update(con -> {
            PreparedStatement statement = con.prepareStatement("INSERT INTO home_timeline_entry "
                    + "(owner_id, status_id, author_id, mentions_owner) SELECT * FROM unnest(?::varchar[], "
                    + "?::varchar[], ?::varchar[], ?::boolean[]) ON CONFLICT (owner_id, status_id) DO UPDATE SET "
                    + "mentions_owner = home_timeline_entry.mentions_owner OR excluded.mentions_owner");
            statement.setArray(1, con.createArrayOf("varchar", own.keySet().stream().map(key -> key.get(0)).toArray()));
            statement.setArray(2, con.createArrayOf("varchar", own.keySet().stream().map(key -> key.get(1)).toArray()));
            statement.setArray(3, con.createArrayOf("varchar", own.keySet().stream().map(key -> key.get(2)).toArray()));
            statement.setArray(4, con.createArrayOf("boolean", own.values().toArray()));
            return statement;
        });
        List<StatusPosted> shared = statuses.stream().filter(status -> status.visibility() != Visibility.DIRECT)
                .toList();
        if (!shared.isEmpty()) {
            jdbc.update(con -> {
                // In the primary key's order: each insert then lands beside the one before it in the
                // index, rather than on a page anywhere in it.
                PreparedStatement statement = con.prepareStatement("INSERT INTO home_timeline_entry "
                        + "(owner_id, status_id, author_id) SELECT f.follower_id, s.status_id, s.author_id "
                        + "FROM unnest(?::varchar[], ?::varchar[]) AS s(status_id, author_id) "
                        + "JOIN home_timeline_follow f ON f.followed_id = s.author_id ORDER BY 1, 2 "
                        + "ON CONFLICT DO NOTHING");
                statement.setArray(1, con.createArrayOf("varchar", shared.stream().map(StatusPosted::statusId).toArray()));
                statement.setArray(2, con.createArrayOf("varchar", shared.stream().map(StatusPosted::authorId).toArray()));
                return statement;
            });
        }
    }

    @EventHandler
    void on(StatusReblogged event) {
        flushPending();
        jdbc.update("INSERT INTO home_timeline_status (status_id, author_id, visibility, is_reblog) "
                        + "SELECT ?, ?, visibility, true FROM home_timeline_status WHERE status_id = ? "
                        + "ON CONFLICT DO NOTHING", event.reblogId(), event.accountId(), event.statusId());
        insert(event.accountId(), event.reblogId(), event.accountId(), true, false);
        jdbc.update("INSERT INTO home_timeline_entry (owner_id, status_id, author_id, is_reblog) "
                + "SELECT follower_id, ?, ?, true FROM home_timeline_follow WHERE followed_id = ? AND showing_reblogs "
                + "ON CONFLICT DO NOTHING", event.reblogId(), event.accountId(), event.accountId());
    }

    @EventHandler
    void on(StatusUnreblogged event) {
        flushPending();
        jdbc.update("DELETE FROM home_timeline_entry WHERE status_id = ?", event.reblogId());
        jdbc.update("DELETE FROM home_timeline_status WHERE status_id = ?", event.reblogId());
    }

    @EventHandler
    void on(StatusDeleted event) {
        flushPending();
        jdbc.update("DELETE FROM home_timeline_entry WHERE status_id = ?", event.statusId());
        jdbc.update("UPDATE home_timeline_status SET deleted = true WHERE status_id = ?", event.statusId());
    }

    @EventHandler
    void on(AccountFollowed event) {
        posted.flush();
        followed.add(event);
    }

    /**
     * A batch's follows with two statements: the follows themselves (the last of a pair's wins),
     * and each followed account's recent statuses brought into its follower's timeline.
     */
    private void follow(List<AccountFollowed> follows) {
        Map<List<String>, Boolean> latest = new LinkedHashMap<>();
        follows.forEach(follow -> latest.put(List.of(follow.followerId(), follow.followedId()), follow.showingReblogs()));
        jdbc.update(con -> {
            PreparedStatement statement = con.prepareStatement("INSERT INTO home_timeline_follow "
                    + "(follower_id, followed_id, showing_reblogs) SELECT * FROM unnest(?::varchar[], ?::varchar[], "
                    + "?::boolean[]) ON CONFLICT (followed_id, follower_id) DO UPDATE "
                    + "SET showing_reblogs = excluded.showing_reblogs");
            statement.setArray(1, con.createArrayOf("varchar", latest.keySet().stream().map(pair -> pair.get(0)).toArray()));
            statement.setArray(2, con.createArrayOf("varchar", latest.keySet().stream().map(pair -> pair.get(1)).toArray()));
            statement.setArray(3, con.createArrayOf("boolean", latest.values().toArray()));
            return statement;
        });
        jdbc.update(con -> {
            PreparedStatement statement = con.prepareStatement("INSERT INTO home_timeline_entry "
                    + "(owner_id, status_id, author_id, is_reblog) SELECT f.follower_id, r.status_id, r.author_id, "
                    + "r.is_reblog FROM unnest(?::varchar[], ?::varchar[], ?::boolean[]) "
                    + "AS f(follower_id, followed_id, showing_reblogs) CROSS JOIN LATERAL (SELECT status_id, "
                    + "author_id, is_reblog FROM home_timeline_status WHERE author_id = f.followed_id AND NOT deleted "
                    + "AND visibility <> 'DIRECT' AND (NOT is_reblog OR f.showing_reblogs) "
                    + "ORDER BY status_id DESC LIMIT ?) r ON CONFLICT DO NOTHING");
            statement.setArray(1, con.createArrayOf("varchar", follows.stream().map(AccountFollowed::followerId).toArray()));
            statement.setArray(2, con.createArrayOf("varchar", follows.stream().map(AccountFollowed::followedId).toArray()));
            statement.setArray(3, con.createArrayOf("boolean",
                    follows.stream().map(AccountFollowed::showingReblogs).toArray()));
            statement.setInt(4, BACKFILL);
            return statement;
        });
    }

    @EventHandler
    void on(ReblogVisibilityChanged event) {
        flushPending();
        jdbc.update("UPDATE home_timeline_follow SET showing_reblogs = ? WHERE follower_id = ? AND followed_id = ?",
                event.showingReblogs(), event.followerId(), event.followedId());
        if (!event.showingReblogs()) {
            jdbc.update("DELETE FROM home_timeline_entry WHERE owner_id = ? AND author_id = ? AND is_reblog",
                    event.followerId(), event.followedId());
        }
    }

    @EventHandler
    void on(AccountUnfollowed event) {
        flushPending();
        jdbc.update("DELETE FROM home_timeline_follow WHERE follower_id = ? AND followed_id = ?",
                event.followerId(), event.followedId());
        removeAuthor(event.followerId(), event.followedId());
    }

    @EventHandler
    void on(AccountBlocked event) {
        flushPending();
        removeAuthor(event.blockerId(), event.blockedId());
        removeAuthor(event.blockedId(), event.blockerId());
    }

    /** What came only from following {@code author}; what mentions the owner stays. */
    private void removeAuthor(String owner, String author) {
        jdbc.update("DELETE FROM home_timeline_entry WHERE owner_id = ? AND author_id = ? AND NOT mentions_owner",
                owner, author);
    }

    private void insert(String owner, String statusId, String authorId, boolean reblog, boolean mentionsOwner) {
        jdbc.update("INSERT INTO home_timeline_entry (owner_id, status_id, author_id, is_reblog, mentions_owner) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (owner_id, status_id) DO UPDATE SET "
                        + "mentions_owner = home_timeline_entry.mentions_owner OR excluded.mentions_owner",
                owner, statusId, authorId, reblog, mentionsOwner);
    }

    /** What the batch holds so far, written before a handler that reads or changes the same rows. */
    private void flushPending() {
        posted.flush();
        followed.flush();
    }

    @ResetHandler
    void reset() {
        // TRUNCATE, not DELETE: millions of dead rows would keep autovacuum busy through the rebuild.
        jdbc.update("TRUNCATE home_timeline_entry, home_timeline_follow, home_timeline_status");
    }

    /** Which of the given accounts have the status (or boost) in their home timeline. */
    @QueryHandler
    public List<String> handle(StatusQueries.HomeTimelineOwners query) {
        if (query.among().isEmpty()) {
            return List.of();
        }
        return jdbc.query(con -> {
            PreparedStatement statement = con.prepareStatement("SELECT owner_id FROM home_timeline_entry "
                    + "WHERE status_id = ? AND owner_id = ANY (?)");
            statement.setString(1, query.statusId());
            statement.setArray(2, con.createArrayOf("varchar", query.among().toArray()));
            return statement;
        }, (rs, row) -> rs.getString(1));
    }
}
