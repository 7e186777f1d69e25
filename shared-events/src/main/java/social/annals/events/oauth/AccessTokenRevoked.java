package social.annals.events.oauth;

import java.time.Instant;

public record AccessTokenRevoked(String tokenId, Instant revokedAt) {
}
