package social.annals.events.status;

import java.time.Instant;

/** An account took back its reaction with {@code emoji} to a status. */
public record StatusUnreacted(String accountId, String statusId, String statusAuthorId, String emoji,
                              Instant unreactedAt) {
}
