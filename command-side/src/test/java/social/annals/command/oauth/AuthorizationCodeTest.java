package social.annals.command.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import social.annals.events.oauth.AccessTokenIssued;
import social.annals.events.oauth.AuthorizationCodeIssued;
import social.annals.events.oauth.AuthorizationCodeRedeemed;
import social.annals.events.oauth.GrantType;

class AuthorizationCodeTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final AuthorizationCodeIssued ISSUED = new AuthorizationCodeIssued("code-1", "app-1", "account-1",
            "code-d", List.of("read"), "https://client/cb", NOW.minusSeconds(60), NOW.plusSeconds(540));

    private AggregateTestFixture<AuthorizationCode> fixture() {
        AggregateTestFixture<AuthorizationCode> fixture = new AggregateTestFixture<>(AuthorizationCode.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        return fixture;
    }

    @Test
    void issuingACodeRecordsItsDigestScopesAndExpiry() {
        fixture().givenNoPriorActivity()
                .when(new OAuthCommands.IssueAuthorizationCode("code-1", "app-1", "account-1", "code-d",
                        List.of("read"), "https://client/cb", LIFETIME))
                .expectEvents(new AuthorizationCodeIssued("code-1", "app-1", "account-1", "code-d", List.of("read"),
                        "https://client/cb", NOW, NOW.plus(LIFETIME)));
    }

    @Test
    void redeemingTheCodeIssuesExactlyOneTokenWithItsScopes() {
        fixture().given(ISSUED)
                .when(new OAuthCommands.RedeemAuthorizationCode("code-1", "app-1", "token-1", "access-d", "refresh-d",
                        LIFETIME))
                .expectEvents(new AuthorizationCodeRedeemed("code-1", "token-1", NOW),
                        new AccessTokenIssued("token-1", "app-1", "account-1", "access-d", "refresh-d",
                                List.of("read"), GrantType.AUTHORIZATION_CODE, NOW, NOW.plus(LIFETIME)));
    }

    @Test
    void aCodeIsSingleUse() {
        fixture().given(ISSUED, new AuthorizationCodeRedeemed("code-1", "token-1", NOW))
                .when(new OAuthCommands.RedeemAuthorizationCode("code-1", "app-1", "token-2", "a", "r", LIFETIME))
                .expectNoEvents()
                .expectException(InvalidGrant.class);
    }

    @Test
    void anotherAppCannotRedeemTheCode() {
        fixture().given(ISSUED)
                .when(new OAuthCommands.RedeemAuthorizationCode("code-1", "app-2", "token-2", "a", "r", LIFETIME))
                .expectNoEvents()
                .expectException(InvalidGrant.class);
    }

    @Test
    void anExpiredCodeIsRefused() {
        fixture().given(new AuthorizationCodeIssued("code-1", "app-1", "account-1", "code-d", List.of("read"),
                        "https://client/cb", NOW.minusSeconds(600), NOW))
                .when(new OAuthCommands.RedeemAuthorizationCode("code-1", "app-1", "token-2", "a", "r", LIFETIME))
                .expectNoEvents()
                .expectException(InvalidGrant.class);
    }
}
