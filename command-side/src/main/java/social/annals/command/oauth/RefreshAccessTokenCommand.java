package social.annals.command.oauth;

import java.time.Duration;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RefreshAccessTokenCommand(
        @TargetAggregateIdentifier String tokenId,
        String appId,
        String presentedRefreshTokenDigest,
        String newAccessTokenDigest,
        String newRefreshTokenDigest,
        Duration lifetime) {
}
