package social.annals.query.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import social.annals.events.emoji.CustomEmoji;
import social.annals.events.status.RemoteOrigin;
import social.annals.events.status.RemoteStatusEdited;
import social.annals.events.status.StatusBookmarked;
import social.annals.events.status.StatusDeleted;
import social.annals.events.status.StatusFavourited;
import social.annals.events.status.StatusPinned;
import social.annals.events.status.StatusPosted;
import social.annals.events.status.StatusReacted;
import social.annals.events.status.StatusReblogged;
import social.annals.events.status.StatusUnbookmarked;
import social.annals.events.status.StatusUnfavourited;
import social.annals.events.status.StatusUnpinned;
import social.annals.events.status.StatusUnreacted;
import social.annals.events.status.StatusUnreblogged;
import social.annals.events.status.Visibility;
import social.annals.query.support.OneBatch;
import social.annals.query.support.TestDatabase;

class StatusProjectionTest {

    private static final Instant AT = Instant.parse("2026-11-26T12:00:00Z");
    private static final StatusQueries.Page FIRST_PAGE = new StatusQueries.Page(null, null, null, 20);

    private final JdbcTemplate jdbc = TestDatabase.jdbc();
    private final StatusProjection projection = new StatusProjection(jdbc);
    private final StatusQueryHandlers queries = new StatusQueryHandlers(jdbc);

    @BeforeEach
    void empty() {
        projection.reset();
        jdbc.update("DELETE FROM relationship_view");
    }

    private static StatusPosted posted(String id, String author, Visibility visibility, List<String> mentioned,
                                       String replyTo) {
        return new StatusPosted(id, author, "text " + id, "<p>" + id + "</p>", "", visibility, false, replyTo,
                replyTo == null ? null : "A", replyTo == null ? id : replyTo, mentioned, List.of("tag"),
                List.of(new CustomEmoji("heart", "/emoji/custom/heart.png", List.of())), List.of(), "Web", AT, null);
    }

    private StatusView byId(String id, String viewer) {
        return queries.handle(new StatusQueries.ById(id, viewer));
    }

    @Test
    void aCustomEmojiReactionOfAnotherServerKeepsItsImage() {
        projection.on(posted("S1", "A", Visibility.PUBLIC, List.of(), null));
        projection.on(new StatusReacted("B", "S1", "A", "👍", AT));
        projection.on(new StatusReacted("R", "S1", "A", "blobcat@remote.example", AT.plusSeconds(1),
                "https://remote.example/emoji/blobcat.png"));
        assertThat(byId("S1", null).reactions()).containsExactly(new StatusView.Reactions("👍", 1, null),
                new StatusView.Reactions("blobcat@remote.example", 1, "https://remote.example/emoji/blobcat.png"));
        assertThat(queries.handle(new StatusQueries.Reactors("S1", "blobcat@remote.example"))).containsExactly(
                new StatusQueries.ReactionAccounts("blobcat@remote.example", List.of("R"),
                        "https://remote.example/emoji/blobcat.png"));
    }

    @Test
    void anEditOfARemoteStatusReplacesWhatItSaysAndKeepsItsThreadVisibilityAndCounters() {
        projection.on(posted("S1", "R", Visibility.UNLISTED, List.of(), null));
        projection.on(new RemoteStatusEdited("S1", "R", "edited", "<p>edited</p>", "cw", true, List.of("new"),
                List.of(), List.of(new RemoteOrigin.RemoteAttachment("https://r.example/a.png", "image/png", "cat")),
                AT.plusSeconds(60)));
        projection.on(new RemoteStatusEdited("S1", "R", "edited", "<p>edited</p>", "cw", true, List.of("new"),
                List.of(), List.of(new RemoteOrigin.RemoteAttachment("https://r.example/a.png", "image/png", "cat")),
                AT.plusSeconds(60)));
        StatusView edited = byId("S1", null);
        assertThat(edited.contentHtml()).isEqualTo("<p>edited</p>");
        assertThat(edited.spoilerText()).isEqualTo("cw");
        assertThat(edited.sensitive()).isTrue();
        assertThat(edited.tags()).containsExactly("new");
        assertThat(edited.emojis()).isEmpty();
        assertThat(edited.editedAt()).isEqualTo(AT.plusSeconds(60));
        assertThat(edited.createdAt()).isEqualTo(AT);
        assertThat(edited.visibility()).isEqualTo("UNLISTED");
    }

    @Test
    void aStatusKeepsTheCustomEmojiItWasPostedWith() {
        projection.on(posted("S1", "A", Visibility.PUBLIC, List.of(), null));
        assertThat(byId("S1", null).emojis())
                .containsExactly(new CustomEmoji("heart", "/emoji/custom/heart.png", List.of()));
    }

    @Test
    void pinnedStatusesAreListedNewestPinFirstAndFlagged() {
        projection.on(posted("S1", "A", Visibility.PUBLIC, List.of(), null));
        projection.on(posted("S2", "A", Visibility.PUBLIC, List.of(), null));
        projection.on(new StatusPinned("S1", "A", AT));
        projection.on(new StatusPinned("S2", "A", AT.plusSeconds(1)));
        assertThat(queries.handle(new StatusQueries.PinnedStatuses("A", null))).extracting(StatusView::statusId)
                .containsExactly("S2", "S1");
        assertThat(byId("S1", null).pinned()).isTrue();

        projection.on(new StatusUnpinned("S2", "A", AT));
        projection.on(new StatusUnpinned("S2", "A", AT));
        assertThat(queries.handle(new StatusQueries.PinnedStatuses("A", null))).extracting(StatusView::statusId)
                .containsExactly("S1");
        assertThat(byId("S2", null).pinned()).isFalse();
    }

    @Test
    void bookmarksArePrivateFlaggedForTheirOwnerAndReplaySafe() {
        projection.on(posted("S1", "A", Visibility.PUBLIC, List.of(), null));
        projection.on(posted("S2", "A", Visibility.PUBLIC, List.of(), null));
        StatusBookmarked first = new StatusBookmarked("B", "S1", AT);
        projection.on(first);
        projection.on(new StatusBookmarked("B", "S2", AT));
        projection.on(first);
        assertThat(queries.handle(new StatusQueries.Bookmarks("B", FIRST_PAGE))).extracting(StatusView::statusId)
                .containsExactly("S2", "S1");
        assertThat(queries.handle(new StatusQueries.Bookmarks("C", FIRST_PAGE))).isEmpty();
        assertThat(queries.handle(new StatusQueries.ViewerFlags("B", List.of("S1", "S2"))).bookmarked())
                .containsExactlyInAnyOrder("S1", "S2");
        assertThat(queries.handle(new StatusQueries.ViewerFlags("C", List.of("S1"))).bookmarked()).isEmpty();

        projection.on(new StatusUnbookmarked("B", "S2", AT));
        projection.on(new StatusUnbookmarked("B", "S2", AT));
        assertThat(queries.handle(new StatusQueries.Bookmarks("B", FIRST_PAGE))).extracting(StatusView::statusId)
                .containsExactly("S1");
    }

    @Test
    void reactionsAreCountedPerEmojiInOrderOfFirstUseAndReplaysChangeNothing() {
        projection.on(posted("S1", "A", Visibility.PUBLIC, List.of(), null));
        StatusReacted bobLikes = new StatusReacted("B", "S1", "A", "👍", AT);
        projection.on(bobLikes);
        projection.on(new StatusReacted("C", "S1", "A", "🎉", AT.plusSeconds(1)));
        projection.on(new StatusReacted("C", "S1", "A", "👍", AT.plusSeconds(2)));
        projection.on(bobLikes);

        assertThat(byId("S1", null).reactions()).containsExactly(new StatusView.Reactions("👍", 2),
                new StatusView.Reactions("🎉", 1));
        assertThat(queries.handle(new StatusQueries.ViewerFlags("C", List.of("S1"))).reactedWith())
                .isEqualTo(java.util.Map.of("S1", java.util.Set.of("👍", "🎉")));
        assertThat(queries.handle(new StatusQueries.ViewerFlags("B", List.of("S1"))).reactedWith())
                .isEqualTo(java.util.Map.of("S1", java.util.Set.of("👍")));
        assertThat(queries.handle(new StatusQueries.Reactors("S1", null))).containsExactly(
                new StatusQueries.ReactionAccounts("👍", List.of("B", "C"), null),
                new StatusQueries.ReactionAccounts("🎉", List.of("C"), null));

        projection.on(new StatusUnreacted("B", "S1", "A", "👍", AT));
        projection.on(new StatusUnreacted("B", "S1", "A", "👍", AT));
        assertThat(queries.handle(new StatusQueries.Reactors("S1", "👍"))).containsExactly(
                new StatusQueries.ReactionAccounts("👍", List.of("C"), null));
        // Ordered by each emoji's earliest remaining reaction: C's 👍 came after its 🎉.
        assertThat(byId("S1", null).reactions()).containsExactly(new StatusView.Reactions("🎉", 1),
                new StatusView.Reactions("👍", 1));
    }

    @Test
    void countersMoveOnlyWithRealChanges() {
        projection.on(posted("S1", "A", Visibility.PUBLIC, List.of(), null));
        StatusFavourited favourite = new StatusFavourited("B", "S1", "A", AT);
        projection.on(favourite);
        projection.on(favourite);
        projection.on(new StatusReblogged("R1", "B", "S1", "A", AT));
        projection.on(new StatusReblogged("R1", "B", "S1", "A", AT));
        projection.on(posted("S2", "B", Visibility.PUBLIC, List.of(), "S1"));
        StatusView status = byId("S1", null);
        assertThat(status.favouritesCount()).isEqualTo(1);
        assertThat(status.reblogsCount()).isEqualTo(1);
        assertThat(status.repliesCount()).isEqualTo(1);

        projection.on(new StatusUnfavourited("B", "S1", "A", AT));
        projection.on(new StatusUnfavourited("B", "S1", "A", AT));
        projection.on(new StatusUnreblogged("R1", "B", "S1", AT));
        projection.on(new StatusDeleted("S2", "B", "B", AT));
        projection.on(new StatusDeleted("S2", "B", "B", AT));
        status = byId("S1", null);
        assertThat(status.favouritesCount()).isZero();
        assertThat(status.reblogsCount()).isZero();
        assertThat(status.repliesCount()).isZero();
        assertThat(byId("S2", "B")).isNull();
    }

    @Test
    void privateStatusesAreForFollowersAndTheMentionedOnly() {
        projection.on(posted("S1", "A", Visibility.PRIVATE, List.of("M"), null));
        jdbc.update("INSERT INTO relationship_view (account_id, target_id, following) VALUES ('F', 'A', true)");
        assertThat(byId("S1", "A")).isNotNull();
        assertThat(byId("S1", "F")).isNotNull();
        assertThat(byId("S1", "M")).isNotNull();
        assertThat(byId("S1", "X")).isNull();
        assertThat(byId("S1", null)).isNull();
    }

    @Test
    void boostsOfDeletedStatusesDisappear() {
        projection.on(posted("S1", "A", Visibility.PUBLIC, List.of(), null));
        projection.on(new StatusReblogged("R1", "B", "S1", "A", AT));
        assertThat(queries.handle(new StatusQueries.AccountStatuses("B", null, FIRST_PAGE, false, false)))
                .extracting(StatusView::statusId).containsExactly("R1");
        projection.on(new StatusDeleted("S1", "A", "A", AT));
        assertThat(queries.handle(new StatusQueries.AccountStatuses("B", null, FIRST_PAGE, false, false)))
                .isEmpty();
    }

    @Test
    void homeTimelinesFanOutOnWriteBackfillOnFollowAndEmptyOnUnfollow() {
        HomeTimelineProjection home = new HomeTimelineProjection(jdbc);
        home.reset();
        StatusPosted old = posted("S1", "A", Visibility.PUBLIC, List.of(), null);
        projection.on(old);
        home.on(old);
        home.on(new social.annals.events.social.AccountFollowed("V", "A", true, AT, false));
        StatusPosted fresh = posted("S2", "A", Visibility.PRIVATE, List.of(), null);
        StatusPosted stranger = posted("S3", "C", Visibility.PUBLIC, List.of(), null);
        StatusPosted mention = posted("S4", "C", Visibility.DIRECT, List.of("V"), null);
        for (StatusPosted event : List.of(fresh, stranger, mention)) {
            projection.on(event);
            home.on(event);
        }
        jdbc.update("INSERT INTO relationship_view (account_id, target_id, following) VALUES ('V', 'A', true)");
        assertThat(queries.handle(new StatusQueries.HomeTimeline("V", FIRST_PAGE, false)))
                .extracting(StatusView::statusId).containsExactly("S4", "S2", "S1");

        home.on(new social.annals.events.social.AccountUnfollowed("V", "A",
                social.annals.events.social.UnfollowReason.UNFOLLOWED, AT));
        assertThat(queries.handle(new StatusQueries.HomeTimeline("V", FIRST_PAGE, false)))
                .extracting(StatusView::statusId).containsExactly("S4");
    }

    @Test
    void homeTimelinesWrittenPerBatchAreThoseWrittenEventByEvent() {
        HomeTimelineProjection home = new HomeTimelineProjection(jdbc);
        List<Object> events = List.of(
                new social.annals.events.social.AccountFollowed("V", "A", true, AT, false),
                posted("S1", "A", Visibility.PUBLIC, List.of("A", "W"), null),
                posted("S2", "A", Visibility.DIRECT, List.of("V"), null),
                posted("S3", "C", Visibility.PUBLIC, List.of(), null),
                new social.annals.events.social.AccountFollowed("W", "C", true, AT, false),
                posted("S4", "C", Visibility.PRIVATE, List.of("V"), null),
                new social.annals.events.social.AccountUnfollowed("V", "A",
                        social.annals.events.social.UnfollowReason.UNFOLLOWED, AT),
                posted("S5", "A", Visibility.PUBLIC, List.of(), null));
        String rows = "SELECT owner_id || ' ' || status_id || ' ' || author_id || ' ' || mentions_owner "
                + "FROM home_timeline_entry ORDER BY owner_id, status_id";

        home.reset();
        events.forEach(event -> deliver(home, event));
        List<String> oneByOne = jdbc.queryForList(rows, String.class);
        home.reset();
        OneBatch.deliver(events, event -> deliver(home, event));

        assertThat(jdbc.queryForList(rows, String.class)).isEqualTo(oneByOne)
                .contains("A S1 A true", "W S1 A true", "V S2 A true", "W S3 C false", "W S4 C false", "V S4 C true")
                .doesNotContain("V S1 A false", "V S5 A false");
    }

    @Test
    void followsWrittenPerBatchBringTheSameStatusesAsEventByEvent() {
        HomeTimelineProjection home = new HomeTimelineProjection(jdbc);
        List<Object> events = List.of(
                posted("S1", "A", Visibility.PUBLIC, List.of(), null),
                posted("S2", "A", Visibility.DIRECT, List.of(), null),
                posted("S3", "C", Visibility.PRIVATE, List.of(), null),
                new social.annals.events.social.AccountFollowed("V", "A", true, AT, false),
                new social.annals.events.social.AccountFollowed("V", "C", false, AT, false),
                new social.annals.events.social.AccountFollowed("V", "A", false, AT, false),
                new social.annals.events.social.AccountFollowed("W", "A", true, AT, false),
                posted("S4", "A", Visibility.PUBLIC, List.of(), null),
                new social.annals.events.social.AccountUnfollowed("W", "A",
                        social.annals.events.social.UnfollowReason.UNFOLLOWED, AT),
                new social.annals.events.social.AccountFollowed("W", "C", true, AT, false));
        String rows = "SELECT owner_id || ' ' || status_id FROM home_timeline_entry ORDER BY 1";
        String follows = "SELECT follower_id || ' ' || followed_id || ' ' || showing_reblogs FROM home_timeline_follow "
                + "ORDER BY 1";

        home.reset();
        events.forEach(event -> deliver(home, event));
        List<String> rowsOneByOne = jdbc.queryForList(rows, String.class);
        List<String> followsOneByOne = jdbc.queryForList(follows, String.class);
        home.reset();
        OneBatch.deliver(events, event -> deliver(home, event));

        assertThat(rowsOneByOne).containsExactly("A S1", "A S2", "A S4", "C S3", "V S1", "V S3", "V S4", "W S3");
        assertThat(followsOneByOne).containsExactly("V A false", "V C false", "W C true");
        assertThat(jdbc.queryForList(rows, String.class)).isEqualTo(rowsOneByOne);
        assertThat(jdbc.queryForList(follows, String.class)).isEqualTo(followsOneByOne);
    }

    @Test
    void statusesAndFavouritesWrittenPerBatchAreThoseWrittenEventByEvent() {
        List<Object> events = List.of(
                posted("S1", "A", Visibility.PUBLIC, List.of(), null),
                posted("S2", "A", Visibility.PUBLIC, List.of(), null),
                new StatusFavourited("B", "S1", "A", AT),
                new StatusFavourited("C", "S1", "A", AT),
                new StatusFavourited("B", "S1", "A", AT),
                new StatusUnfavourited("C", "S1", "A", AT),
                new StatusFavourited("C", "S2", "A", AT),
                posted("S3", "B", Visibility.PUBLIC, List.of(), "S1"),
                posted("S3", "B", Visibility.PUBLIC, List.of(), "S1"),
                new StatusFavourited("B", "S2", "A", AT),
                posted("S4", "C", Visibility.PUBLIC, List.of(), "S3"),
                new StatusFavourited("A", "S4", "C", AT),
                posted("S5", "C", Visibility.PUBLIC, List.of(), "S1"));
        String counts = "SELECT status_id || ' ' || favourites_count || ' ' || replies_count FROM status_view "
                + "ORDER BY status_id";
        String rows = "SELECT account_id || ' ' || status_id FROM favourite_view ORDER BY 1";

        events.forEach(this::deliver);
        List<String> countsOneByOne = jdbc.queryForList(counts, String.class);
        List<String> rowsOneByOne = jdbc.queryForList(rows, String.class);
        projection.reset();
        OneBatch.deliver(events, this::deliver);

        assertThat(countsOneByOne).containsExactly("S1 1 2", "S2 2 0", "S3 0 1", "S4 1 0", "S5 0 0");
        assertThat(jdbc.queryForList(counts, String.class)).isEqualTo(countsOneByOne);
        assertThat(jdbc.queryForList(rows, String.class)).isEqualTo(rowsOneByOne);
    }

    private void deliver(Object event) {
        if (event instanceof StatusPosted posted) {
            projection.on(posted);
        } else if (event instanceof StatusFavourited favourited) {
            projection.on(favourited);
        } else {
            projection.on((StatusUnfavourited) event);
        }
    }

    private static void deliver(HomeTimelineProjection home, Object event) {
        if (event instanceof StatusPosted posted) {
            home.on(posted);
        } else if (event instanceof social.annals.events.social.AccountFollowed followed) {
            home.on(followed);
        } else {
            home.on((social.annals.events.social.AccountUnfollowed) event);
        }
    }
}
