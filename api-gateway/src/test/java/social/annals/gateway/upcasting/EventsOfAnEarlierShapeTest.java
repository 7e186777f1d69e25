package social.annals.gateway.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import social.annals.events.account.NotificationSettingsChanged;
import social.annals.events.notification.NotificationDelivered;
import social.annals.events.notification.NotificationType;
import social.annals.events.social.AccountFollowed;
import social.annals.gateway.support.ApiTest;

/**
 * Events whose record gained a field read their stored older JSON with the field at its default
 * (false, null), which is what those events meant: no upcaster is needed for them.
 */
class EventsOfAnEarlierShapeTest extends ApiTest {

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    private <T> T read(String json, Class<T> type) {
        return serializer.deserialize(new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8), byte[].class,
                type.getName(), null));
    }

    @Test
    void notificationSettingsStoredWithPleroma2SwitchesReadWithoutThem() {
        NotificationSettingsChanged changed = read("{\"accountId\":\"A1\",\"followers\":false,\"follows\":true,"
                + "\"remote\":true,\"local\":false,\"blockFromStrangers\":true,\"hideNotificationContents\":true,"
                + "\"changedAt\":\"2026-11-20T10:00:00Z\"}", NotificationSettingsChanged.class);
        assertThat(changed).isEqualTo(new NotificationSettingsChanged("A1", false, true, true, false,
                Instant.parse("2026-11-20T10:00:00Z")));
    }

    @Test
    void followsStoredBeforeAuthorizationsWereMarkedReadAsImmediateFollows() {
        AccountFollowed followed = read("{\"followerId\":\"A\",\"followedId\":\"B\",\"showingReblogs\":true,"
                + "\"followedAt\":\"2026-11-20T10:00:00Z\"}", AccountFollowed.class);
        assertThat(followed).isEqualTo(new AccountFollowed("A", "B", true, Instant.parse("2026-11-20T10:00:00Z"),
                false));
    }

    @Test
    void notificationsDeliveredBeforeReactionsReadWithoutAnEmoji() {
        NotificationDelivered delivered = read("{\"notificationId\":375535836655104,\"recipientId\":\"R\","
                + "\"type\":\"FAVOURITE\",\"actorId\":\"X\",\"statusId\":\"S1\","
                + "\"deliveredAt\":\"2026-11-20T10:00:00Z\"}", NotificationDelivered.class);
        assertThat(delivered).isEqualTo(new NotificationDelivered(375535836655104L, "R", NotificationType.FAVOURITE,
                "X", "S1", Instant.parse("2026-11-20T10:00:00Z"), null));
    }
}
