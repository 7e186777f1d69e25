package social.annals.events.social;

import java.time.Instant;

/** The follower took back its pending follow request (unfollowing before it was decided). */
public record FollowRequestWithdrawn(String followerId, String followedId, Instant withdrawnAt) {
}
