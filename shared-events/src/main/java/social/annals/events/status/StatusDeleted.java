package social.annals.events.status;

import java.time.Instant;

/** {@code deletedBy} is the author, or the moderator who removed it. */
public record StatusDeleted(String statusId, String authorId, String deletedBy, Instant deletedAt) {
}
