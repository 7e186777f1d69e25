package social.annals.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import social.annals.gateway.support.ApiTest;
import social.annals.gateway.support.Http;

class AppsAndOAuthApiTest extends ApiTest {

    @Test
    void registeringAnAppAnswersItsCredentialsInEveryBodyFormat() {
        Http.Response form = http.postForm("/api/v1/apps",
                List.of("client_name", "Tusky", "redirect_uris", "urn:ietf:wg:oauth:2.0:oob", "scopes", "read, write"));
        Http.Response multipart = http.postMultipart("/api/v1/apps",
                List.of("client_name", "Pleroma-FE", "redirect_uris", "http://localhost/oauth-callback",
                        "scopes", "read write follow push admin"));
        Http.Response json = http.postJson("/api/v1/apps", Map.of("client_name", "megalodon",
                "redirect_uris", "urn:ietf:wg:oauth:2.0:oob", "scopes", List.of("read", "write"),
                "website", "https://example.org"));
        for (Http.Response response : List.of(form, multipart, json)) {
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode app = response.json();
            assertThat(app.get("id").asText()).hasSize(18);
            assertThat(app.get("client_id").asText()).hasSize(43);
            assertThat(app.get("client_secret").asText()).hasSize(43);
            assertThat(app.has("redirect_uri")).isTrue();
            assertThat(app.has("website")).isTrue();
        }
        assertThat(json.json().get("website").asText()).isEqualTo("https://example.org");
    }

    @Test
    void anAppWithoutNameAndRedirectIsRefusedPerField() {
        Http.Response response = http.postForm("/api/v1/apps", List.of());
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("error").asText()).isEqualTo("can't be blank, can't be blank");
    }

    @Test
    void theReservedClientNameIsRefused() {
        Http.Response response = http.postForm("/api/v1/apps",
                List.of("client_name", "Mastodon-Local", "redirect_uris", "urn:ietf:wg:oauth:2.0:oob"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().has("error")).isTrue();
    }

    @Test
    void anAnonymousAppCannotWriteHugeFieldsIntoTheLog() {
        String scopes = String.join(" ", java.util.Collections.nCopies(200_000, "read"));
        Http.Response website = http.postJson("/api/v1/apps", java.util.Map.of("client_name", "big",
                "redirect_uris", "urn:ietf:wg:oauth:2.0:oob", "website", "w".repeat(15_000_000)));
        assertThat(website.status()).isEqualTo(422);
        assertThat(website.json().get("error").asText()).isEqualTo("website should be at most 2000 character(s)");
        List<List<String>> oversized = List.of(
                List.of("client_name", "big", "redirect_uris", "urn:ietf:wg:oauth:2.0:oob", "scopes",
                        java.util.stream.IntStream.range(0, 200_000).mapToObj(i -> "s" + i)
                                .collect(java.util.stream.Collectors.joining(" "))),
                List.of("client_name", "n".repeat(256), "redirect_uris", "urn:ietf:wg:oauth:2.0:oob"));
        for (List<String> form : oversized) {
            Http.Response response = http.postForm("/api/v1/apps", form);
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().get("error").asText()).containsAnyOf("at most", "invalid");
        }
        Http.Response repeated = http.postForm("/api/v1/apps",
                List.of("client_name", "repeats", "redirect_uris", "urn:ietf:wg:oauth:2.0:oob", "scopes", scopes));
        assertThat(repeated.status()).isEqualTo(200);
    }

    @Test
    void passwordGrantWorksWithNicknameOrEmailAndReportsTheActor() {
        String nickname = unique("pw");
        register(nickname);
        App app = app();
        JsonNode byNickname = passwordGrant(app, nickname, null);
        JsonNode byEmail = passwordGrant(app, nickname.toUpperCase() + "@EXAMPLE.ORG", null);
        for (JsonNode token : List.of(byNickname, byEmail)) {
            assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
            assertThat(token.get("access_token").asText()).hasSize(43);
            assertThat(token.get("refresh_token").asText()).hasSize(43);
            assertThat(token.get("expires_in").asLong()).isEqualTo(600);
            assertThat(token.get("scope").asText()).isEqualTo("read write follow push");
            assertThat(token.get("me").asText()).isEqualTo("http://annals.test/users/" + nickname);
            assertThat(token.has("created_at")).isFalse();
        }
    }

    @Test
    void passwordGrantAcceptsJsonAndClientBasicAuthentication() {
        String nickname = unique("json");
        register(nickname);
        App app = app();
        Http.Response response = http.postJson("/oauth/token", Map.of("grant_type", "password",
                        "username", nickname, "password", PASSWORD, "scope", "read"),
                "Authorization", Http.basic(app.clientId(), app.clientSecret()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("scope").asText()).isEqualTo("read");
    }

    @Test
    void passwordGrantRefusals() {
        String nickname = unique("refuse");
        register(nickname);
        App app = app("read");
        List<List<String>> refused = List.of(
                List.of("grant_type", "password", "client_id", app.clientId(), "client_secret", app.clientSecret(),
                        "username", nickname, "password", "wrong"),
                List.of("grant_type", "password", "client_id", app.clientId(), "client_secret", "wrong",
                        "username", nickname, "password", PASSWORD),
                List.of("grant_type", "password", "client_id", app.clientId(), "client_secret", app.clientSecret(),
                        "username", "nobody-at-all", "password", PASSWORD),
                List.of("grant_type", "password", "client_id", app.clientId(), "client_secret", app.clientSecret(),
                        "password", PASSWORD),
                List.of("grant_type", "password", "client_id", app.clientId(), "client_secret", app.clientSecret(),
                        "username", nickname, "password", PASSWORD, "scope", "read write"));
        for (List<String> form : refused) {
            Http.Response response = http.postForm("/oauth/token", form);
            assertThat(response.status()).as(form.toString()).isEqualTo(400);
            assertThat(response.json().get("error").asText()).isEqualTo("Invalid credentials");
        }
    }

    @Test
    void unknownOrMissingGrantTypeIsABadRequest() {
        App app = app();
        for (List<String> form : List.of(List.of("client_id", app.clientId()),
                List.of("grant_type", "implicit", "client_id", app.clientId()))) {
            Http.Response response = http.postForm("/oauth/token", form);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("error").asText()).isEqualTo("Bad request");
        }
    }

    @Test
    void clientCredentialsGiveAnAppTokenThatVerifiesTheApp() {
        App app = app("read write");
        Http.Response token = http.postForm("/oauth/token", List.of("grant_type", "client_credentials",
                "client_id", app.clientId(), "client_secret", app.clientSecret()));
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.json().has("me")).isFalse();
        assertThat(token.json().get("created_at").isNumber()).isTrue();
        assertThat(token.json().get("scope").asText()).isEqualTo("read write");
        String bearer = Http.bearer(token.json().get("access_token").asText());

        Http.Response verify = http.get("/api/v1/apps/verify_credentials", "Authorization", bearer);
        assertThat(verify.status()).isEqualTo(200);
        assertThat(verify.json().get("name").asText()).isEqualTo("tests");
        // An app token is not a user.
        assertThat(http.get("/api/v1/accounts/verify_credentials", "Authorization", bearer).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/apps/verify_credentials").json().get("error").asText())
                .isEqualTo("Invalid credentials");
    }

    @Test
    void refreshingGivesANewAccessTokenAndRetiresTheOldOne() {
        String nickname = unique("refresh");
        register(nickname);
        App app = app();
        JsonNode first = passwordGrant(app, nickname, null);
        String oldAccess = first.get("access_token").asText();
        String refresh = first.get("refresh_token").asText();

        Http.Response refreshed = http.postForm("/oauth/token", List.of("grant_type", "refresh_token",
                "client_id", app.clientId(), "client_secret", app.clientSecret(), "refresh_token", refresh));
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        String newAccess = refreshed.json().get("access_token").asText();
        assertThat(newAccess).isNotEqualTo(oldAccess);
        assertThat(refreshed.json().get("refresh_token").asText()).isEqualTo(refresh);
        assertThat(refreshed.json().get("me").asText()).endsWith("/users/" + nickname);

        assertThat(http.get("/api/v1/accounts/verify_credentials", "Authorization", Http.bearer(oldAccess)).status())
                .isEqualTo(403);
        assertThat(http.get("/api/v1/accounts/verify_credentials", "Authorization", Http.bearer(newAccess)).status())
                .isEqualTo(200);
    }

    @Test
    void anAccessTokenOrAnotherAppsRefreshTokenCannotRefresh() {
        String nickname = unique("norefresh");
        register(nickname);
        App app = app();
        JsonNode grant = passwordGrant(app, nickname, null);
        App other = app();
        for (List<String> form : List.of(
                List.of("grant_type", "refresh_token", "client_id", app.clientId(), "client_secret", app.clientSecret(),
                        "refresh_token", grant.get("access_token").asText()),
                List.of("grant_type", "refresh_token", "client_id", other.clientId(),
                        "client_secret", other.clientSecret(), "refresh_token", grant.get("refresh_token").asText()))) {
            Http.Response response = http.postForm("/oauth/token", form);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("error").asText()).isEqualTo("Invalid credentials");
        }
    }

    @Test
    void revokingATokenEndsIt() {
        String nickname = unique("revoke");
        register(nickname);
        App app = app();
        String access = passwordGrant(app, nickname, null).get("access_token").asText();

        Http.Response revoked = http.postForm("/oauth/revoke", List.of("client_id", app.clientId(),
                "client_secret", app.clientSecret(), "token", access));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body()).isEqualTo("{}");
        assertThat(http.get("/api/v1/accounts/verify_credentials", "Authorization", Http.bearer(access)).status())
                .isEqualTo(403);
    }

    @Test
    void revokingAnotherAppsTokenAnswersAlikeButKeepsIt() {
        String nickname = unique("keep");
        register(nickname);
        String access = passwordGrant(app(), nickname, null).get("access_token").asText();
        App other = app();
        Http.Response revoked = http.postForm("/oauth/revoke", List.of("client_id", other.clientId(),
                "client_secret", other.clientSecret(), "token", access));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(http.get("/api/v1/accounts/verify_credentials", "Authorization", Http.bearer(access)).status())
                .isEqualTo(200);
    }

    @Test
    void revokeWithoutATokenIsABadRequest() {
        Http.Response response = http.postForm("/oauth/revoke", List.of());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asText()).isEqualTo("Bad request");
    }
}
