package social.annals.events.social;

import java.time.Instant;

/** {@code followerId} now follows {@code followedId} (immediately, or when a request was authorized). */
public record AccountFollowed(String followerId, String followedId, boolean showingReblogs, Instant followedAt) {
}
