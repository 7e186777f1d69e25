package social.annals.query.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import social.annals.events.account.AccountRegistered;
import social.annals.events.account.AccountRole;
import social.annals.events.account.AccountRoleGranted;
import social.annals.events.oauth.AccessTokenIssued;
import social.annals.events.oauth.AccessTokenRefreshed;
import social.annals.events.oauth.AccessTokenRevoked;
import social.annals.events.oauth.GrantType;
import social.annals.events.oauth.OAuthAppRegistered;
import social.annals.query.support.TestDatabase;

class AuthProjectionTest {

    private static final Instant AT = Instant.parse("2026-11-26T12:00:00Z");

    private final AuthProjection projection = new AuthProjection(TestDatabase.jdbc());

    @BeforeEach
    void emptyReadModel() {
        projection.reset();
        projection.on(new AccountRegistered("A1", "Lain", "lain@wired.jp", "email-digest", "lain", "", "", "hash",
                false, AT));
        projection.on(new OAuthAppRegistered("P1", "client", "secret-digest", "Tusky", "urn", List.of("read", "write"),
                null, AT));
        projection.on(new AccessTokenIssued("T1", "P1", "A1", "access", "refresh", List.of("read"),
                GrantType.PASSWORD, AT, AT.plusSeconds(600)));
    }

    @Test
    void credentialsAreFoundByNicknameInAnyCaseOrByEmailDigest() {
        var byNickname = projection.handle(new AuthQueries.CredentialsByLogin("LAIN", "unrelated"));
        var byEmail = projection.handle(new AuthQueries.CredentialsByLogin("lain@wired.jp", "email-digest"));
        assertThat(byNickname).isEqualTo(byEmail);
        assertThat(byNickname.accountId()).isEqualTo("A1");
        assertThat(byNickname.nickname()).isEqualTo("Lain");
        assertThat(byNickname.passwordHash()).isEqualTo("hash");
        assertThat(projection.handle(new AuthQueries.CredentialsByLogin("nobody", "none"))).isNull();
    }

    @Test
    void adminRoleReachesCredentials() {
        projection.on(new AccountRoleGranted("A1", "Lain", AccountRole.ADMIN, "cli", AT));
        assertThat(projection.handle(new AuthQueries.CredentialsByAccountId("A1")).admin()).isTrue();
    }

    @Test
    void appsAreFoundByClientIdAndId() {
        var app = projection.handle(new AuthQueries.AppByClientId("client"));
        assertThat(app.scopes()).containsExactly("read", "write");
        assertThat(projection.handle(new AuthQueries.AppById("P1"))).isEqualTo(app);
    }

    @Test
    void refreshingReplacesTheAccessDigest() {
        projection.on(new AccessTokenRefreshed("T1", "access-2", "refresh", AT.plusSeconds(60), AT.plusSeconds(660)));
        assertThat(projection.handle(new AuthQueries.TokenByAccessDigest("access"))).isNull();
        var token = projection.handle(new AuthQueries.TokenByAccessDigest("access-2"));
        assertThat(token.expiresAt()).isEqualTo(AT.plusSeconds(660));
        assertThat(projection.handle(new AuthQueries.TokenByRefreshDigest("refresh"))).isEqualTo(token);
    }

    @Test
    void aBearerLookUpBringsTheTokenAndItsAccountTogether() {
        var bearer = projection.handle(new AuthQueries.BearerByAccessDigest("access"));
        assertThat(bearer.token().tokenId()).isEqualTo("T1");
        assertThat(bearer.account().nickname()).isEqualTo("Lain");
        projection.on(new AccessTokenIssued("T2", "P1", null, "app-access", "app-refresh", List.of("read"),
                GrantType.CLIENT_CREDENTIALS, AT, AT.plusSeconds(600)));
        assertThat(projection.handle(new AuthQueries.BearerByAccessDigest("app-access")).account()).isNull();
        assertThat(projection.handle(new AuthQueries.BearerByAccessDigest("unknown"))).isNull();
    }

    @Test
    void revokedTokensAreGone() {
        projection.on(new AccessTokenRevoked("T1", AT));
        assertThat(projection.handle(new AuthQueries.TokenByAccessDigest("access"))).isNull();
    }

    @Test
    void redeliveredEventsChangeNothing() {
        var before = projection.handle(new AuthQueries.TokenByAccessDigest("access"));
        projection.on(new AccessTokenIssued("T1", "P1", "A1", "access", "refresh", List.of("read"),
                GrantType.PASSWORD, AT, AT.plusSeconds(600)));
        assertThat(projection.handle(new AuthQueries.TokenByAccessDigest("access"))).isEqualTo(before);
        assertThat(before.expiredAt(AT.plusSeconds(600))).isTrue();
        assertThat(before.expiredAt(AT.plusSeconds(599))).isFalse();
    }
}
