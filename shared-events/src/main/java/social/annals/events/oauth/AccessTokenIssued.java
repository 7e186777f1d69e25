package social.annals.events.oauth;

import java.time.Instant;
import java.util.List;

/**
 * A bearer token was issued. Tokens are stored as digests only; {@code accountId} is null for an
 * app-only (client_credentials) token.
 */
public record AccessTokenIssued(
        String tokenId,
        String appId,
        String accountId,
        String accessTokenDigest,
        String refreshTokenDigest,
        List<String> scopes,
        GrantType grantType,
        Instant issuedAt,
        Instant expiresAt) {
}
