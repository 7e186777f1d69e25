package social.annals.events.social;

import java.time.Instant;

public record DomainUnblocked(String accountId, String domain, Instant unblockedAt) {
}
