package social.annals.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.boot.test.web.server.LocalServerPort;
import social.annals.gateway.cli.UserCommandLine;
import social.annals.gateway.support.Http;

/** A server configured away from the defaults: healthcheck off, closed registrations, short-lived tokens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "annals.embedded-db.ephemeral=true",
        "annals.embedded-db.instance=alternative-configuration",
        "annals.security.bcrypt-strength=4",
        "annals.instance.healthcheck=false",
        "annals.instance.registrations-open=false",
        "annals.security.token-lifetime-seconds=1"
})
class AlternativeConfigurationApiTest {

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
}
