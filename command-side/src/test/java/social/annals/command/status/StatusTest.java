package social.annals.command.status;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import social.annals.events.moderation.Moderator;
import social.annals.events.status.RemoteOrigin;
import social.annals.events.status.RemoteStatusEdited;
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
import social.annals.events.status.Visibility;

class StatusTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final StatusPosted POSTED = new StatusPosted("S1", "A", "hi", "hi", "", Visibility.PUBLIC, false,
            null, null, "S1", List.of(), List.of(), List.of(), List.of(), "Web", NOW, null);

    private static final StatusPosted RECEIVED = new StatusPosted("S2", "R", "hi", "<p>hi</p>", "", Visibility.PUBLIC,
            false, null, null, "S2", List.of(), List.of(), List.of(), List.of(), null, NOW,
            new RemoteOrigin("https://remote.example/notes/1", null, List.of()));

    private static StatusCommands.ReceiveEdit edit(String statusId, String authorId, Instant at) {
        return new StatusCommands.ReceiveEdit(statusId, authorId, "edited", "<p>edited</p>", "cw", true,
                List.of("tag"), List.of(), List.of(new RemoteOrigin.RemoteAttachment("https://remote.example/a.png",
                "image/png", "a cat")), at);
    }

    @Test
    void onlyTheRemoteAuthorEditsARemoteStatusAndALateRedeliveryChangesNothing() {
        fixture(Status.class).given(RECEIVED)
                .when(edit("S2", "R", NOW.plusSeconds(60)))
                .expectEvents(new RemoteStatusEdited("S2", "R", "edited", "<p>edited</p>", "cw", true, List.of("tag"),
                        List.of(), List.of(new RemoteOrigin.RemoteAttachment("https://remote.example/a.png",
                        "image/png", "a cat")), NOW.plusSeconds(60)));
        fixture(Status.class).given(RECEIVED, new RemoteStatusEdited("S2", "R", "edited", "<p>edited</p>", "", false, List.of(),
                        List.of(), List.of(), NOW.plusSeconds(60)))
                .when(edit("S2", "R", NOW.plusSeconds(30)))
                .expectNoEvents();
        fixture(Status.class).given(RECEIVED)
                .when(edit("S2", "MALLORY", NOW.plusSeconds(60)))
                .expectException(StatusEditRefused.class);
        fixture(Status.class).given(POSTED)
                .when(edit("S1", "A", NOW.plusSeconds(60)))
                .expectException(StatusEditRefused.class);
        fixture(Status.class).given(RECEIVED, new StatusDeleted("S2", "R", "R", NOW))
                .when(edit("S2", "R", NOW.plusSeconds(60)))
                .expectException(StatusEditRefused.class);
    }

    private static <T> AggregateTestFixture<T> fixture(Class<T> type) {
        AggregateTestFixture<T> fixture = new AggregateTestFixture<>(type);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        return fixture;
    }

    private static StatusCommands.Post post(String text, String spoiler, String key) {
        return new StatusCommands.Post("S1", "A", text, text.trim(), spoiler, Visibility.PUBLIC, false, null, null, null,
                List.of(), List.of(), List.of(), List.of(), "Web", key);
    }

    private AggregateTestFixture<Status> publishing(JdbcTemplate jdbc, int limit) {
        AggregateTestFixture<Status> fixture = fixture(Status.class);
        fixture.registerAnnotatedCommandHandler(new StatusPublishing(fixture.getRepository(), jdbc, limit));
        return fixture;
    }

    @Test
    void postingRecordsTheStatusAsItsOwnThread() {
        publishing(mock(JdbcTemplate.class), 5000).givenNoPriorActivity()
                .when(post("  hi  ", "", null))
                .expectEvents(POSTED)
                .expectResultMessagePayload(new StatusCommands.Posted("S1", POSTED));
    }

    @Test
    void emptyOrOverlongStatusesAreRefused() {
        publishing(mock(JdbcTemplate.class), 5).givenNoPriorActivity()
                .when(post("   ", "cw", null))
                .expectNoEvents()
                .expectException(StatusRejected.class);
        publishing(mock(JdbcTemplate.class), 5).givenNoPriorActivity()
                .when(post("abcd", "ef", null))
                .expectNoEvents()
                .expectExceptionMessage("The status is over the character limit");
        publishing(mock(JdbcTemplate.class), 5).givenNoPriorActivity()
                .when(post("abc", "de", null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aPreviewAnswersTheStatusItWouldPostAndRecordsNothing() {
        publishing(mock(JdbcTemplate.class), 5000).givenNoPriorActivity()
                .when(new StatusCommands.Preview(post("  hi  ", "", "key")))
                .expectNoEvents()
                .expectResultMessagePayload(POSTED);
        publishing(mock(JdbcTemplate.class), 5).givenNoPriorActivity()
                .when(new StatusCommands.Preview(post("abcd", "ef", null)))
                .expectNoEvents()
                .expectExceptionMessage("The status is over the character limit");
    }

    @Test
    void aRepeatedIdempotencyKeyAnswersTheFirstStatusAndPostsNothing() {
        JdbcTemplate jdbc = mock(JdbcTemplate.class);
        when(jdbc.queryForObject(anyString(), eq(String.class), any(), any())).thenReturn("S0");
        publishing(jdbc, 5000).givenNoPriorActivity()
                .when(post("hi", "", "key"))
                .expectNoEvents()
                .expectResultMessagePayload(new StatusCommands.Posted("S0", null));
    }

    @Test
    void onlyTheAuthorOrAModeratorDeletesAndOnlyOnce() {
        fixture(Status.class).given(POSTED)
                .when(new StatusCommands.Delete("S1", "A", false))
                .expectEvents(new StatusDeleted("S1", "A", "A", NOW));
        fixture(Status.class).given(POSTED)
                .when(new StatusCommands.Delete("S1", "MOD", true))
                .expectEvents(new StatusDeleted("S1", "A", "MOD", NOW));
        fixture(Status.class).given(POSTED)
                .when(new StatusCommands.Delete("S1", "B", false))
                .expectNoEvents()
                .expectException(StatusDeleteRefused.class);
        fixture(Status.class).given(POSTED, new StatusDeleted("S1", "A", "A", NOW))
                .when(new StatusCommands.Delete("S1", "A", false))
                .expectException(StatusDeleteRefused.class);
    }

    @Test
    void favouritingIsRecordedOnceAndUndoneOnce() {
        fixture(Favourite.class).givenNoPriorActivity()
                .when(new StatusCommands.Favourite("B", "S1", "A"))
                .expectEvents(new StatusFavourited("B", "S1", "A", NOW));
        fixture(Favourite.class).given(new StatusFavourited("B", "S1", "A", NOW))
                .when(new StatusCommands.Favourite("B", "S1", "A"))
                .expectNoEvents();
        fixture(Favourite.class).given(new StatusFavourited("B", "S1", "A", NOW))
                .when(new StatusCommands.Unfavourite("B", "S1", "A"))
                .expectEvents(new StatusUnfavourited("B", "S1", "A", NOW));
        fixture(Favourite.class).givenNoPriorActivity()
                .when(new StatusCommands.Unfavourite("B", "S1", "A"))
                .expectNoEvents();
    }

    private AggregateTestFixture<Status> pinning(int alreadyPinned) {
        JdbcTemplate jdbc = mock(JdbcTemplate.class);
        when(jdbc.queryForObject(anyString(), eq(Integer.class), any(), any())).thenReturn(alreadyPinned);
        AggregateTestFixture<Status> fixture = fixture(Status.class);
        fixture.registerAnnotatedCommandHandler(new StatusPinning(fixture.getRepository(), jdbc, 1));
        return fixture;
    }

    @Test
    void onlyTheAuthorPinsItsOwnPublicStatusUpToTheLimit() {
        pinning(0).given(POSTED)
                .when(new StatusCommands.Pin("S1", "A"))
                .expectEvents(new StatusPinned("S1", "A", NOW));
        pinning(0).given(POSTED, new StatusPinned("S1", "A", NOW))
                .when(new StatusCommands.Pin("S1", "A"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        pinning(1).given(POSTED)
                .when(new StatusCommands.Pin("S1", "A"))
                .expectNoEvents()
                .expectExceptionMessage("You have already pinned the maximum number of statuses");
        pinning(0).given(POSTED)
                .when(new StatusCommands.Pin("S1", "B"))
                .expectNoEvents()
                .expectException(PinRefused.class)
                .expectExceptionMessage("Could not pin");
        pinning(0).given(POSTED, new StatusModerated("S1", "A", null, Visibility.PRIVATE, null, NOW))
                .when(new StatusCommands.Pin("S1", "A"))
                .expectNoEvents()
                .expectExceptionMessage("Could not pin");
        pinning(0).given(POSTED, new StatusDeleted("S1", "A", "A", NOW))
                .when(new StatusCommands.Pin("S1", "A"))
                .expectNoEvents()
                .expectExceptionMessage("Could not pin");
    }

    @Test
    void onlyTheAuthorUnpinsAndUnpinningTwiceChangesNothing() {
        fixture(Status.class).given(POSTED, new StatusPinned("S1", "A", NOW))
                .when(new StatusCommands.Unpin("S1", "A"))
                .expectEvents(new StatusUnpinned("S1", "A", NOW));
        fixture(Status.class).given(POSTED)
                .when(new StatusCommands.Unpin("S1", "A"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture(Status.class).given(POSTED, new StatusPinned("S1", "A", NOW))
                .when(new StatusCommands.Unpin("S1", "B"))
                .expectNoEvents()
                .expectExceptionMessage("Could not unpin");
    }

    @Test
    void aBookmarkIsRecordedOnceAndRemovedOnce() {
        fixture(Bookmark.class).givenNoPriorActivity()
                .when(new StatusCommands.AddBookmark("B", "S1"))
                .expectEvents(new StatusBookmarked("B", "S1", NOW));
        fixture(Bookmark.class).given(new StatusBookmarked("B", "S1", NOW))
                .when(new StatusCommands.AddBookmark("B", "S1"))
                .expectNoEvents();
        fixture(Bookmark.class).given(new StatusBookmarked("B", "S1", NOW))
                .when(new StatusCommands.RemoveBookmark("B", "S1"))
                .expectEvents(new StatusUnbookmarked("B", "S1", NOW));
        fixture(Bookmark.class).givenNoPriorActivity()
                .when(new StatusCommands.RemoveBookmark("B", "S1"))
                .expectNoEvents();
    }

    @Test
    void aReactionIsRecordedOnceAndOnlyAnExistingOneIsTakenBack() {
        fixture(Reaction.class).givenNoPriorActivity()
                .when(new StatusCommands.React("B", "S1", "A", "👍"))
                .expectEvents(new StatusReacted("B", "S1", "A", "👍", NOW));
        fixture(Reaction.class).given(new StatusReacted("B", "S1", "A", "👍", NOW))
                .when(new StatusCommands.React("B", "S1", "A", "👍"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture(Reaction.class).given(new StatusReacted("B", "S1", "A", "👍", NOW))
                .when(new StatusCommands.Unreact("B", "S1", "A", "👍"))
                .expectEvents(new StatusUnreacted("B", "S1", "A", "👍", NOW));
        fixture(Reaction.class).givenNoPriorActivity()
                .when(new StatusCommands.Unreact("B", "S1", "A", "👍"))
                .expectNoEvents()
                .expectException(ReactionRefused.class)
                .expectExceptionMessage("Could not remove reaction emoji");
    }

    @Test
    void onlyOneUnicodeEmojiIsAReaction() {
        for (String emoji : List.of("👍", "❤️", "☕", "👍🏽", "👩‍👩‍👧‍👦", "🧑🏿‍🚀", "🇯🇵", "#️⃣", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "🏳️‍🌈", "⬆️", "⏩")) {
            fixture(Reaction.class).givenNoPriorActivity()
                    .when(new StatusCommands.React("B", "S1", "A", emoji))
                    .expectEvents(new StatusReacted("B", "S1", "A", emoji, NOW));
        }
        for (String notOne : List.of("", "a", "👍👍", ":blobcat:", "👍 ", "🇯", "1", "👍a", "‍👍", "→", "■", "⌀")) {
            fixture(Reaction.class).givenNoPriorActivity()
                    .when(new StatusCommands.React("B", "S1", "A", notOne))
                    .expectNoEvents()
                    .expectException(ReactionRefused.class)
                    .expectExceptionMessage("Could not add reaction emoji");
        }
    }

    @Test
    void anotherServersCustomEmojiIsAReactionWithItsImage() {
        String image = "https://remote.example/emoji/blobcat.png";
        fixture(Reaction.class).givenNoPriorActivity()
                .when(new StatusCommands.React("R", "S1", "A", "blobcat@remote.example", image))
                .expectEvents(new StatusReacted("R", "S1", "A", "blobcat@remote.example", NOW, image));
        for (String notOne : List.of("blobcat", ":blobcat:", "blob cat@remote.example", "👍", "b@" + "h".repeat(129))) {
            fixture(Reaction.class).givenNoPriorActivity()
                    .when(new StatusCommands.React("R", "S1", "A", notOne, image))
                    .expectNoEvents()
                    .expectException(ReactionRefused.class);
        }
    }

    @Test
    void boostingKeepsTheFirstBoostsIdAndUnboostingRemovesIt() {
        fixture(Boost.class).givenNoPriorActivity()
                .when(new StatusCommands.Reblog("R1", "B", "S1", "A"))
                .expectEvents(new StatusReblogged("R1", "B", "S1", "A", NOW))
                .expectResultMessagePayload("R1");
        fixture(Boost.class).given(new StatusReblogged("R1", "B", "S1", "A", NOW))
                .when(new StatusCommands.Reblog("R2", "B", "S1", "A"))
                .expectNoEvents()
                .expectResultMessagePayload("R1");
        fixture(Boost.class).given(new StatusReblogged("R1", "B", "S1", "A", NOW))
                .when(new StatusCommands.Unreblog("B", "S1"))
                .expectEvents(new StatusUnreblogged("R1", "B", "S1", NOW));
    }

    @Test
    void aModeratorChangesVisibilityOrSensitivityButNeverToDirectNorOnADeletedStatus() {
        Moderator root = new Moderator("R", "root");
        fixture(Status.class).given(POSTED)
                .when(new StatusCommands.Moderate("S1", true, Visibility.PRIVATE, root))
                .expectEvents(new StatusModerated("S1", "A", true, Visibility.PRIVATE, root, NOW));
        fixture(Status.class).given(POSTED)
                .when(new StatusCommands.Moderate("S1", null, Visibility.DIRECT, root))
                .expectNoEvents()
                .expectException(StatusRejected.class);
        fixture(Status.class).given(POSTED, new StatusDeleted("S1", "A", "A", NOW))
                .when(new StatusCommands.Moderate("S1", false, null, root))
                .expectException(StatusDeleteRefused.class);
    }
}
