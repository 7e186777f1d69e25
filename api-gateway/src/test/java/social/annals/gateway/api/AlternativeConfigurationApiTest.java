package social.annals.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import social.annals.gateway.cli.UserCommandLine;
import social.annals.gateway.support.Http;

/**
 * A server configured away from the defaults: healthcheck off, closed registrations (so invites),
 * short-lived tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "annals.embedded-db.ephemeral=true",
        "annals.embedded-db.instance=alternative-configuration",
        "annals.security.bcrypt-strength=4",
        // Real RSA keys, shorter than production's: generating 2048 bits takes about 100 ms a registration.
        "annals.federation.key-bits=1024",
        "annals.instance.healthcheck=false",
        "annals.instance.registrations-open=false",
        "annals.security.token-lifetime-seconds=1",
        "annals.admin-token=" + AlternativeConfigurationApiTest.ADMIN_TOKEN
})
class AlternativeConfigurationApiTest {

    static final String ADMIN_TOKEN = "alternative-admin-token";
    private static final String INVITES = "/api/pleroma/admin/users/invites?admin_token=" + ADMIN_TOKEN;
    private static int sequence;

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aDisabledHealthcheckAnswers503WithAnEmptyObject() {
        Http.Response response = http.get("/api/pleroma/healthcheck");
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{}");
    }

    @Test
    void closedRegistrationsNeedAValidInvite() {
        Http.Response response = http.postForm("/api/account/register", List.of("nickname", "closed",
                "email", "closed@x.org", "fullname", "x", "password", "a", "confirm", "a", "token", "bogus"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("\"Invalid token\"");
        assertThat(http.get("/api/v1/instance").json().get("registrations").asBoolean()).isFalse();
    }

    @Test
    void expiredAccessTokensStopWorkingButCanBeRefreshed() throws InterruptedException {
        // Registration is closed here, so the account comes from the command line.
        assertThat(UserCommandLine.run(new String[] {"new", "expiring", "expiring@x.org", "--password", "pw",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url")}))
                .isZero();
        var app = http.postForm("/api/v1/apps", List.of("client_name", "x", "redirect_uris", "urn",
                "scopes", "read")).json();
        var grant = http.postForm("/oauth/token", List.of("grant_type", "password",
                "client_id", app.get("client_id").asText(), "client_secret", app.get("client_secret").asText(),
                "username", "expiring", "password", "pw")).json();
        assertThat(grant.get("expires_in").asInt()).isEqualTo(1);
        Thread.sleep(1_100);
        assertThat(http.get("/api/v1/accounts/verify_credentials", "Authorization",
                Http.bearer(grant.get("access_token").asText())).status()).isEqualTo(403);

        var refreshed = http.postForm("/oauth/token", List.of("grant_type", "refresh_token",
                "client_id", app.get("client_id").asText(), "client_secret", app.get("client_secret").asText(),
                "refresh_token", grant.get("refresh_token").asText()));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(http.get("/api/v1/accounts/verify_credentials", "Authorization",
                Http.bearer(refreshed.json().get("access_token").asText())).status()).isEqualTo(200);
    }

    private String invite(String query) {
        Http.Response created = http.get("/api/pleroma/admin/users/invite_token?admin_token=" + ADMIN_TOKEN + query);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json().asText();
    }

    private Http.Response registerWith(String token) {
        String nickname = "invited" + (++sequence) + Long.toString(System.nanoTime() % 100_000, 36);
        return http.postForm("/api/account/register", List.of("nickname", nickname, "email", nickname + "@x.org",
                "fullname", "x", "password", "a", "confirm", "a", "token", token));
    }

    private JsonNode listed(String token) {
        for (JsonNode invite : http.get(INVITES).json().get("invites")) {
            if (invite.get("token").asText().equals(token)) {
                return invite;
            }
        }
        throw new AssertionError("invite not listed");
    }

    @Test
    void aOneTimeInviteRegistersOnceAndAFailedRegistrationDoesNotUseItUp() {
        String token = invite("");
        assertThat(token).hasSize(44).endsWith("=");
        JsonNode fresh = listed(token);
        assertThat(fresh.get("id").isIntegralNumber()).isTrue();
        assertThat(fresh.get("invite_type").asText()).isEqualTo("one_time");
        assertThat(fresh.get("used").asBoolean()).isFalse();
        assertThat(fresh.get("max_use").isNull()).isTrue();
        assertThat(fresh.get("expires_at").isNull()).isTrue();

        Http.Response invalid = http.postForm("/api/account/register", List.of("nickname", "bad nick!", "email",
                "bad@x.org", "fullname", "x", "password", "a", "confirm", "a", "token", token));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(listed(token).get("used").asBoolean()).isFalse();

        assertThat(registerWith(token).status()).isEqualTo(200);
        assertThat(listed(token).get("used").asBoolean()).isTrue();
        Http.Response again = registerWith(token);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).isEqualTo("\"Expired token\"");
    }

    @Test
    void aReusableInviteIsNeverUsedMoreThanItAllowsEvenUnderConcurrency() throws Exception {
        String token = invite("&invite[max_use]=2");
        assertThat(listed(token).get("invite_type").asText()).isEqualTo("reusable");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                attempts.add(pool.submit(() -> registerWith(token).status()));
            }
            int registered = 0;
            for (Future<Integer> attempt : attempts) {
                registered += attempt.get() == 200 ? 1 : 0;
            }
            assertThat(registered).isEqualTo(2);
        } finally {
            pool.shutdown();
        }
        JsonNode spent = listed(token);
        assertThat(spent.get("uses").asInt()).isEqualTo(2);
        assertThat(spent.get("used").asBoolean()).isTrue();
    }

    @Test
    void aDateLimitedInviteWorksThroughItsDayAndNotAfter() {
        String today = invite("&invite[expires_at]=" + LocalDate.now(ZoneOffset.UTC));
        assertThat(registerWith(today).status()).isEqualTo(200);
        assertThat(registerWith(today).status()).isEqualTo(200);
        assertThat(listed(today).get("used").asBoolean()).isFalse();
        assertThat(listed(today).get("invite_type").asText()).isEqualTo("date_limited");
        String yesterday = invite("&invite[expires_at]=" + LocalDate.now(ZoneOffset.UTC).minusDays(1));
        assertThat(registerWith(yesterday).body()).isEqualTo("\"Expired token\"");
        Http.Response json = http.postJson("/api/pleroma/admin/users/invite_token?admin_token=" + ADMIN_TOKEN,
                java.util.Map.of("invite", java.util.Map.of("max_use", 5, "expires_at", "2999-01-01")));
        assertThat(listed(json.json().asText()).get("invite_type").asText()).isEqualTo("reusable_date_limited");
        assertThat(http.get("/api/pleroma/admin/users/invite_token?admin_token=" + ADMIN_TOKEN
                + "&invite[expires_at]=soon").body()).isEqualTo("\"Invalid parameters\"");
    }

    @Test
    void aRevokedInviteIsExpiredAndEmailInvitesNeedMail() {
        String token = invite("&invite[max_use]=10");
        Http.Response revoked = http.postForm("/api/pleroma/admin/users/revoke_invite?admin_token=" + ADMIN_TOKEN,
                List.of("token", token));
        assertThat(revoked.json().get("used").asBoolean()).isTrue();
        assertThat(registerWith(token).body()).isEqualTo("\"Expired token\"");
        Http.Response unknown = http.postForm("/api/pleroma/admin/users/revoke_invite?admin_token=" + ADMIN_TOKEN,
                List.of("token", "nope"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("\"Not found\"");
        assertThat(http.postForm("/api/pleroma/admin/users/email_invite?admin_token=" + ADMIN_TOKEN,
                List.of("email", "a@b.org")).status()).isEqualTo(400);
        assertThat(http.get("/api/pleroma/admin/users/invites").status()).isEqualTo(403);
    }
}
