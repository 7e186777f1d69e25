package social.annals.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import social.annals.gateway.support.ApiTest;
import social.annals.gateway.support.Http;

/** Custom emoji from the test fixture's packs and list (src/test/resources/emoji-fixture) plus the bundled set. */
class EmojiApiTest extends ApiTest {

    @Test
    void pleromaListMapsShortcodesToConfiguredPathsAndTags() {
        Http.Response response = http.get("/api/pleroma/emoji");
        assertThat(response.status()).isEqualTo(200);
        JsonNode emoji = response.json();
        assertThat(emoji.get("firefox").toString())
                .isEqualTo("{\"image_url\":\"/emoji/Firefox.gif\",\"tags\":[\"Gif\",\"Fun\"]}");
        assertThat(emoji.get("blank").get("tags").toString()).isEqualTo("[\"Custom\"]");
        // No group matches a path outside /emoji/, so the tag is the empty string.
        assertThat(emoji.get("elsewhere").get("tags").toString()).isEqualTo("[\"\"]");
        // Pack folders without an emoji.txt: every image below them, named by file.
        assertThat(emoji.get("girlpower-128").get("image_url").asText())
                .isEqualTo("/emoji/finmoji/128px/girlpower-128.png");
        assertThat(emoji.get("sparkle").get("image_url").asText()).isEqualTo("/emoji/finmoji/sparkle.png");
        assertThat(emoji.has("readme")).isFalse();
        // A pack's emoji.txt is used instead of its files; malformed lines are skipped.
        assertThat(emoji.get("sea").toString())
                .isEqualTo("{\"image_url\":\"/emoji/listed/sea.png\",\"tags\":[\"Water\",\"pack:listed\"]}");
        // The bundled default set comes last and wins over the list's "heart".
        assertThat(emoji.get("heart").get("image_url").asText()).isEqualTo("/emoji/custom/heart.png");
        for (String bundled : List.of("annals", "check", "smile", "star", "wave")) {
            assertThat(emoji.get(bundled).get("tags").toString()).as(bundled).isEqualTo("[\"Custom\"]");
        }
        emoji.forEach(entry -> {
            assertThat(entry.get("image_url").isTextual()).isTrue();
            assertThat(entry.get("tags").isArray()).isTrue();
        });
        assertThat(http.get("/api/pleroma/emoji.json").json()).isEqualTo(emoji);
    }

    @Test
    void mastodonListIsSortedWithAbsoluteUrls() {
        JsonNode list = http.get("/api/v1/custom_emojis").json();
        List<String> shortcodes = new ArrayList<>();
        list.forEach(entry -> shortcodes.add(entry.get("shortcode").asText()));
        assertThat(shortcodes).isSorted().contains("firefox", "heart", "sea");
        JsonNode firefox = list.get(shortcodes.indexOf("firefox"));
        assertThat(firefox.get("url").asText()).isEqualTo("http://annals.test/emoji/Firefox.gif");
        assertThat(firefox.get("static_url").asText()).isEqualTo("http://annals.test/emoji/Firefox.gif");
        assertThat(firefox.get("visible_in_picker").asBoolean()).isTrue();
        assertThat(firefox.get("tags").toString()).isEqualTo("[\"Gif\",\"Fun\"]");
    }

    @Test
    void imagesAreServedFromPacksAndTheBundledSet() {
        for (String path : List.of("/emoji/finmoji/128px/girlpower-128.png", "/emoji/custom/heart.png")) {
            Http.Response image = http.get(path);
            assertThat(image.status()).as(path).isEqualTo(200);
            assertThat(image.header("content-type")).isEqualTo("image/png");
        }
        assertThat(http.get("/emoji/custom/missing.png").status()).isEqualTo(404);
    }

    @Test
    void anAdminReloadPicksUpNewAndRemovedEmoji() throws Exception {
        Path list = Path.of(RELOADABLE_EMOJI_LIST);
        Files.createDirectories(list.getParent());
        try {
            Files.writeString(list, "reloaded, /emoji/custom/star.png, Reloaded\n");
            Http.Response reload = http.postJson("/api/pleroma/admin/reload_emoji?admin_token=" + ADMIN_TOKEN, "");
            assertThat(reload.status()).isEqualTo(200);
            assertThat(reload.body()).isEqualTo("\"ok\"");
            assertThat(http.get("/api/pleroma/emoji").json().get("reloaded").get("tags").toString())
                    .isEqualTo("[\"Reloaded\"]");
        } finally {
            Files.deleteIfExists(list);
        }
        http.postJson("/api/pleroma/admin/reload_emoji?admin_token=" + ADMIN_TOKEN, "");
        assertThat(http.get("/api/pleroma/emoji").json().has("reloaded")).isFalse();
    }

    @Test
    void onlyAdminsMayReload() {
        User user = user("emojifan");
        Http.Response refused = http.postJson("/api/pleroma/admin/reload_emoji", "", "Authorization", user.bearer());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(http.postJson("/api/pleroma/admin/reload_emoji", "").status()).isEqualTo(403);
    }
}
