package social.annals.events.social;

import java.time.Instant;

public record AccountUnsubscribed(String subscriberId, String targetId, Instant unsubscribedAt) {
}
