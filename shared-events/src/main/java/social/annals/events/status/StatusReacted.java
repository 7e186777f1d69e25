package social.annals.events.status;

import java.time.Instant;

/** An account reacted to a status with one unicode emoji (Pleroma's EmojiReact). */
public record StatusReacted(String accountId, String statusId, String statusAuthorId, String emoji,
                            Instant reactedAt) {
}
