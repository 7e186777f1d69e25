package social.annals.events.social;

import java.time.Instant;

/** The subscriber asked to be notified of every post of the target. */
public record AccountSubscribed(String subscriberId, String targetId, Instant subscribedAt) {
}
