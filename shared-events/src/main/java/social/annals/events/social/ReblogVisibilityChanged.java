package social.annals.events.social;

import java.time.Instant;

/** The follower chose whether the followed account's boosts appear in their home timeline. */
public record ReblogVisibilityChanged(String followerId, String followedId, boolean showingReblogs, Instant changedAt) {
}
