package social.annals.events.social;

import java.time.Instant;

/** A follow of a locked account, waiting for its approval. */
public record FollowRequested(String followerId, String followedId, boolean showingReblogs, Instant requestedAt) {
}
