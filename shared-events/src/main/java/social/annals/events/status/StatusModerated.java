package social.annals.events.status;

import java.time.Instant;
import social.annals.events.moderation.Moderator;

/** A moderator changed a status: {@code sensitive} and {@code visibility} are null when left as they were. */
public record StatusModerated(String statusId, String authorId, Boolean sensitive, Visibility visibility, Moderator by,
                              Instant moderatedAt) {
}
