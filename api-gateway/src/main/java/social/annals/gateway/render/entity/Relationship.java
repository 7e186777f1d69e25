package social.annals.gateway.render.entity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Mastodon's Relationship with Pleroma's {@code subscribing}; {@code notifying} repeats it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Relationship(
        String id,
        boolean following,
        boolean showingReblogs,
        boolean followedBy,
        boolean blocking,
        boolean blockedBy,
        boolean muting,
        boolean mutingNotifications,
        boolean requested,
        boolean domainBlocking,
        boolean endorsed,
        boolean subscribing,
        boolean notifying) {
}
