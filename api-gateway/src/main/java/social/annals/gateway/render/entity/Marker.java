package social.annals.gateway.render.entity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Mastodon's Marker of a timeline with Pleroma's unread count; {@code updated_at} is null until
 * the marker is first moved.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Marker(String lastReadId, long version, String updatedAt, Pleroma pleroma) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Pleroma(long unreadCount) {
    }
}
