package social.annals.events.status;

import java.time.Instant;

/** {@code reblogId} is the id of the boost itself (it has its own place in timelines). */
public record StatusReblogged(String reblogId, String accountId, String statusId, String statusAuthorId,
                              Instant rebloggedAt) {
}
