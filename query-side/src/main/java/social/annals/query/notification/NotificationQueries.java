package social.annals.query.notification;

import java.time.Instant;
import java.util.Set;

/** Queries of the "notifications" read model; every list is newest first. */
public final class NotificationQueries {

    private NotificationQueries() {
    }

    /**
     * A keyset page of the recipient's notifications. {@code types} (empty: all) and
     * {@code excludedTypes} filter by API type name; notifications from accounts the recipient
     * blocks, or mutes with their notifications, are left out unless {@code withMuted} (blocks always).
     */
    public record Page(String recipientId, Set<String> types, Set<String> excludedTypes, Long maxId, Long sinceId,
                       Long minId, int limit, boolean withMuted) {
    }

    /** One notification, if it belongs to the recipient. */
    public record ById(String recipientId, long notificationId) {
    }

    /** The recipient's notifications with an id up to {@code maxId}, newest first. */
    public record UpTo(String recipientId, long maxId, int limit) {
    }

    /** The recipient's read marker; version 0 and id 0 when it never moved. */
    public record MarkerOf(String accountId) {
    }

    public record Marker(long lastReadId, long version, Instant updatedAt, long unreadCount) {
    }
}
