package social.annals.command.oauth;

import java.time.Duration;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Exchange a code for a new token, whose secrets the caller made and whose digests it sends. */
public record RedeemAuthorizationCodeCommand(
        @TargetAggregateIdentifier String codeId,
        String appId,
        String tokenId,
        String accessTokenDigest,
        String refreshTokenDigest,
        Duration tokenLifetime) {
}
