package social.annals.events.social;

import java.time.Instant;

public record AccountBlocked(String blockerId, String blockedId, Instant blockedAt) {
}
