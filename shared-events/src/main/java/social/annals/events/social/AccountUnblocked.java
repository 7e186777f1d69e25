package social.annals.events.social;

import java.time.Instant;

public record AccountUnblocked(String blockerId, String blockedId, Instant unblockedAt) {
}
