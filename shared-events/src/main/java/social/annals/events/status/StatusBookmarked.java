package social.annals.events.status;

import java.time.Instant;

/** An account bookmarked a status: a private list, visible to that account only. */
public record StatusBookmarked(String accountId, String statusId, Instant bookmarkedAt) {
}
