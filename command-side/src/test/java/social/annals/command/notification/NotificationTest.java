package social.annals.command.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import social.annals.command.ids.NumericIdGenerator;
import social.annals.events.notification.NotificationDelivered;
import social.annals.events.notification.NotificationDismissed;
import social.annals.events.notification.NotificationRead;
import social.annals.events.notification.NotificationType;
import social.annals.events.notification.NotificationsCleared;
import social.annals.events.notification.NotificationsReadUpTo;

class NotificationTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final NotificationDelivered DELIVERED =
            new NotificationDelivered(7, "R", NotificationType.FAVOURITE, "X", "S1", NOW, null);

    private static <T> AggregateTestFixture<T> fixture(Class<T> type) {
        AggregateTestFixture<T> fixture = new AggregateTestFixture<>(type);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        return fixture;
    }

    @Test
    void theRecipientMarksItReadOnce() {
        fixture(Notification.class).given(DELIVERED)
                .when(new NotificationCommands.MarkRead(7, "R"))
                .expectEvents(new NotificationRead(7, "R", NOW))
                .expectResultMessagePayload(true);
        fixture(Notification.class).given(DELIVERED, new NotificationRead(7, "R", NOW))
                .when(new NotificationCommands.MarkRead(7, "R"))
                .expectNoEvents()
                .expectResultMessagePayload(true);
    }

    @Test
    void nobodyElseMayReadOrDismissIt() {
        fixture(Notification.class).given(DELIVERED)
                .when(new NotificationCommands.MarkRead(7, "X"))
                .expectNoEvents()
                .expectException(NotificationRefused.class)
                .expectExceptionMessage("Cannot get notification");
        fixture(Notification.class).given(DELIVERED)
                .when(new NotificationCommands.Dismiss(7, "X"))
                .expectNoEvents()
                .expectExceptionMessage("Cannot dismiss notification");
    }

    @Test
    void aDismissedNotificationIsGoneForGood() {
        fixture(Notification.class).given(DELIVERED)
                .when(new NotificationCommands.Dismiss(7, "R"))
                .expectEvents(new NotificationDismissed(7, "R", NOW));
        fixture(Notification.class).given(DELIVERED, new NotificationDismissed(7, "R", NOW))
                .when(new NotificationCommands.Dismiss(7, "R"))
                .expectNoEvents()
                .expectException(NotificationRefused.class);
        fixture(Notification.class).given(DELIVERED, new NotificationDismissed(7, "R", NOW))
                .when(new NotificationCommands.MarkRead(7, "R"))
                .expectNoEvents()
                .expectException(NotificationRefused.class);
    }

    @Test
    void theReadMarkerOnlyMovesForwardAndCountsItsMoves() {
        fixture(Inbox.class).givenNoPriorActivity()
                .when(new NotificationCommands.ReadUpTo("R", 100))
                .expectEvents(new NotificationsReadUpTo("R", 100, 1, NOW))
                .expectResultMessagePayload(new NotificationCommands.Marker(100, 1, NOW));
        fixture(Inbox.class).given(new NotificationsReadUpTo("R", 100, 1, NOW))
                .when(new NotificationCommands.ReadUpTo("R", 50))
                .expectNoEvents()
                .expectResultMessagePayload(new NotificationCommands.Marker(100, 1, NOW));
        fixture(Inbox.class).given(new NotificationsReadUpTo("R", 100, 1, NOW))
                .when(new NotificationCommands.ReadUpTo("R", 100))
                .expectNoEvents();
        fixture(Inbox.class).given(new NotificationsReadUpTo("R", 100, 1, NOW))
                .when(new NotificationCommands.ReadUpTo("R", 101))
                .expectEvents(new NotificationsReadUpTo("R", 101, 2, NOW));
    }

    @Test
    void theReadMarkerStopsAtTheNewestIdANotificationCanHaveYet() {
        fixture(Inbox.class).givenNoPriorActivity()
                .when(new NotificationCommands.ReadUpTo("R", Long.MAX_VALUE))
                .expectEvents(new NotificationsReadUpTo("R", NumericIdGenerator.latestAt(NOW), 1, NOW));
        fixture(Inbox.class).given(new NotificationsReadUpTo("R", NumericIdGenerator.latestAt(NOW), 1, NOW))
                .when(new NotificationCommands.ReadUpTo("R", Long.MAX_VALUE))
                .expectNoEvents();
    }

    @Test
    void clearingRemovesEverythingDeliveredUpToNow() {
        fixture(Inbox.class).givenNoPriorActivity()
                .when(new NotificationCommands.Clear("R"))
                .expectEvents(new NotificationsCleared("R", NumericIdGenerator.latestAt(NOW), NOW));
    }
}
