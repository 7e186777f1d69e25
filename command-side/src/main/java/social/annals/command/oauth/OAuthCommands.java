package social.annals.command.oauth;

import java.time.Duration;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import social.annals.events.oauth.GrantType;

/**
 * OAuth clients, authorization codes and tokens. The caller generates every secret and sends
 * only its digest: no secret reaches an aggregate or the log.
 */
public final class OAuthCommands {

    private OAuthCommands() {
    }

    public record RegisterApp(
            @TargetAggregateIdentifier String appId,
            String clientId,
            String clientSecretDigest,
            String name,
            String redirectUris,
            List<String> scopes,
            String website) {
    }

    public record IssueAuthorizationCode(
            @TargetAggregateIdentifier String codeId,
            String appId,
            String accountId,
            String codeDigest,
            List<String> scopes,
            String redirectUri,
            Duration lifetime) {
    }

    /** Exchange a code for a new token, whose secrets the caller made and whose digests it sends. */
    public record RedeemAuthorizationCode(
            @TargetAggregateIdentifier String codeId,
            String appId,
            String tokenId,
            String accessTokenDigest,
            String refreshTokenDigest,
            Duration tokenLifetime) {
    }

    /** Issue a token whose secrets the caller generated; only their digests reach the aggregate. */
    public record IssueAccessToken(
            @TargetAggregateIdentifier String tokenId,
            String appId,
            String accountId,
            String accessTokenDigest,
            String refreshTokenDigest,
            List<String> scopes,
            GrantType grantType,
            Duration lifetime) {
    }

    public record RefreshAccessToken(
            @TargetAggregateIdentifier String tokenId,
            String appId,
            String presentedRefreshTokenDigest,
            String newAccessTokenDigest,
            String newRefreshTokenDigest,
            Duration lifetime) {
    }

    /** Revoke on behalf of {@code appId}; a token of another app is left alone (RFC 7009 answers alike). */
    public record RevokeAccessToken(@TargetAggregateIdentifier String tokenId, String appId) {
    }
}
