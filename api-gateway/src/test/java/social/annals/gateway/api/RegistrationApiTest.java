package social.annals.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import social.annals.gateway.support.ApiTest;
import social.annals.gateway.support.Http;

class RegistrationApiTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Http.Response registerForm(String... fields) {
        return http.postForm("/api/account/register", List.of(fields));
    }

    private static JsonNode innerErrors(Http.Response response) throws Exception {
        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.json().get("error");
        assertThat(error.isTextual()).as("error is a JSON-encoded string").isTrue();
        return JSON.readTree(error.asText());
    }

    @Test
    void registrationAnswersTheTwitterApiUser() {
        String nickname = unique("lain");
        Http.Response response = registerForm("nickname", nickname, "email", nickname + "@wired.jp",
                "fullname", "lain iwakura", "bio", "close the world.\nopen the next.", "password", "bear",
                "confirm", "bear");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode user = response.json();
        assertThat(user.get("id").asText()).hasSize(18);
        assertThat(user.get("screen_name").asText()).isEqualTo(nickname);
        assertThat(user.get("name").asText()).isEqualTo("lain iwakura");
        assertThat(user.get("name_html").asText()).isEqualTo("lain iwakura");
        assertThat(user.get("description").asText()).isEqualTo("close the world.\nopen the next.");
        assertThat(user.get("description_html").asText()).isEqualTo("close the world.<br>open the next.");
        assertThat(user.get("created_at").asText()).matches("[A-Z][a-z]{2} [A-Z][a-z]{2} \\d{2} \\d{2}:\\d{2}:\\d{2} \\+0000 \\d{4}");
        assertThat(user.get("statusnet_profile_url").asText()).isEqualTo("http://annals.test/users/" + nickname);
        assertThat(user.get("profile_image_url").asText()).isEqualTo("http://annals.test/images/avi.png");
        assertThat(user.get("cover_photo").asText()).isEqualTo("http://annals.test/images/banner.png");
        assertThat(user.get("rights").get("admin").asBoolean()).isFalse();
        assertThat(user.get("pleroma").get("confirmation_pending").asBoolean()).isFalse();
        for (String field : List.of("favourites_count", "followers_count", "friends_count", "statuses_count",
                "following", "follows_you", "statusnet_blocking", "profile_image_url_https",
                "profile_image_url_profile_size", "profile_image_url_original", "background_image", "is_local",
                "locked", "default_scope", "no_rich_text", "hide_followers", "hide_follows", "fields")) {
            assertThat(user.has(field)).as(field).isTrue();
        }
        assertThat(user.has("role")).isFalse();
    }

    @Test
    void captchaIsOffByDefaultAndItsFieldsAreIgnored() {
        Http.Response captcha = http.get("/api/pleroma/captcha");
        assertThat(captcha.status()).isEqualTo(200);
        assertThat(captcha.body()).isEqualTo("{\"type\":\"none\"}");
        String nickname = unique("nocaptcha");
        Http.Response registered = http.postForm("/api/account/register", List.of("nickname", nickname,
                "email", nickname + "@example.org", "fullname", nickname, "password", PASSWORD, "confirm", PASSWORD,
                "captcha_token", "whatever", "captcha_solution", "x"));
        assertThat(registered.status()).isEqualTo(200);
    }

    @Test
    void registrationAcceptsJsonAndMultipartBodies() {
        String a = unique("json");
        Http.Response json = http.postJson("/api/account/register", Map.of("nickname", a, "email", a + "@x.org",
                "fullname", "A", "password", "pw", "confirm", "pw"));
        String b = unique("multi");
        Http.Response multipart = http.postMultipart("/api/account/register", List.of("nickname", b,
                "email", b + "@x.org", "fullname", "B", "password", "pw", "confirm", "pw"));
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        assertThat(multipart.status()).as(multipart.body()).isEqualTo(200);
    }

    @Test
    void aMissingNicknameIsAFieldErrorInsideAString() throws Exception {
        JsonNode errors = innerErrors(registerForm("email", "x@y.org", "fullname", "x", "password", "a",
                "confirm", "a"));
        assertThat(errors.get("nickname").get(0).asText()).isEqualTo("can't be blank");
    }

    @Test
    void withoutConfirmNothingIsCreated() throws Exception {
        String nickname = unique("noconfirm");
        JsonNode errors = innerErrors(registerForm("nickname", nickname, "email", nickname + "@x.org",
                "fullname", "x", "password", "a"));
        assertThat(errors.get("password_confirmation").get(0).asText()).isEqualTo("can't be blank");
        assertThat(http.get("/api/v1/accounts/" + nickname).status()).isEqualTo(404);
        // The nickname is still free.
        register(nickname);
    }

    @Test
    void aConfirmationThatDiffersIsRefused() throws Exception {
        String nickname = unique("differs");
        JsonNode errors = innerErrors(registerForm("nickname", nickname, "email", nickname + "@x.org",
                "fullname", "x", "password", "a", "confirm", "b"));
        assertThat(errors.get("password_confirmation").get(0).asText()).isEqualTo("does not match confirmation");
    }

    @Test
    void invalidFormatsReservedNamesAndLengthsUsePleromasMessages() throws Exception {
        JsonNode errors = innerErrors(registerForm("nickname", "users", "email", "not an email",
                "fullname", "n".repeat(101), "bio", "b".repeat(1001), "password", "a", "confirm", "a"));
        assertThat(errors.get("nickname").get(0).asText()).isEqualTo("is reserved");
        assertThat(errors.get("email").get(0).asText()).isEqualTo("has invalid format");
        assertThat(errors.get("name").get(0).asText()).isEqualTo("should be at most 100 character(s)");
        assertThat(errors.get("bio").get(0).asText()).isEqualTo("should be at most 1000 character(s)");
        JsonNode badNickname = innerErrors(registerForm("nickname", "<script>", "email", "a@b.org",
                "fullname", "x", "password", "a", "confirm", "a"));
        assertThat(badNickname.get("nickname").get(0).asText()).isEqualTo("has invalid format");
    }

    @Test
    void nicknamesAndEmailsAreUniqueIgnoringCase() throws Exception {
        String nickname = unique("Taken");
        register(nickname);
        JsonNode nicknameTaken = innerErrors(registerForm("nickname", nickname.toUpperCase(),
                "email", unique("free") + "@x.org", "fullname", "x", "password", "a", "confirm", "a"));
        assertThat(nicknameTaken.get("nickname").get(0).asText()).isEqualTo("has already been taken");
        JsonNode emailTaken = innerErrors(registerForm("nickname", unique("other"),
                "email", (nickname + "@example.org").toUpperCase(), "fullname", "x", "password", "a", "confirm", "a"));
        assertThat(emailTaken.get("email").get(0).asText()).isEqualTo("has already been taken");
    }

    @Test
    void anEmptyBioIsAccepted() {
        String nickname = unique("nobio");
        Http.Response response = registerForm("nickname", nickname, "email", nickname + "@x.org", "fullname", "x",
                "bio", "", "password", "a", "confirm", "a");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("description").asText()).isEmpty();
    }

    @Test
    void mentionsOfLocalAccountsInTheBioBecomeLinksAndHtmlIsEscaped() {
        String john = unique("john");
        String johnId = register(john);
        String nickname = unique("mentioner");
        Http.Response response = registerForm("nickname", nickname, "email", nickname + "@x.org", "fullname", "x",
                "bio", "@" + john + " test <b>@nobody-here</b>", "password", "a", "confirm", "a");
        assertThat(response.json().get("description_html").asText()).isEqualTo(
                "<span class=\"h-card\"><a class=\"u-url mention\" data-user=\"" + johnId
                        + "\" href=\"http://annals.test/users/" + john + "\" rel=\"ugc\">@<span>" + john
                        + "</span></a></span> test &lt;b&gt;@nobody-here&lt;/b&gt;");
    }

    @Test
    void nulCharactersAreRefusedBeforeTheyReachTheDatabase() {
        Http.Response response = http.postJson("/api/account/register", Map.of("nickname", "a\u0000b",
                "email", "nul@x.org", "fullname", "x", "password", "a", "confirm", "a"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("source").get("pointer").asText()).isEqualTo("/nickname");
    }

    @Test
    void malformedJsonAndForeignContentTypesAreClientErrors() throws Exception {
        Http.Response malformed = http.postRaw("/api/account/register", "application/json", "{\"nickname\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("error").asText()).isEqualTo("Malformed JSON body");
        Http.Response text = http.postRaw("/api/account/register", "text/plain", "nickname=x");
        assertThat(innerErrors(text).has("nickname")).isTrue();
    }

    @Test
    void concurrentRegistrationsOfOneNicknameLetExactlyOneThrough() throws Exception {
        String nickname = unique("race");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                attempts.add(() -> registerForm("nickname", nickname, "email", nickname + n + "@x.org",
                        "fullname", "x", "password", "a", "confirm", "a").status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(attempts)) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsOnly(200, 400);
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void mastodonRegistrationNeedsAnAppTokenAndAnswersAUserToken() {
        App app = app("read write follow");
        String appToken = http.postForm("/oauth/token", List.of("grant_type", "client_credentials",
                "client_id", app.clientId(), "client_secret", app.clientSecret())).json().get("access_token").asText();
        String nickname = unique("masto");
        Map<String, Object> body = Map.of("username", nickname, "email", nickname + "@x.org", "password", "pw",
                "agreement", true);

        Http.Response anonymous = http.postJson("/api/v1/accounts", body);
        assertThat(anonymous.status()).isEqualTo(403);
        assertThat(anonymous.json().get("error").asText()).isEqualTo("Invalid credentials");

        Http.Response created = http.postJson("/api/v1/accounts", body, "Authorization", Http.bearer(appToken));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode token = created.json();
        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.get("scope").isArray()).isTrue();
        assertThat(token.get("scope").toString()).isEqualTo("[\"read\",\"write\",\"follow\"]");
        assertThat(token.get("created_at").isNumber()).isTrue();

        Http.Response me = http.get("/api/v1/accounts/verify_credentials", "Authorization",
                Http.bearer(token.get("access_token").asText()));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("acct").asText()).isEqualTo(nickname);
        assertThat(me.json().get("display_name").asText()).isEqualTo(nickname);
    }

    @Test
    void mastodonRegistrationRefusals() {
        App app = app();
        String appToken = http.postForm("/oauth/token", List.of("grant_type", "client_credentials",
                "client_id", app.clientId(), "client_secret", app.clientSecret())).json().get("access_token").asText();
        String nickname = unique("mastoref");

        Http.Response missing = http.postForm("/api/v1/accounts", List.of("username", nickname, "password", "pw",
                "agreement", "true"), "Authorization", Http.bearer(appToken));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error").asText()).isEqualTo("Missing parameters");

        Http.Response noAgreement = http.postForm("/api/v1/accounts", List.of("username", nickname,
                "email", nickname + "@x.org", "password", "pw", "agreement", "false"),
                "Authorization", Http.bearer(appToken));
        assertThat(noAgreement.json().get("error").asText()).isEqualTo("Missing parameters");

        Http.Response invalid = http.postForm("/api/v1/accounts", List.of("username", "bad name",
                "email", nickname + "@x.org", "password", "pw", "agreement", "true"),
                "Authorization", Http.bearer(appToken));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("error").get("nickname").get(0).asText()).isEqualTo("has invalid format");
    }
}
