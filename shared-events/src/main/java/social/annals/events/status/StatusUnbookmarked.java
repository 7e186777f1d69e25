package social.annals.events.status;

import java.time.Instant;

public record StatusUnbookmarked(String accountId, String statusId, Instant unbookmarkedAt) {
}
