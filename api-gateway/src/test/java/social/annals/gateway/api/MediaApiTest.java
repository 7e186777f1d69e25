package social.annals.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import social.annals.gateway.support.ApiTest;
import social.annals.gateway.support.Http;

/** Media uploads, their files, and attachments on statuses. */
class MediaApiTest extends ApiTest {

    private static byte[] png() throws Exception {
        return Files.readAllBytes(Path.of("src/main/resources/static/emoji/custom/heart.png"));
    }

    private JsonNode upload(User user, String description) throws Exception {
        Http.Response uploaded = http.postFile("/api/v1/media", "file", "heart.png", "image/png", png(),
                description == null ? List.of() : List.of("description", description), "Authorization", user.bearer());
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        return uploaded.json();
    }

    @Test
    void anUploadIsAnAttachmentWhoseFileIsServed() throws Exception {
        User user = user("uploader");
        JsonNode attachment = upload(user, "a red heart");
        assertThat(attachment.get("type").asText()).isEqualTo("image");
        assertThat(attachment.get("description").asText()).isEqualTo("a red heart");
        assertThat(attachment.get("pleroma").get("mime_type").asText()).isEqualTo("image/png");
        String url = attachment.get("url").asText();
        assertThat(url).isEqualTo("http://annals.test/media/" + attachment.get("id").asText());
        for (String field : List.of("remote_url", "preview_url", "text_url")) {
            assertThat(attachment.get(field).asText()).isEqualTo(url);
        }
        Http.Response file = http.get("/media/" + attachment.get("id").asText());
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("content-type")).isEqualTo("image/png");
        assertThat(http.get("/media/nope").status()).isEqualTo(404);
    }

    @Test
    void filesThatCouldRunScriptsAreOnlyEverDownloads() {
        User user = user("scripter");
        for (String type : List.of("text/html", "image/svg+xml")) {
            String id = http.postFile("/api/v1/media", "file", "x", type,
                    "<script>alert(1)</script>".getBytes(java.nio.charset.StandardCharsets.UTF_8), List.of(),
                    "Authorization", user.bearer()).json().get("id").asText();
            Http.Response file = http.get("/media/" + id);
            assertThat(file.header("content-type")).as(type).isEqualTo("application/octet-stream");
            assertThat(file.header("content-disposition")).isEqualTo("attachment");
            assertThat(file.header("content-security-policy")).contains("sandbox");
        }
    }

    @Test
    void statusesCarryTheirAuthorsOwnAttachmentsInOrderAndMayHaveNoText() throws Exception {
        User author = user("illustrator");
        User other = user("thief");
        String first = upload(author, null).get("id").asText();
        String second = upload(author, "second").get("id").asText();
        String foreign = upload(other, null).get("id").asText();
        Http.Response posted = http.postForm("/api/v1/statuses", List.of("status", "", "media_ids[]", second,
                "media_ids[]", first, "media_ids[]", foreign, "media_ids[]", "garbage"), "Authorization", author.bearer());
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        assertThat(ids(posted.json().get("media_attachments"))).containsExactly(second, first);
        String statusId = posted.json().get("id").asText();
        assertThat(ids(http.get("/api/v1/statuses/" + statusId).json().get("media_attachments")))
                .containsExactly(second, first);

        JsonNode boost = act(other, "/api/v1/statuses/" + statusId + "/reblog").json();
        assertThat(ids(boost.get("media_attachments"))).containsExactly(second, first);

        String plain = postStatusId(author, "status", "no pictures");
        assertThat(ids(http.get("/api/v1/accounts/" + author.id() + "/statuses?only_media=true")))
                .containsExactly(statusId);
        assertThat(ids(http.get("/api/v1/timelines/public?only_media=true&limit=40"))).contains(statusId)
                .doesNotContain(plain);
        assertThat(ids(http.get("/api/v1/accounts/" + author.id() + "/statuses"))).contains(plain, statusId);

        Http.Response empty = http.postForm("/api/v1/statuses", List.of("status", "", "media_ids[]", foreign),
                "Authorization", author.bearer());
        assertThat(empty.status()).isEqualTo(422);
    }

    @Test
    void anUploadNeedsAFileAndAnAccount() throws Exception {
        User user = user("emptyhanded");
        assertThat(http.postMultipart("/api/v1/media", List.of("description", "x"), "Authorization", user.bearer())
                .status()).isEqualTo(422);
        assertThat(http.postFile("/api/v1/media", "file", "a.png", "image/png", png(), List.of()).status())
                .isEqualTo(403);
    }
}
