package social.annals.command.oauth;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.command.secrets.Digests;
import social.annals.events.oauth.AccessTokenIssued;
import social.annals.events.oauth.AccessTokenRefreshed;
import social.annals.events.oauth.AccessTokenRevoked;

/** One OAuth grant: its access token (rotated on refresh) and its refresh token. */
@Aggregate
class OAuthToken {

    @AggregateIdentifier
    private String tokenId;
    private String appId;
    private String refreshTokenDigest;
    private boolean revoked;

    OAuthToken() {
    }

    @CommandHandler
    OAuthToken(OAuthCommands.IssueAccessToken command, Clock clock) {
        Instant now = clock.instant();
        apply(new AccessTokenIssued(command.tokenId(), command.appId(), command.accountId(),
                command.accessTokenDigest(), command.refreshTokenDigest(), command.scopes(), command.grantType(), now,
                now.plus(command.lifetime())));
    }

    /** A token created by redeeming an authorization code. */
    OAuthToken(AccessTokenIssued issued) {
        apply(issued);
    }

    @CommandHandler
    public void handle(OAuthCommands.RefreshAccessToken command, Clock clock) {
        if (revoked || !appId.equals(command.appId())
                || !Digests.constantTimeEquals(refreshTokenDigest, command.presentedRefreshTokenDigest())) {
            throw new InvalidGrant();
        }
        Instant now = clock.instant();
        apply(new AccessTokenRefreshed(tokenId, command.newAccessTokenDigest(), command.newRefreshTokenDigest(), now,
                now.plus(command.lifetime())));
    }

    @CommandHandler
    public void handle(OAuthCommands.RevokeAccessToken command, Clock clock) {
        if (revoked || !appId.equals(command.appId())) {
            return;
        }
        apply(new AccessTokenRevoked(tokenId, clock.instant()));
    }

    @EventSourcingHandler
    void on(AccessTokenIssued event) {
        tokenId = event.tokenId();
        appId = event.appId();
        refreshTokenDigest = event.refreshTokenDigest();
    }

    @EventSourcingHandler
    void on(AccessTokenRefreshed event) {
        refreshTokenDigest = event.refreshTokenDigest();
    }

    @EventSourcingHandler
    void on(AccessTokenRevoked event) {
        revoked = true;
    }
}
