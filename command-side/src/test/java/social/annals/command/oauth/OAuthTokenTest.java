package social.annals.command.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import social.annals.events.oauth.AccessTokenIssued;
import social.annals.events.oauth.AccessTokenRefreshed;
import social.annals.events.oauth.AccessTokenRevoked;
import social.annals.events.oauth.GrantType;

class OAuthTokenTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final AccessTokenIssued ISSUED = new AccessTokenIssued("token-1", "app-1", "account-1", "access-d",
            "refresh-d", List.of("read"), GrantType.PASSWORD, NOW.minusSeconds(3600), NOW.minusSeconds(3000));

    private AggregateTestFixture<OAuthToken> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OAuthToken.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void issuingRecordsDigestsAndTheExpiry() {
        fixture.givenNoPriorActivity()
                .when(new OAuthCommands.IssueAccessToken("token-1", "app-1", "account-1", "access-d", "refresh-d",
                        List.of("read", "write"), GrantType.PASSWORD, LIFETIME))
                .expectEvents(new AccessTokenIssued("token-1", "app-1", "account-1", "access-d", "refresh-d",
                        List.of("read", "write"), GrantType.PASSWORD, NOW, NOW.plus(LIFETIME)));
    }

    @Test
    void theRightRefreshTokenOfTheSameAppRotatesTheAccessTokenEvenAfterExpiry() {
        fixture.given(ISSUED)
                .when(new OAuthCommands.RefreshAccessToken("token-1", "app-1", "refresh-d",
                        "access-2", "refresh-d", LIFETIME))
                .expectEvents(new AccessTokenRefreshed("token-1", "access-2", "refresh-d", NOW, NOW.plus(LIFETIME)));
    }

    @Test
    void aWrongRefreshTokenIsRefused() {
        fixture.given(ISSUED)
                .when(new OAuthCommands.RefreshAccessToken("token-1", "app-1", "other", "access-2", "other", LIFETIME))
                .expectNoEvents()
                .expectException(InvalidGrant.class);
    }

    @Test
    void anotherAppCannotRefresh() {
        fixture.given(ISSUED)
                .when(new OAuthCommands.RefreshAccessToken("token-1", "app-2", "refresh-d",
                        "access-2", "refresh-d", LIFETIME))
                .expectNoEvents()
                .expectException(InvalidGrant.class);
    }

    @Test
    void aRevokedTokenCannotBeRefreshed() {
        fixture.given(ISSUED, new AccessTokenRevoked("token-1", NOW))
                .when(new OAuthCommands.RefreshAccessToken("token-1", "app-1", "refresh-d",
                        "access-2", "refresh-d", LIFETIME))
                .expectNoEvents()
                .expectException(InvalidGrant.class);
    }

    @Test
    void revokingByTheOwningAppRecordsIt() {
        fixture.given(ISSUED)
                .when(new OAuthCommands.RevokeAccessToken("token-1", "app-1"))
                .expectEvents(new AccessTokenRevoked("token-1", NOW));
    }

    @Test
    void revokingTwiceOrByAnotherAppRecordsNothing() {
        fixture.given(ISSUED)
                .when(new OAuthCommands.RevokeAccessToken("token-1", "app-2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(ISSUED, new AccessTokenRevoked("token-1", NOW))
                .when(new OAuthCommands.RevokeAccessToken("token-1", "app-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
