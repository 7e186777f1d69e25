package social.annals.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import social.annals.gateway.support.ApiTest;
import social.annals.gateway.support.Http;

/**
 * The everyday flows of Pleroma's web frontend (Pleroma-FE 2.x), each request shaped as the
 * frontend sends it (client-compat.md): multipart forms for apps, tokens, statuses, notification
 * settings and reads; JSON for registration; empty JSON bodies for favourites and subscriptions;
 * {@code {}} for follows; raw brackets and trailing slashes in queries.
 */
class WebFrontendFlowTest extends ApiTest {

    private static final String SECRET = "correct horse";

    private record Frontend(String clientId, String clientSecret, String appToken) {
    }

    /** At every page load: a new app (multipart), then an app token for the signed-out views. */
    private Frontend boot() {
        Http.Response app = http.postMultipart("/api/v1/apps", List.of("client_name", "PleromaFE_843cb95",
                "redirect_uris", "http://localhost:4000/oauth-callback", "scopes", "read write follow push admin"));
        assertThat(app.status()).as(app.body()).isEqualTo(200);
        String clientId = app.json().get("client_id").asText();
        String clientSecret = app.json().get("client_secret").asText();
        Http.Response token = http.postMultipart("/oauth/token", List.of("client_id", clientId,
                "client_secret", clientSecret, "grant_type", "client_credentials"));
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        assertThat(http.get("/nodeinfo/2.0.json").json().get("metadata").get("features").isArray()).isTrue();
        assertThat(http.get("/api/v1/timelines/public?only_media=false&with_muted=true&limit=20").status())
                .isEqualTo(200);
        return new Frontend(clientId, clientSecret, token.json().get("access_token").asText());
    }

    /** The registration form posts JSON with the app token and gets a user token back. */
    private String registerThroughTheForm(Frontend frontend, String nickname) {
        Http.Response registered = http.postJson("/api/v1/accounts", java.util.Map.of("nickname", nickname,
                "locale", "en_US", "agreement", true, "email", nickname + "@example.org", "fullname", nickname,
                "username", nickname, "password", SECRET, "confirm", SECRET, "reason", ""),
                "Authorization", Http.bearer(frontend.appToken()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        return registered.json().get("access_token").asText();
    }

    /** The login form: a password grant as multipart. */
    private String logIn(Frontend frontend, String nickname) {
        Http.Response token = http.postMultipart("/oauth/token", List.of("username", nickname, "password", SECRET,
                "client_id", frontend.clientId(), "client_secret", frontend.clientSecret(), "grant_type", "password"));
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        return Http.bearer(token.json().get("access_token").asText());
    }

    @Test
    void registerPostFollowSubscribeFavouriteReactGetNotifiedAndMarkRead() {
        Frontend frontend = boot();
        String alice = unique("fealice");
        String bob = unique("febob");
        String aliceAuth = Http.bearer(registerThroughTheForm(frontend, alice));
        registerThroughTheForm(boot(), bob);
        String bobAuth = logIn(boot(), bob);

        JsonNode me = http.get("/api/v1/accounts/verify_credentials", "Authorization", aliceAuth).json();
        assertThat(me.get("pleroma").get("notification_settings").has("followers")).isTrue();
        assertThat(me.get("source").get("privacy").asText()).isEqualTo("public");

        // Bob posts; Alice opens his profile by nickname, follows ({}), subscribes (empty JSON body).
        Http.Response post = http.postMultipart("/api/v1/statuses", List.of("status", "hello from the frontend",
                "source", "Pleroma FE", "visibility", "public", "content_type", "text/plain"),
                "Authorization", bobAuth, "idempotency-key", "frontend-key-1");
        assertThat(post.status()).as(post.body()).isEqualTo(200);
        String bobPost = post.json().get("id").asText();
        JsonNode profile = http.get("/api/v1/accounts/" + bob, "Authorization", aliceAuth).json();
        String bobId = profile.get("id").asText();
        JsonNode followed = http.postJson("/api/v1/accounts/" + bobId + "/follow", "{}", "Authorization", aliceAuth)
                .json();
        assertThat(followed.get("following").asBoolean()).isTrue();
        assertThat(followed.get("subscribing").asBoolean()).isFalse();
        assertThat(http.postJson("/api/v1/pleroma/accounts/" + bobId + "/subscribe", "", "Authorization", aliceAuth)
                .json().get("subscribing").asBoolean()).isTrue();
        assertThat(http.raw("GET /api/v1/accounts/relationships/?id[]=" + bobId + " HTTP/1.1", "Authorization",
                aliceAuth).body()).contains("\"following\":true").contains("\"subscribing\":true");
        JsonNode pinned = http.get("/api/v1/accounts/" + bobId + "/statuses?pinned=true", "Authorization", aliceAuth)
                .json();
        assertThat(pinned).isEmpty();
        JsonNode statuses = http.get("/api/v1/accounts/" + bobId + "/statuses?with_muted=true&limit=20",
                "Authorization", aliceAuth).json();
        assertThat(ids(statuses)).containsExactly(bobPost);
        // As in Pleroma, every /accounts/:id path also takes the nickname.
        assertThat(ids(http.get("/api/v1/accounts/" + bob + "/statuses", "Authorization", aliceAuth).json()))
                .containsExactly(bobPost);
        assertThat(http.get("/api/v1/accounts/" + bob + "/followers").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/accounts/no-such-nickname/statuses").status()).isEqualTo(404);

        // Favourite (empty JSON body), react, open the thread.
        JsonNode favourited = http.postJson("/api/v1/statuses/" + bobPost + "/favourite", "", "Authorization",
                aliceAuth).json();
        assertThat(favourited.get("favourited").asBoolean()).isTrue();
        assertThat(favourited.get("pleroma").get("emoji_reactions").isArray()).isTrue();
        assertThat(http.putJson("/api/v1/pleroma/statuses/" + bobPost + "/reactions/%F0%9F%91%8D", "",
                "Authorization", aliceAuth).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/statuses/" + bobPost + "/context", "Authorization", aliceAuth).status())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/pleroma/statuses/" + bobPost + "/reactions", "Authorization", aliceAuth).json())
                .hasSize(1);

        // Alice replies mentioning Bob; Bob's next post reaches Alice as a subscriber.
        Http.Response reply = http.postMultipart("/api/v1/statuses", List.of("status", "@" + bob + " nice",
                "source", "Pleroma FE", "visibility", "public", "content_type", "text/plain", "in_reply_to_id", bobPost),
                "Authorization", aliceAuth);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        http.postMultipart("/api/v1/statuses", List.of("status", "for my subscribers", "source", "Pleroma FE",
                "visibility", "public", "content_type", "text/plain"), "Authorization", bobAuth);

        JsonNode bobs = awaitNotifications(bobAuth, 4);
        assertThat(types(bobs)).containsExactly("mention", "pleroma:emoji_reaction", "favourite", "follow");
        for (JsonNode notification : bobs) {
            assertThat(notification.get("id").asText()).matches("[0-9]+");
            assertThat(notification.get("pleroma").get("is_seen").asBoolean()).isFalse();
        }
        assertThat(types(awaitNotifications(aliceAuth, 1))).containsExactly("mention");

        // Marking read as the frontend does: multipart max_id, answered with the notifications.
        Http.Response read = http.postMultipart("/api/v1/pleroma/notifications/read",
                List.of("max_id", bobs.get(0).get("id").asText()), "Authorization", bobAuth);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().isArray()).isTrue();
        for (JsonNode notification : http.get("/api/v1/notifications?with_muted=true&limit=20", "Authorization",
                bobAuth).json()) {
            assertThat(notification.get("pleroma").get("is_seen").asBoolean()).isTrue();
        }

        // The home timeline polls with since_id; a page has both Link relations or none.
        Http.Response home = http.get("/api/v1/timelines/home?with_muted=true&limit=20", "Authorization", aliceAuth);
        assertThat(home.json().size()).isGreaterThanOrEqualTo(2);
        String link = home.header("link");
        assertThat(link).contains("rel=\"next\"").contains("rel=\"prev\"");
        Http.Response nothingNew = http.get("/api/v1/timelines/home?with_muted=true&limit=20&since_id="
                + home.json().get(0).get("id").asText(), "Authorization", aliceAuth);
        assertThat(nothingNew.json()).isEmpty();
        assertThat(nothingNew.header("link")).isNull();
    }

    @Test
    void settingsNotificationSwitchesImportsAndTheTokenList() {
        Frontend frontend = boot();
        String carol = unique("fecarol");
        String dave = unique("fedave");
        String carolAuth = Http.bearer(registerThroughTheForm(frontend, carol));
        registerThroughTheForm(frontend, dave);

        // The notifications tab sends every switch it shows as multipart strings; its 2.x ones are not
        // Pleroma's four (pleroma-api §2.11) and are ignored.
        Http.Response saved = http.putMultipart("/api/pleroma/notification_settings", List.of("followers", "true",
                "follows", "true", "remote", "true", "local", "true", "block_from_strangers", "true",
                "hide_notification_contents", "false"), "Authorization", carolAuth);
        assertThat(saved.json().get("status").asText()).isEqualTo("success");
        assertThat(http.get("/api/v1/accounts/verify_credentials", "Authorization", carolAuth).json().get("pleroma")
                .get("notification_settings").toString())
                .isEqualTo("{\"followers\":true,\"follows\":true,\"remote\":true,\"local\":true}");

        // Follow import: the file field "list" of a multipart form.
        Http.Response imported = http.postFile("/api/pleroma/follow_import", "list", "follows.csv", "text/csv",
                (dave + "\n").getBytes(StandardCharsets.UTF_8), List.of(), "Authorization", carolAuth);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        String daveId = http.get("/api/v1/accounts/" + dave).json().get("id").asText();
        eventually(() -> http.raw("GET /api/v1/accounts/relationships/?id[]=" + daveId + " HTTP/1.1",
                "Authorization", carolAuth).body(), body -> body.contains("\"following\":true"), "the import");

        // The security tab lists the sessions; the other settings screens' boot requests answer.
        assertThat(http.get("/api/oauth_tokens.json", "Authorization", carolAuth).json()).isNotEmpty();
        assertThat(http.get("/api/pleroma/accounts/mfa", "Authorization", carolAuth).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/instance/peers", "Authorization", carolAuth).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/blocks/", "Authorization", carolAuth).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/mutes/", "Authorization", carolAuth).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/domain_blocks", "Authorization", carolAuth).status()).isEqualTo(200);
    }

    private JsonNode awaitNotifications(String auth, int count) {
        return eventually(() -> http.get("/api/v1/notifications?with_muted=true&limit=20", "Authorization", auth)
                .json(), list -> list.size() >= count, count + " notifications");
    }

    private static List<String> types(JsonNode notifications) {
        List<String> types = new ArrayList<>();
        notifications.forEach(notification -> types.add(notification.get("type").asText()));
        return types;
    }
}
