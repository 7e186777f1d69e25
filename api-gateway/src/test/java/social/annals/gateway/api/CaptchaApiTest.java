package social.annals.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import social.annals.gateway.captcha.CaptchaSeal;
import social.annals.gateway.support.Http;

/** A server with the native captcha on: registration needs a solved, fresh, unused captcha. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "annals.embedded-db.ephemeral=true",
        "annals.embedded-db.instance=captcha",
        "annals.security.bcrypt-strength=4",
        // Real RSA keys, shorter than production's: generating 2048 bits takes about 100 ms a registration.
        "annals.federation.key-bits=1024",
        "annals.captcha.enabled=true"
})
class CaptchaApiTest {

    private static int sequence;

    @LocalServerPort
    int port;
    @Autowired
    CaptchaSeal seal;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private record Issued(String token, String answerData, String answer) {
    }

    private Issued captcha() {
        JsonNode captcha = http.get("/api/pleroma/captcha").json();
        String token = captcha.get("token").asText();
        String answerData = captcha.get("answer_data").asText();
        return new Issued(token, answerData, seal.open(token, answerData).orElseThrow().answer());
    }

    private Http.Response register(String nickname, String... captchaFields) {
        List<String> form = new ArrayList<>(List.of("nickname", nickname, "email", nickname + "@example.org",
                "fullname", nickname, "password", "pass", "confirm", "pass"));
        form.addAll(List.of(captchaFields));
        return http.postForm("/api/account/register", form);
    }

    private Http.Response register(String nickname, Issued captcha, String solution) {
        return register(nickname, "captcha_token", captcha.token(), "captcha_solution", solution,
                "captcha_answer_data", captcha.answerData());
    }

    private static String nickname() {
        return "captcha" + (++sequence) + Long.toString(System.nanoTime() % 100_000, 36);
    }

    private static void assertRefused(Http.Response response, String message) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo("{\"captcha\":[\"" + message + "\"]}");
    }

    @Test
    void aCaptchaIsANativePngWithASealedAnswer() throws Exception {
        JsonNode captcha = http.get("/api/pleroma/captcha").json();
        assertThat(captcha.get("type").asText()).isEqualTo("native");
        assertThat(captcha.get("token").asText()).matches("[A-Za-z0-9_-]{14}");
        assertThat(captcha.get("seconds_valid").asInt()).isEqualTo(300);
        String url = captcha.get("url").asText();
        assertThat(url).startsWith("data:image/png;base64,");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(url.substring("data:image/png;base64,".length()))));
        assertThat(image.getWidth()).isGreaterThan(100);
        String answer = seal.open(captcha.get("token").asText(), captcha.get("answer_data").asText())
                .orElseThrow().answer();
        assertThat(captcha.get("answer_data").asText()).doesNotContain(answer);
        assertThat(http.get("/api/pleroma/captcha").json().get("token").asText())
                .isNotEqualTo(captcha.get("token").asText());
    }

    @Test
    void theRightSolutionRegistersOnceAndTheCaptchaCannotBeUsedAgain() {
        Issued captcha = captcha();
        Http.Response registered = register(nickname(), captcha, captcha.answer().toLowerCase(Locale.ROOT));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        assertRefused(register(nickname(), captcha, captcha.answer()), "CAPTCHA already used");
    }

    @Test
    void aWrongSolutionIsRefusedButTheCaptchaStaysUsable() {
        Issued captcha = captcha();
        assertRefused(register(nickname(), captcha, "WRONG"), "Invalid CAPTCHA");
        assertThat(register(nickname(), captcha, captcha.answer()).status()).isEqualTo(200);
    }

    @Test
    void theFirstMissingFieldIsNamed() {
        assertRefused(register(nickname()), "Invalid CAPTCHA (Missing parameter: captcha_token)");
        Issued captcha = captcha();
        assertRefused(register(nickname(), "captcha_token", captcha.token(), "captcha_answer_data",
                captcha.answerData()), "Invalid CAPTCHA (Missing parameter: captcha_solution)");
        assertRefused(register(nickname(), "captcha_token", captcha.token(), "captcha_solution", "x"),
                "Invalid CAPTCHA (Missing parameter: captcha_answer_data)");
    }

    @Test
    void answerDataOnlyOpensWithItsOwnToken() {
        Issued first = captcha();
        Issued second = captcha();
        assertRefused(register(nickname(), "captcha_token", first.token(), "captcha_solution", second.answer(),
                "captcha_answer_data", second.answerData()), "Invalid answer data");
        assertRefused(register(nickname(), "captcha_token", first.token(), "captcha_solution", first.answer(),
                "captcha_answer_data", "not-base64-!!"), "Invalid answer data");
        assertRefused(register(nickname(), "captcha_token", first.token(), "captcha_solution", first.answer(),
                "captcha_answer_data", first.answerData().substring(4)), "Invalid answer data");
    }

    @Test
    void anExpiredCaptchaIsRefused() {
        String token = "expiredToken01";
        String sealed = seal.seal(token, "ACDEF3", Instant.now().minusSeconds(301));
        assertRefused(register(nickname(), "captcha_token", token, "captcha_solution", "ACDEF3",
                "captcha_answer_data", sealed), "CAPTCHA expired");
    }

    @Test
    void aSolvedCaptchaIsUsedEvenWhenRegistrationFailsOnAnotherField() {
        Issued captcha = captcha();
        Http.Response refused = register("bad nickname!", captcha, captcha.answer());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).contains("nickname");
        assertRefused(register(nickname(), captcha, captcha.answer()), "CAPTCHA already used");
    }

    @Test
    void mastodonRegistrationChecksTheCaptchaToo() {
        JsonNode app = http.postForm("/api/v1/apps", List.of("client_name", "captcha", "redirect_uris",
                "urn:ietf:wg:oauth:2.0:oob", "scopes", "read write")).json();
        String appToken = http.postForm("/oauth/token", List.of("grant_type", "client_credentials", "client_id",
                app.get("client_id").asText(), "client_secret", app.get("client_secret").asText()))
                .json().get("access_token").asText();
        String nickname = nickname();
        List<String> form = new ArrayList<>(List.of("username", nickname, "email", nickname + "@example.org",
                "password", "pass", "agreement", "true"));
        Http.Response refused = http.postForm("/api/v1/accounts", form, "Authorization", Http.bearer(appToken));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").toString())
                .isEqualTo("{\"captcha\":[\"Invalid CAPTCHA (Missing parameter: captcha_token)\"]}");
        Issued captcha = captcha();
        form.addAll(List.of("captcha_token", captcha.token(), "captcha_solution", captcha.answer(),
                "captcha_answer_data", captcha.answerData()));
        Http.Response created = http.postForm("/api/v1/accounts", form, "Authorization", Http.bearer(appToken));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get("access_token").asText()).isNotBlank();
    }
}
