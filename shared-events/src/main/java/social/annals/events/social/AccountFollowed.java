package social.annals.events.social;

import java.time.Instant;

/**
 * {@code followerId} now follows {@code followedId}: at once, or when the followed account
 * authorized a request ({@code requestAuthorized}; the request itself was the news). Events stored
 * before that flag existed read it as {@code false}.
 */
public record AccountFollowed(String followerId, String followedId, boolean showingReblogs, Instant followedAt,
                              boolean requestAuthorized) {
}
