package social.annals.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import social.annals.gateway.support.ApiTest;
import social.annals.gateway.support.Http;

class AuthorizationCodeFlowTest extends ApiTest {

    private static final String CALLBACK = "http://client.example/oauth-callback";

    private App callbackApp() {
        Http.Response response = http.postForm("/api/v1/apps", List.of("client_name", "web client",
                "redirect_uris", CALLBACK + " urn:ietf:wg:oauth:2.0:oob", "scopes", "read write follow"));
        var json = response.json();
        return new App(json.get("id").asText(), json.get("client_id").asText(), json.get("client_secret").asText());
    }

    private Http.Response submit(App app, String login, String password, String redirect, String scope) {
        return http.postForm("/oauth/authorize", List.of("authorization[name]", login,
                "authorization[password]", password, "authorization[client_id]", app.clientId(),
                "authorization[redirect_uri]", redirect, "authorization[scope]", scope,
                "authorization[state]", "xyz 1"));
    }

    private Http.Response exchange(App app, String code) {
        return http.postForm("/oauth/token", List.of("grant_type", "authorization_code", "client_id", app.clientId(),
                "client_secret", app.clientSecret(), "code", code, "redirect_uri", CALLBACK));
    }

    @Test
    void theLoginFormLeadsBackToTheClientWithACodeThatBuysOneToken() {
        String nickname = unique("oauthuser");
        register(nickname);
        App app = callbackApp();

        Http.Response form = http.get("/oauth/authorize?response_type=code&client_id=" + app.clientId()
                + "&redirect_uri=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8) + "&scope=read&state=xyz");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.header("content-type")).startsWith("text/html");
        assertThat(form.body()).contains("name=\"authorization[password]\"")
                .contains("value=\"" + app.clientId() + "\"").contains("web client");

        Http.Response redirect = submit(app, nickname, PASSWORD, CALLBACK, "read");
        assertThat(redirect.status()).isEqualTo(302);
        String location = redirect.header("location");
        assertThat(location).startsWith(CALLBACK + "?code=").endsWith("&state=xyz+1");
        Matcher matcher = Pattern.compile("code=([^&]+)").matcher(location);
        assertThat(matcher.find()).isTrue();
        String code = matcher.group(1);

        Http.Response token = exchange(app, code);
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        assertThat(token.json().get("scope").asText()).isEqualTo("read");
        assertThat(token.json().get("me").asText()).endsWith("/users/" + nickname);
        assertThat(token.json().get("created_at").isNumber()).isTrue();
        Http.Response me = http.get("/api/v1/accounts/verify_credentials", "Authorization",
                Http.bearer(token.json().get("access_token").asText()));
        assertThat(me.json().get("acct").asText()).isEqualTo(nickname);

        Http.Response again = exchange(app, code);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("error").asText()).isEqualTo("Invalid credentials");
    }

    @Test
    void theOutOfBandUriShowsTheCodeOnAPage() {
        String nickname = unique("oob");
        register(nickname);
        App app = callbackApp();
        Http.Response page = submit(app, nickname, PASSWORD, "urn:ietf:wg:oauth:2.0:oob", "");
        assertThat(page.status()).isEqualTo(200);
        Matcher matcher = Pattern.compile("<pre id=\"code\">([^<]+)</pre>").matcher(page.body());
        assertThat(matcher.find()).isTrue();
        Http.Response token = http.postForm("/oauth/token", List.of("grant_type", "authorization_code",
                "client_id", app.clientId(), "client_secret", app.clientSecret(), "code", matcher.group(1)));
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.json().get("scope").asText()).isEqualTo("read write follow");
    }

    @Test
    void wrongPasswordsAndForeignScopesReRenderTheFormWith401() {
        String nickname = unique("oauthwrong");
        register(nickname);
        App app = callbackApp();
        Http.Response wrong = submit(app, nickname, "nope", CALLBACK, "read");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("Invalid Username/Password").contains("authorization[password]");
        Http.Response scope = submit(app, nickname, PASSWORD, CALLBACK, "admin");
        assertThat(scope.status()).isEqualTo(401);
    }

    @Test
    void unknownClientsAndUnregisteredRedirectsNeverRedirect() {
        String nickname = unique("oauthevil");
        register(nickname);
        App app = callbackApp();
        Http.Response evil = submit(app, nickname, PASSWORD, "http://evil.example/steal", "read");
        assertThat(evil.status()).isEqualTo(400);
        assertThat(evil.header("location")).isNull();
        Http.Response unknown = http.get("/oauth/authorize?client_id=nobody&redirect_uri=x");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("Unknown client.");
    }

    @Test
    void aCodeOfAnotherAppOrAnUnknownCodeIsRefused() {
        String nickname = unique("oauthother");
        register(nickname);
        App app = callbackApp();
        String location = submit(app, nickname, PASSWORD, CALLBACK, "read").header("location");
        String code = location.substring(location.indexOf("code=") + 5, location.indexOf('&'));
        assertThat(exchange(callbackApp(), code).status()).isEqualTo(400);
        assertThat(exchange(app, "not-a-code").status()).isEqualTo(400);
        assertThat(exchange(app, code).status()).isEqualTo(200);
    }
}
