package social.annals.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import social.annals.gateway.support.ApiTest;
import social.annals.gateway.support.Http;

/** What an attacker sends: enormous values, broken encodings, bodies where none belong. */
class HostileInputApiTest extends ApiTest {

    private static final String HUGE_ID = "1".repeat(150_000);

    @Test
    void hugeIdsAreRefusedWithoutBeingDecoded() {
        User reporter = user("reporter");
        User reported = user("reported");
        Http.Response unknownAccount = http.postForm("/api/v1/reports", List.of("account_id", HUGE_ID),
                "Authorization", reporter.bearer());
        assertThat(unknownAccount.status()).isEqualTo(400);
        assertThat(unknownAccount.json().get("error").asText()).isEqualTo("Account not found");

        Http.Response hugeStatusIds = http.postForm("/api/v1/reports",
                List.of("account_id", reported.id(), "status_ids[]", HUGE_ID, "status_ids[]", HUGE_ID + "2"),
                "Authorization", reporter.bearer());
        assertThat(hugeStatusIds.status()).as(hugeStatusIds.body()).isEqualTo(200);

        Http.Response page = http.postForm("/api/v1/pleroma/notifications/read", List.of("max_id", HUGE_ID),
                "Authorization", reporter.bearer());
        assertThat(page.status()).isEqualTo(400);
    }

    @Test
    void theBodyOfAGetIsNeitherReadNorParsed() {
        Http.Response malformed = http.send("GET", "/api/v1/timelines/public", "application/json", "{not json");
        assertThat(malformed.status()).isEqualTo(200);
        Http.Response cursor = http.send("GET", "/api/v1/timelines/public", "application/json",
                "{\"max_id\": \"" + HUGE_ID + "\", \"limit\": \"1\"}");
        assertThat(cursor.status()).isEqualTo(200);
        assertThat(cursor.json().size()).isNotEqualTo(1).isEqualTo(http.get("/api/v1/timelines/public").json().size());
        Http.Response multipart = http.send("GET", "/api/v1/timelines/public", "multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"limit\"\r\n\r\n1\r\n--x--\r\n");
        assertThat(multipart.status()).isEqualTo(200);
    }

    @Test
    void aBrokenPercentEncodingInAFormBodyIsABadRequest() {
        User user = user("encoder");
        for (List<String> call : List.of(List.of("POST", "/api/v1/statuses"),
                List.of("PATCH", "/api/v1/accounts/update_credentials"),
                List.of("PUT", "/api/pleroma/notification_settings"),
                List.of("DELETE", "/api/v1/notifications/destroy_multiple"))) {
            Http.Response response = http.send(call.get(0), call.get(1), "application/x-www-form-urlencoded", "a=%",
                    "Authorization", user.bearer());
            assertThat(response.status()).as(call + " " + response.body()).isEqualTo(400);
            assertThat(response.json().get("error").asText()).isEqualTo("Malformed request body");
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void anAcceptOfNoJsonIsAnsweredNotAcceptableInJsonWithoutAStackTrace(CapturedOutput output) {
        User user = user("picky");
        for (String path : List.of("/api/v1/timelines/public", "/api/v1/accounts/verify_credentials")) {
            Http.Response response = http.get(path, "Accept", "image/png", "Authorization", user.bearer());
            assertThat(response.status()).as(path).isEqualTo(406);
            assertThat(response.json().get("error").asText()).isEqualTo("Not acceptable");
        }
        Http.Response missing = http.get("/api/v1/statuses/nonexistent", "Accept", "image/png");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").asText()).isEqualTo("Record not found");
        assertThat(output.getAll()).doesNotContain("HttpMediaTypeNotAcceptableException").doesNotContain("\tat ");
    }

    @Test
    void namesAndContentWarningsNeverCarryMarkupToClients() {
        String nickname = unique("marked");
        Http.Response registered = http.postForm("/api/account/register", List.of("nickname", nickname,
                "email", nickname + "@example.org", "fullname", "<b>Bold</b> & <i>brave", "password", PASSWORD,
                "confirm", PASSWORD));
        assertThat(registered.json().get("name").asText()).isEqualTo("Bold & brave");
        assertThat(registered.json().get("name_html").asText()).isEqualTo("Bold &amp; brave");
        User user = new User(registered.json().get("id").asText(), nickname, Http.bearer(tokenFor(nickname)));

        http.patchForm("/api/v1/accounts/update_credentials",
                List.of("display_name", "<script>alert(1)</script>Eve<img src=x onerror=alert(2)"),
                "Authorization", user.bearer());
        assertThat(http.get("/api/v1/accounts/" + user.id()).json().get("display_name").asText())
                .isEqualTo("alert(1)Eve");
        assertThat(http.get("/api/pleroma/admin/users?query=" + nickname + "&admin_token=" + ADMIN_TOKEN).json()
                .get("users").get(0).get("display_name").asText()).isEqualTo("alert(1)Eve");
        http.patchForm("/api/v1/accounts/update_credentials", List.of("display_name", "<br>"),
                "Authorization", user.bearer());
        assertThat(http.get("/api/v1/accounts/" + user.id()).json().get("display_name").asText()).isEqualTo(nickname);

        String id = postStatusId(user, "status", "behind a warning", "spoiler_text", "<img src=x onerror=alert(3)>CW");
        com.fasterxml.jackson.databind.JsonNode status = http.get("/api/v1/statuses/" + id).json();
        assertThat(status.get("spoiler_text").asText()).isEqualTo("CW");
        assertThat(status.get("pleroma").get("spoiler_text").get("text/plain").asText()).isEqualTo("CW");
    }

    @Test
    void linksEndBeforeTheSentencesPunctuation() {
        User user = user("linker");
        String id = postStatusId(user, "status", "See https://example.org/page. Or (https://example.org/x), "
                + "or https://en.wikipedia.org/wiki/Foo_(bar)! Really?");
        String content = http.get("/api/v1/statuses/" + id).json().get("content").asText();
        assertThat(content)
                .contains("<a href=\"https://example.org/page\" rel=\"ugc\">https://example.org/page</a>. Or (")
                .contains("<a href=\"https://example.org/x\" rel=\"ugc\">https://example.org/x</a>), or")
                .contains(">https://en.wikipedia.org/wiki/Foo_(bar)</a>! Really?");
    }
}
