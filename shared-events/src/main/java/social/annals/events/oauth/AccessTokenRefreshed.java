package social.annals.events.oauth;

import java.time.Instant;

/** The token was exchanged for a new access token; the old access token stops working. */
public record AccessTokenRefreshed(
        String tokenId,
        String accessTokenDigest,
        String refreshTokenDigest,
        Instant refreshedAt,
        Instant expiresAt) {
}
