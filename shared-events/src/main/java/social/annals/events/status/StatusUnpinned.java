package social.annals.events.status;

import java.time.Instant;

public record StatusUnpinned(String statusId, String authorId, Instant unpinnedAt) {
}
