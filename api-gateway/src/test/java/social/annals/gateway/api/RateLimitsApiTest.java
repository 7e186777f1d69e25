package social.annals.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import social.annals.gateway.security.RateLimits;
import social.annals.gateway.support.ApiTest;
import social.annals.gateway.support.Http;

/** Pleroma's default limits, per client address as the load balancer reports it in X-Forwarded-For. */
class RateLimitsApiTest extends ApiTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Autowired
    DataSource dataSource;

    /** A documentation address (RFC 5737) no other test uses. */
    private static String address() {
        return "203.0.113." + ADDRESSES.getAndIncrement();
    }

    @Test
    void passwordGrantsAreLimitedToFifteenAMinutePerAddress() {
        String nickname = unique("guessed");
        register(nickname);
        App app = app();
        String attacker = address();
        for (int i = 0; i < 15; i++) {
            assertThat(grant(app, nickname, "wrong" + i, attacker).status()).isEqualTo(400);
        }
        Http.Response throttled = grant(app, nickname, "wrong again", attacker);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.json().get("error").asText()).isEqualTo("Throttled");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(grant(app, nickname, PASSWORD, attacker).status()).as("even the right password").isEqualTo(429);

        assertThat(grant(app, nickname, PASSWORD, address()).status()).as("another address").isEqualTo(200);
    }

    @Test
    void basicAuthenticationIsLimitedButAVerifiedPasswordStillWorks() {
        String nickname = unique("basic");
        register(nickname);
        String attacker = address();
        String known = Http.basic(nickname, PASSWORD);
        assertThat(verify(known, attacker).status()).isEqualTo(200);
        for (int i = 0; i < 14; i++) {
            assertThat(verify(Http.basic(nickname, "wrong" + i), attacker).status()).isEqualTo(403);
        }
        Http.Response throttled = verify(Http.basic(nickname, "wrong again"), attacker);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.json().get("error").asText()).isEqualTo("Throttled");
        assertThat(verify(known, attacker).status()).as("verified a moment ago: no new check").isEqualTo(200);
    }

    @Test
    void registrationsAreLimitedToTwentyFiveEveryHalfHourPerAddress() {
        String registrant = address();
        for (int i = 0; i < 25; i++) {
            assertThat(registration(unique("mass"), registrant).status()).isEqualTo(200);
        }
        Http.Response throttled = registration(unique("mass"), registrant);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.json().get("error").asText()).isEqualTo("Throttled");
    }

    /** The buckets are rows in the shared database: two nodes draw on one allowance. */
    @Test
    void twoNodesShareOneAllowance() {
        RateLimits nodeA = new RateLimits(dataSource, "2/60s", "off", List.of());
        RateLimits nodeB = new RateLimits(dataSource, "2/60s", "off", List.of());
        String client = address();
        nodeA.acquire(RateLimits.Limit.AUTHENTICATION, client);
        nodeB.acquire(RateLimits.Limit.AUTHENTICATION, client);
        assertThatThrownBy(() -> nodeA.acquire(RateLimits.Limit.AUTHENTICATION, client))
                .isInstanceOf(RateLimits.Throttled.class);
        nodeB.acquire(RateLimits.Limit.ACCOUNT_CREATION, client); // "off": never limited
    }

    private Http.Response grant(App app, String nickname, String password, String from) {
        return http.postForm("/oauth/token", List.of("grant_type", "password", "client_id", app.clientId(),
                "client_secret", app.clientSecret(), "username", nickname, "password", password),
                "X-Forwarded-For", from);
    }

    private Http.Response verify(String authorization, String from) {
        return http.get("/api/v1/accounts/verify_credentials", "Authorization", authorization, "X-Forwarded-For", from);
    }

    private Http.Response registration(String nickname, String from) {
        return http.postForm("/api/account/register", List.of("nickname", nickname, "email", nickname + "@example.org",
                "fullname", nickname, "password", PASSWORD, "confirm", PASSWORD), "X-Forwarded-For", from);
    }
}
