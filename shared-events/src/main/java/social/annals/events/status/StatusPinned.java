package social.annals.events.status;

import java.time.Instant;

/** The author pinned the status to the top of their profile. */
public record StatusPinned(String statusId, String authorId, Instant pinnedAt) {
}
