package social.annals.query.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import social.annals.events.notification.NotificationDelivered;
import social.annals.events.notification.NotificationDismissed;
import social.annals.events.notification.NotificationRead;
import social.annals.events.notification.NotificationType;
import social.annals.events.notification.NotificationsCleared;
import social.annals.events.notification.NotificationsReadUpTo;
import social.annals.events.status.StatusDeleted;
import social.annals.events.status.StatusUnfavourited;
import social.annals.events.status.StatusUnreacted;
import social.annals.events.status.StatusUnreblogged;
import social.annals.query.support.TestDatabase;

class NotificationProjectionTest {

    private static final Instant AT = Instant.parse("2026-11-26T12:00:00Z");

    private final JdbcTemplate jdbc = TestDatabase.jdbc();
    private final NotificationProjection projection = new NotificationProjection(jdbc);
    private final NotificationSeenProjection seen = new NotificationSeenProjection(jdbc);

    @BeforeEach
    void empty() {
        projection.reset();
        seen.reset();
        jdbc.update("DELETE FROM relationship_view");
    }

    private static NotificationDelivered delivered(long id, String recipient, NotificationType type, String actor,
                                                   String status) {
        return new NotificationDelivered(id, recipient, type, actor, status, AT, null);
    }

    private List<Long> page(String recipient, Long maxId, Long sinceId, Long minId, int limit) {
        return projection.handle(new NotificationQueries.Page(recipient, Set.of(), Set.of(), maxId, sinceId, minId,
                limit, false)).stream().map(NotificationView::notificationId).toList();
    }

    private List<Long> all(String recipient) {
        return page(recipient, null, null, null, 40);
    }

    @Test
    void deliveriesAreListedNewestFirstPerRecipientAndRedeliveryChangesNothing() {
        projection.on(delivered(1, "R", NotificationType.FOLLOW, "X", null));
        projection.on(delivered(2, "R", NotificationType.MENTION, "X", "S1"));
        projection.on(delivered(3, "Q", NotificationType.MENTION, "X", "S1"));
        projection.on(delivered(2, "R", NotificationType.MENTION, "X", "S1"));
        assertThat(all("R")).containsExactly(2L, 1L);
        assertThat(all("Q")).containsExactly(3L);
        NotificationView follow = projection.handle(new NotificationQueries.ById("R", 1));
        assertThat(follow).isEqualTo(new NotificationView(1, "R", "follow", "X", null, false, AT, null));
        assertThat(projection.handle(new NotificationQueries.ById("Q", 1))).isNull();
    }

    @Test
    void aReactionNotificationCarriesItsEmojiAndGoesWhenTheReactionIsTakenBack() {
        projection.on(new NotificationDelivered(1, "R", NotificationType.EMOJI_REACTION, "X", "S1", AT, "🎉"));
        projection.on(new NotificationDelivered(2, "R", NotificationType.EMOJI_REACTION, "X", "S1", AT, "👍"));
        assertThat(projection.handle(new NotificationQueries.ById("R", 1)))
                .isEqualTo(new NotificationView(1, "R", "pleroma:emoji_reaction", "X", "S1", false, AT, "🎉"));

        projection.on(new StatusUnreacted("X", "S1", "R", "🎉", AT));
        assertThat(all("R")).containsExactly(2L);
    }

    @Test
    void pagesInBothDirections() {
        for (long id = 1; id <= 4; id++) {
            projection.on(delivered(id, "R", NotificationType.MENTION, "X", "S" + id));
        }
        assertThat(page("R", null, null, 1L, 2)).containsExactly(3L, 2L);
        assertThat(page("R", null, 1L, null, 2)).containsExactly(4L, 3L);
        assertThat(page("R", 4L, null, null, 2)).containsExactly(3L, 2L);
    }

    @Test
    void typesAreIncludedOrExcluded() {
        projection.on(delivered(1, "R", NotificationType.FOLLOW, "X", null));
        projection.on(delivered(2, "R", NotificationType.FAVOURITE, "X", "S1"));
        projection.on(delivered(3, "R", NotificationType.REBLOG, "X", "S1"));
        assertThat(projection.handle(new NotificationQueries.Page("R", Set.of("follow", "reblog"), Set.of(), null,
                null, null, 20, false))).extracting(NotificationView::notificationId).containsExactly(3L, 1L);
        assertThat(projection.handle(new NotificationQueries.Page("R", Set.of(), Set.of("reblog"), null, null, null,
                20, false))).extracting(NotificationView::notificationId).containsExactly(2L, 1L);
    }

    @Test
    void readingOneOrUpToAnIdMarksThemSeenAndTheMarkerKeepsItsNewestVersion() {
        for (long id = 1; id <= 3; id++) {
            projection.on(delivered(id, "R", NotificationType.MENTION, "X", "S" + id));
        }
        seen.on(new NotificationRead(3, "R", AT));
        seen.on(new NotificationsReadUpTo("R", 1, 1, AT));
        assertThat(projection.handle(new NotificationQueries.Page("R", Set.of(), Set.of(), null, null, null, 20,
                false))).extracting(NotificationView::seen).containsExactly(true, false, true);
        assertThat(projection.handle(new NotificationQueries.MarkerOf("R")))
                .isEqualTo(new NotificationQueries.Marker(1, 1, AT, 1));

        seen.on(new NotificationsReadUpTo("R", 2, 2, AT.plusSeconds(1)));
        seen.on(new NotificationsReadUpTo("R", 1, 1, AT));
        assertThat(projection.handle(new NotificationQueries.MarkerOf("R")))
                .isEqualTo(new NotificationQueries.Marker(2, 2, AT.plusSeconds(1), 0));
        assertThat(projection.handle(new NotificationQueries.MarkerOf("Q")))
                .isEqualTo(new NotificationQueries.Marker(0, 0, null, 0));
    }

    /** "notifications-seen", written in the marking command's transaction, is where one marked on its own is kept. */
    @Test
    void oneMarkedSeenOnItsOwnIsShownSeenEverywhereItAppears() {
        for (long id = 1; id <= 3; id++) {
            projection.on(delivered(id, "R", NotificationType.MENTION, "X", "S" + id));
        }
        projection.on(delivered(4, "Q", NotificationType.MENTION, "X", "S1"));
        seen.on(new NotificationRead(2, "R", AT));
        seen.on(new NotificationRead(2, "R", AT));

        assertThat(projection.handle(new NotificationQueries.Page("R", Set.of(), Set.of(), null, null, null, 20,
                false))).extracting(NotificationView::seen).containsExactly(false, true, false);
        assertThat(projection.handle(new NotificationQueries.ById("R", 2)).seen()).isTrue();
        assertThat(projection.handle(new NotificationQueries.UpTo("R", 2, 80)))
                .extracting(NotificationView::seen).containsExactly(true, false);
        assertThat(projection.handle(new NotificationQueries.MarkerOf("R")).unreadCount()).isEqualTo(2);
        assertThat(projection.handle(new NotificationQueries.ById("Q", 4)).seen()).isFalse();
    }

    @Test
    void marksOneByOneLeaveWithTheirDismissedOrClearedNotifications() {
        seen.on(new NotificationRead(1, "R", AT));
        seen.on(new NotificationRead(2, "R", AT));
        seen.on(new NotificationRead(5, "R", AT));
        seen.on(new NotificationRead(1, "Q", AT));
        seen.on(new NotificationDismissed(2, "R", AT));
        seen.on(new NotificationsCleared("R", 4, AT));
        assertThat(jdbc.queryForList("SELECT recipient_id || ':' || notification_id FROM notification_seen "
                + "ORDER BY 1", String.class)).containsExactly("Q:1", "R:5");
    }

    @Test
    void aNotificationArrivingBehindTheMarkerIsAlreadySeen() {
        seen.on(new NotificationsReadUpTo("R", 10, 1, AT));
        projection.on(delivered(5, "R", NotificationType.MENTION, "X", "S1"));
        projection.on(delivered(11, "R", NotificationType.MENTION, "X", "S2"));
        assertThat(projection.handle(new NotificationQueries.UpTo("R", 100, 80)))
                .extracting(NotificationView::seen).containsExactly(false, true);
    }

    @Test
    void dismissingAndClearingRemoveOnlyTheRecipientsNotifications() {
        projection.on(delivered(1, "R", NotificationType.MENTION, "X", "S1"));
        projection.on(delivered(2, "R", NotificationType.MENTION, "X", "S2"));
        projection.on(delivered(3, "Q", NotificationType.MENTION, "X", "S2"));
        projection.on(new NotificationDismissed(2, "R", AT));
        assertThat(all("R")).containsExactly(1L);
        projection.on(delivered(4, "R", NotificationType.MENTION, "X", "S3"));
        projection.on(new NotificationsCleared("R", 3, AT));
        assertThat(all("R")).containsExactly(4L);
        assertThat(all("Q")).containsExactly(3L);
    }

    @Test
    void undoingTheCauseRemovesTheNotification() {
        projection.on(delivered(1, "R", NotificationType.FAVOURITE, "X", "S1"));
        projection.on(delivered(2, "R", NotificationType.FAVOURITE, "Y", "S1"));
        projection.on(delivered(3, "R", NotificationType.REBLOG, "X", "S1"));
        projection.on(delivered(4, "R", NotificationType.MENTION, "X", "S2"));
        projection.on(new StatusUnfavourited("X", "S1", "R", AT));
        assertThat(all("R")).containsExactly(4L, 3L, 2L);
        projection.on(new StatusUnreblogged("B1", "X", "S1", AT));
        assertThat(all("R")).containsExactly(4L, 2L);
        projection.on(new StatusDeleted("S2", "X", "X", AT));
        assertThat(all("R")).containsExactly(2L);
        // Delivered after its status was deleted (the policy runs behind): never shown.
        projection.on(delivered(5, "R", NotificationType.FAVOURITE, "Z", "S2"));
        assertThat(all("R")).containsExactly(2L);
    }

    @Test
    void blockedAccountsAreHiddenAndNotificationMutesUnlessAskedFor() {
        projection.on(delivered(1, "R", NotificationType.MENTION, "X", "S1"));
        projection.on(delivered(2, "R", NotificationType.MENTION, "Y", "S2"));
        jdbc.update("INSERT INTO relationship_view (account_id, target_id, blocking) VALUES ('R', 'X', true)");
        jdbc.update("INSERT INTO relationship_view (account_id, target_id, muting, muting_notifications) "
                + "VALUES ('R', 'Y', true, true)");
        assertThat(all("R")).isEmpty();
        assertThat(projection.handle(new NotificationQueries.Page("R", Set.of(), Set.of(), null, null, null, 20,
                true))).extracting(NotificationView::notificationId).containsExactly(2L);
    }
}
