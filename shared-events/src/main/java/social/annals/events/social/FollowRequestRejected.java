package social.annals.events.social;

import java.time.Instant;

/** A pending follow request ended without a follow: rejected, or swept away by a block. */
public record FollowRequestRejected(String followerId, String followedId, Instant rejectedAt) {
}
