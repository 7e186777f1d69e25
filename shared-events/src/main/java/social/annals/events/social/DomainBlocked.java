package social.annals.events.social;

import java.time.Instant;

/** The account hides everything from accounts of that domain (lower case). */
public record DomainBlocked(String accountId, String domain, Instant blockedAt) {
}
