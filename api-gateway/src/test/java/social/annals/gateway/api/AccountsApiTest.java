package social.annals.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import social.annals.gateway.support.ApiTest;
import social.annals.gateway.support.Http;

class AccountsApiTest extends ApiTest {

    private static final String VERIFY = "/api/v1/accounts/verify_credentials";

    @Autowired
    JdbcTemplate jdbc;

    /** As while the accounts read model rebuilds: the token is valid, so it is not refused. */
    @Test
    void verifyCredentialsOfAnAccountTheReadModelHasNotReachedIsUnavailableNotUnauthorized() {
        User user = user("notyet");
        jdbc.update("DELETE FROM account_view WHERE account_id = ?", user.id());

        Http.Response response = http.get(VERIFY, "Authorization", user.bearer());
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().get("error").asText()).contains("try again");
    }

    @Test
    void verifyCredentialsRendersTheCallerWithPleromasExtension() {
        String nickname = unique("me");
        String id = register(nickname);
        JsonNode me = http.get(VERIFY, "Authorization", Http.bearer(tokenFor(nickname))).json();
        assertThat(me.get("id").asText()).isEqualTo(id);
        assertThat(me.get("username").asText()).isEqualTo(nickname);
        assertThat(me.get("acct").asText()).isEqualTo(nickname);
        assertThat(me.get("display_name").asText()).isEqualTo(nickname + " full");
        assertThat(me.get("created_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.000Z");
        assertThat(me.get("url").asText()).isEqualTo("http://annals.test/users/" + nickname);
        assertThat(me.get("emojis").isArray()).isTrue();
        assertThat(me.get("fields").isArray()).isTrue();
        assertThat(me.get("source").get("privacy").asText()).isEqualTo("public");
        JsonNode pleroma = me.get("pleroma");
        assertThat(pleroma.get("hide_favorites").asBoolean()).isTrue();
        assertThat(pleroma.get("notification_settings").toString())
                .isEqualTo("{\"followers\":true,\"follows\":true,\"remote\":true,\"local\":true}");
        for (String field : List.of("avatar", "avatar_static", "header", "header_static", "note", "locked",
                "followers_count", "following_count", "statuses_count", "bot")) {
            assertThat(me.has(field)).as(field).isTrue();
        }
    }

    @Test
    void bearerHeaderVariantsAndTheAccessTokenParameterAuthenticate() {
        String nickname = unique("variants");
        register(nickname);
        String token = tokenFor(nickname);
        for (String header : List.of("Bearer " + token, "bearer " + token, "BEARER " + token, "Bearer: " + token)) {
            assertThat(http.get(VERIFY, "Authorization", header).status()).as(header).isEqualTo(200);
        }
        assertThat(http.get(VERIFY + "?access_token=" + token).status()).isEqualTo(200);
    }

    @Test
    void basicAuthenticationWorksWithNicknameOrEmail() {
        String nickname = unique("basic");
        register(nickname);
        assertThat(http.get(VERIFY, "Authorization", Http.basic(nickname, PASSWORD)).json().get("acct").asText())
                .isEqualTo(nickname);
        assertThat(http.get(VERIFY, "Authorization", Http.basic(nickname + "@example.org", PASSWORD)).status())
                .isEqualTo(200);
        Http.Response wrong = http.get(VERIFY, "Authorization", Http.basic(nickname, "wrong"));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().get("error").asText()).isEqualTo("Invalid credentials.");
    }

    @Test
    void authenticatedResponsesSetASessionCookieThatAuthenticatesLater() {
        String nickname = unique("cookie");
        register(nickname);
        Http.Response withToken = http.get(VERIFY, "Authorization", Http.bearer(tokenFor(nickname)));
        String cookie = withToken.cookie("pleroma_key");
        assertThat(cookie).isNotBlank();
        assertThat(withToken.header("set-cookie")).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");

        for (String name : List.of("pleroma_key", "__Host-pleroma_key", "_pleroma_key")) {
            Http.Response byCookie = http.get(VERIFY, "Cookie", name + "=" + cookie);
            assertThat(byCookie.status()).as(name).isEqualTo(200);
            assertThat(byCookie.json().get("acct").asText()).isEqualTo(nickname);
        }
        String tampered = (cookie.charAt(5) == 'A' ? "B" : "A");
        tampered = cookie.substring(0, 5) + tampered + cookie.substring(6);
        assertThat(http.get(VERIFY, "Cookie", "pleroma_key=" + tampered).status()).isEqualTo(403);
    }

    @Test
    void aTokenInTheQueryStringAuthenticatesButNeverBecomesTheSession() {
        String nickname = unique("linked");
        register(nickname);
        Http.Response response = http.get(VERIFY + "?access_token=" + tokenFor(nickname));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.cookie("pleroma_key")).isNull();
    }

    @Test
    void aBasicSessionCookieDoesNotAuthenticateOnItsOwn() {
        String nickname = unique("basiccookie");
        register(nickname);
        String cookie = http.get(VERIFY, "Authorization", Http.basic(nickname, PASSWORD)).cookie("pleroma_key");
        assertThat(cookie).isNotBlank();
        assertThat(http.get(VERIFY, "Cookie", "pleroma_key=" + cookie).status()).isEqualTo(403);
    }

    @Test
    void withoutCredentialsOrWithAnUnknownTokenTheAnswerIsInvalidCredentials() {
        for (Http.Response response : List.of(http.get(VERIFY), http.get(VERIFY, "Authorization", "Bearer nope"))) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.body()).isEqualTo("{\"error\":\"Invalid credentials.\"}");
        }
    }

    /** Pleroma's fine-grained scopes, as clients such as Pleroma-FE and Tusky now ask for them. */
    @Test
    void aTokenWithFineGrainedScopesReachesTheEndpointsTheyCover() {
        User friend = user("finefriend");
        String nickname = unique("fine");
        register(nickname);
        String scopes = "read:statuses read:notifications write:statuses write:follows read:accounts";
        String fine = Http.bearer(passwordGrant(app(scopes), nickname, null).get("access_token").asText());

        assertThat(http.postForm("/api/v1/statuses", List.of("status", "fine"), "Authorization", fine).status())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/timelines/home", "Authorization", fine).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/notifications", "Authorization", fine).status()).isEqualTo(200);
        assertThat(http.get(VERIFY, "Authorization", fine).status()).isEqualTo(200);
        assertThat(http.postJson("/api/v1/accounts/" + friend.id() + "/follow", "", "Authorization", fine).status())
                .isEqualTo(200);

        Http.Response notCovered = http.postJson("/api/v1/accounts/" + friend.id() + "/block", "",
                "Authorization", fine);
        assertThat(notCovered.status()).isEqualTo(403);
        assertThat(notCovered.json().get("error").asText()).isEqualTo("Insufficient permissions: follow | write:blocks.");
        assertThat(http.get("/api/v1/favourites", "Authorization", fine).status()).isEqualTo(403);
    }

    @Test
    void aTokenWithoutTheRequiredScopeIsRefused() {
        String nickname = unique("scoped");
        register(nickname);
        String writeOnly = passwordGrant(app("write"), nickname, null).get("access_token").asText();
        Http.Response response = http.get(VERIFY, "Authorization", Http.bearer(writeOnly));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("error").asText()).isEqualTo("Insufficient permissions: read:accounts.");
    }

    @Test
    void accountsAreFoundByIdOrNickname() {
        String nickname = unique("Findme");
        String id = register(nickname);
        assertThat(http.get("/api/v1/accounts/" + id).json().get("acct").asText()).isEqualTo(nickname);
        assertThat(http.get("/api/v1/accounts/" + nickname.toLowerCase()).json().get("id").asText()).isEqualTo(id);
        JsonNode anonymousView = http.get("/api/v1/accounts/" + id).json();
        assertThat(anonymousView.get("pleroma").has("notification_settings")).isFalse();
        assertThat(anonymousView.get("source").has("privacy")).isFalse();
    }

    @Test
    void unknownAccountsAnswerCantFindUser() {
        for (String id : List.of("test", "9eoozpwTul5mjSEDRI", "12345", "zzzzzzzzzzzzzzzzzzzzzzzzzzz!", "%27%20OR%201=1")) {
            Http.Response response = http.get("/api/v1/accounts/" + id);
            assertThat(response.status()).as(id).isEqualTo(404);
            assertThat(response.json().get("error").asText()).isEqualTo("Can't find user");
        }
    }

    @Test
    void updateCredentialsChangesTheProfileAndAnswersIt() {
        String nickname = unique("update");
        register(nickname);
        String bearer = Http.bearer(tokenFor(nickname));
        Http.Response response = http.patchForm("/api/v1/accounts/update_credentials",
                List.of("display_name", "New Name", "note", "hello <world>", "locked", "true",
                        "hide_favorites", "false"), "Authorization", bearer);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode me = response.json();
        assertThat(me.get("display_name").asText()).isEqualTo("New Name");
        assertThat(me.get("note").asText()).isEqualTo("hello &lt;world&gt;");
        assertThat(me.get("source").get("note").asText()).isEqualTo("hello <world>");
        assertThat(me.get("locked").asBoolean()).isTrue();
        assertThat(me.get("pleroma").get("hide_favorites").asBoolean()).isFalse();
        // Read your writes: the next read shows it too.
        assertThat(http.get(VERIFY, "Authorization", bearer).json().get("display_name").asText()).isEqualTo("New Name");

        Http.Response json = http.patchJson("/api/v1/accounts/update_credentials", Map.of("locked", false),
                "Authorization", bearer);
        assertThat(json.json().get("locked").asBoolean()).isFalse();
        assertThat(json.json().get("display_name").asText()).isEqualTo("New Name");
    }

    @Test
    void updateCredentialsRefusesBadValuesAndChangesNothing() {
        String nickname = unique("badupdate");
        register(nickname);
        String bearer = Http.bearer(tokenFor(nickname));
        Http.Response notBoolean = http.patchForm("/api/v1/accounts/update_credentials",
                List.of("display_name", "Changed", "locked", "maybe"), "Authorization", bearer);
        assertThat(notBoolean.status()).isEqualTo(400);
        assertThat(notBoolean.json().get("error").asText()).contains("locked");
        Http.Response tooLong = http.patchForm("/api/v1/accounts/update_credentials",
                List.of("display_name", "x".repeat(101)), "Authorization", bearer);
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(http.get(VERIFY, "Authorization", bearer).json().get("display_name").asText())
                .isEqualTo(nickname + " full");
        assertThat(http.patchForm("/api/v1/accounts/update_credentials", List.of("locked", "true")).status())
                .isEqualTo(403);
    }

    @Test
    void theTwitterApiProfileUpdateUsesItsOwnNames() {
        String nickname = unique("twitter");
        register(nickname);
        Http.Response response = http.postForm("/api/account/update_profile",
                List.of("name", "Tweety", "description", "bio here", "hide_favorites", "false"),
                "Authorization", Http.basic(nickname, PASSWORD));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("name").asText()).isEqualTo("Tweety");
        assertThat(response.json().get("description").asText()).isEqualTo("bio here");
        assertThat(http.get("/api/v1/accounts/" + nickname).json().get("pleroma").get("hide_favorites").asBoolean())
                .isFalse();
    }

    @Test
    void changingThePasswordChecksTheOldOneAndEndsEveryToken() {
        String nickname = unique("changer");
        register(nickname);
        String bearer = Http.bearer(tokenFor(nickname));
        String path = "/api/pleroma/change_password";
        assertThat(http.postForm(path, List.of("password", "wrong", "new_password", "a", "new_password_confirmation",
                "a"), "Authorization", bearer).body()).isEqualTo("{\"error\":\"Invalid password.\"}");
        assertThat(http.postForm(path, List.of("password", PASSWORD, "new_password", "",
                "new_password_confirmation", ""), "Authorization", bearer).json().get("error").asText())
                .isEqualTo("New password can't be blank.");
        assertThat(http.postForm(path, List.of("password", PASSWORD, "new_password", "a",
                "new_password_confirmation", "b"), "Authorization", bearer).json().get("error").asText())
                .isEqualTo("New password does not match confirmation.");
        Http.Response changed = http.postForm(path, List.of("password", PASSWORD, "new_password", "n3w secret",
                "new_password_confirmation", "n3w secret"), "Authorization", bearer);
        assertThat(changed.body()).isEqualTo("{\"status\":\"success\"}");
        assertThat(http.get(VERIFY, "Authorization", bearer).status()).isEqualTo(403);
        assertThat(http.get(VERIFY, "Authorization", Http.basic(nickname, PASSWORD)).status()).isEqualTo(403);
        assertThat(http.get(VERIFY, "Authorization", Http.basic(nickname, "n3w secret")).status()).isEqualTo(200);
    }

    @Test
    void changingTheEmailChecksThePasswordTheFormatAndUniqueness() {
        String nickname = unique("mover");
        register(nickname);
        String taken = unique("occupant");
        register(taken);
        String bearer = Http.bearer(tokenFor(nickname));
        String path = "/api/pleroma/change_email";
        assertThat(http.postForm(path, List.of("password", "wrong", "email", "x@y.org"), "Authorization", bearer)
                .json().get("error").asText()).isEqualTo("Invalid password.");
        assertThat(http.postForm(path, List.of("password", PASSWORD, "email", "nope"), "Authorization", bearer)
                .json().get("error").asText()).isEqualTo("Email has invalid format.");
        assertThat(http.postForm(path, List.of("password", PASSWORD, "email", taken + "@example.org"),
                "Authorization", bearer).json().get("error").asText()).isEqualTo("Email has already been taken.");
        assertThat(http.postForm(path, List.of("password", PASSWORD, "email", nickname + "@moved.example"),
                "Authorization", bearer).body()).isEqualTo("{\"status\":\"success\"}");
        assertThat(http.get(VERIFY, "Authorization", Http.basic(nickname + "@moved.example", PASSWORD)).status())
                .isEqualTo(200);
        assertThat(http.get(VERIFY, "Authorization", Http.basic(nickname + "@example.org", PASSWORD)).status())
                .isEqualTo(403);
    }

    @Test
    void twoFactorAuthenticationIsReportedOffToItsOwnerOnly() {
        String nickname = unique("mfa");
        register(nickname);
        Http.Response settings = http.get("/api/pleroma/accounts/mfa", "Authorization", Http.bearer(tokenFor(nickname)));
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.body()).contains("\"enabled\":false").contains("\"totp\":false");
        assertThat(http.get("/api/pleroma/accounts/mfa").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/suggestions", "Authorization", Http.bearer(tokenFor(nickname))).body())
                .isEqualTo("[]");
    }

    @Test
    void theTokenListShowsAppsAndRevokesOwnTokensOnly() {
        String nickname = unique("tokens");
        register(nickname);
        String first = tokenFor(nickname);
        String second = tokenFor(nickname);
        JsonNode tokens = http.get("/api/oauth_tokens.json", "Authorization", Http.bearer(first)).json();
        assertThat(tokens).hasSize(2);
        assertThat(tokens.get(0).get("app_name").asText()).isEqualTo("tests");
        assertThat(tokens.get(0).has("valid_until")).isTrue();
        String secondId = tokens.get(0).get("id").asText();
        assertThat(http.delete("/api/oauth_tokens/" + secondId, "Authorization", Http.bearer(first)).status())
                .isEqualTo(200);
        assertThat(http.get(VERIFY, "Authorization", Http.bearer(second)).status()).isEqualTo(403);
        assertThat(http.get(VERIFY, "Authorization", Http.bearer(first)).status()).isEqualTo(200);
        String other = unique("othertokens");
        register(other);
        assertThat(http.delete("/api/oauth_tokens/" + secondId, "Authorization", Http.bearer(tokenFor(other)))
                .status()).isEqualTo(404);
    }

    @Test
    void registerTokenVerifyWorksImmediatelyEveryTime() {
        App app = app();
        for (int i = 0; i < 15; i++) {
            String nickname = unique("ryw");
            register(nickname);
            String token = passwordGrant(app, nickname, null).get("access_token").asText();
            Http.Response me = http.get(VERIFY, "Authorization", Http.bearer(token));
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.json().get("acct").asText()).isEqualTo(nickname);
        }
    }
}
