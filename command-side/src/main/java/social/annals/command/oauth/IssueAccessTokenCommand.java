package social.annals.command.oauth;

import java.time.Duration;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import social.annals.events.oauth.GrantType;

/** Issue a token whose secrets the caller generated; only their digests reach the aggregate. */
public record IssueAccessTokenCommand(
        @TargetAggregateIdentifier String tokenId,
        String appId,
        String accountId,
        String accessTokenDigest,
        String refreshTokenDigest,
        List<String> scopes,
        GrantType grantType,
        Duration lifetime) {
}
