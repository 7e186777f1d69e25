package social.annals.events.social;

import java.time.Instant;

public record AccountUnfollowed(String followerId, String followedId, UnfollowReason reason, Instant unfollowedAt) {
}
