package social.annals.command.oauth;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.events.oauth.AccessTokenIssued;
import social.annals.events.oauth.AuthorizationCodeIssued;
import social.annals.events.oauth.AuthorizationCodeRedeemed;
import social.annals.events.oauth.GrantType;

/**
 * A single-use authorization code. Redeeming it creates the token in the same unit of work, so
 * a code is either unused or exchanged for exactly one token.
 */
@Aggregate
class AuthorizationCode {

    @AggregateIdentifier
    private String codeId;
    private String appId;
    private String accountId;
    private List<String> scopes;
    private Instant expiresAt;
    private boolean redeemed;

    AuthorizationCode() {
    }

    @CommandHandler
    AuthorizationCode(OAuthCommands.IssueAuthorizationCode command, Clock clock) {
        Instant now = clock.instant();
        apply(new AuthorizationCodeIssued(command.codeId(), command.appId(), command.accountId(), command.codeDigest(),
                List.copyOf(command.scopes()), command.redirectUri(), now, now.plus(command.lifetime())));
    }

    @CommandHandler
    public void handle(OAuthCommands.RedeemAuthorizationCode command, Clock clock) throws Exception {
        Instant now = clock.instant();
        if (redeemed || !appId.equals(command.appId()) || !now.isBefore(expiresAt)) {
            throw new InvalidGrant();
        }
        apply(new AuthorizationCodeRedeemed(codeId, command.tokenId(), now));
        AccessTokenIssued issued = new AccessTokenIssued(command.tokenId(), appId, accountId,
                command.accessTokenDigest(), command.refreshTokenDigest(), scopes, GrantType.AUTHORIZATION_CODE, now,
                now.plus(command.tokenLifetime()));
        createNew(OAuthToken.class, () -> new OAuthToken(issued));
    }

    @EventSourcingHandler
    void on(AuthorizationCodeIssued event) {
        codeId = event.codeId();
        appId = event.appId();
        accountId = event.accountId();
        scopes = event.scopes();
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(AuthorizationCodeRedeemed event) {
        redeemed = true;
    }
}
