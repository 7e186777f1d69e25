package social.annals.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import social.annals.gateway.support.ApiTest;
import social.annals.gateway.support.Http;

/** Reports by users ({@code POST /api/v1/reports}) and their handling in the admin API. */
class ReportsApiTest extends ApiTest {

    private static final String REPORTS = "/api/pleroma/admin/reports";

    private Http.Response report(User reporter, Object body) {
        return http.postJson("/api/v1/reports", body, "Authorization", reporter.bearer());
    }

    @Test
    void aReportNeedsAnExistingAccountAndAShortComment() {
        User reporter = user("reporter");
        User reported = user("reported");
        Http.Response missing = report(reporter, Map.of("comment", "x"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error").asText()).isEqualTo("Valid `account_id` required");
        assertThat(report(reporter, Map.of("account_id", "nope")).json().get("error").asText())
                .isEqualTo("Account not found");
        Http.Response tooLong = report(reporter, Map.of("account_id", reported.id(), "comment", "x".repeat(1001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("error").asText()).isEqualTo("Comment must be up to 1000 characters");
        assertThat(report(reporter, Map.of("account_id", reported.id(), "comment", "x".repeat(1000))).status())
                .isEqualTo(200);
        assertThat(http.postJson("/api/v1/reports", Map.of("account_id", reported.id())).status()).isEqualTo(403);
    }

    @Test
    void moderatorsSeeChangeAndAnswerReportsAndEachActionIsLogged() {
        String admin = unique("judge");
        assertThat(commandLine("new", admin, admin + "@example.org", "--password", PASSWORD, "--admin")).isZero();
        String auth = Http.basic(admin, PASSWORD);
        User reporter = user("snitch");
        User reported = user("troll");
        User bystander = user("bystander");
        String bad = postStatusId(reported, "status", "something <b>bad</b>", "visibility", "private");
        String other = postStatusId(bystander, "status", "unrelated");

        Http.Response filed = report(reporter, Map.of("account_id", reported.id(), "status_ids", List.of(bad, other),
                "comment", "please <look>"));
        assertThat(filed.status()).isEqualTo(200);
        assertThat(filed.json().get("action_taken").asBoolean()).isFalse();
        String id = filed.json().get("id").asText();

        JsonNode shown = http.get(REPORTS + "/" + id, "Authorization", auth).json();
        assertThat(shown.get("state").asText()).isEqualTo("open");
        assertThat(shown.get("content").asText()).isEqualTo("please &lt;look&gt;");
        assertThat(shown.get("account").get("nickname").asText()).isEqualTo(reported.nickname());
        assertThat(shown.get("account").get("acct").asText()).isEqualTo(reported.nickname());
        assertThat(shown.get("actor").get("id").asText()).isEqualTo(reporter.id());
        assertThat(ids(shown.get("statuses"))).containsExactly(bad);
        assertThat(shown.get("created_at").asText()).endsWith("Z");

        assertThat(ids(http.get(REPORTS + "?state=open", "Authorization", auth).json().get("reports"))).contains(id);
        assertThat(http.get(REPORTS + "?state=nonsense", "Authorization", auth).body()).isEqualTo("{\"reports\":[]}");
        assertThat(http.get(REPORTS + "/test", "Authorization", auth).body()).isEqualTo("\"Not found\"");
        assertThat(http.get(REPORTS + "/" + bad, "Authorization", auth).status()).isEqualTo(404);

        Http.Response resolved = http.putJson(REPORTS + "/" + id, Map.of("state", "resolved"), "Authorization", auth);
        assertThat(resolved.json().get("state").asText()).isEqualTo("resolved");
        Http.Response unsupported = http.putJson(REPORTS + "/" + id, Map.of("state", "lost"), "Authorization", auth);
        assertThat(unsupported.status()).isEqualTo(400);
        assertThat(unsupported.body()).isEqualTo("\"Unsupported state\"");
        assertThat(ids(http.get(REPORTS + "?state=open", "Authorization", auth).json().get("reports")))
                .doesNotContain(id);

        Http.Response noText = http.postJson(REPORTS + "/" + id + "/respond", Map.of(), "Authorization", auth);
        assertThat(noText.body()).isEqualTo("\"Invalid parameters\"");
        Http.Response answer = http.postJson(REPORTS + "/" + id + "/respond", Map.of("status", "thanks, handled"),
                "Authorization", auth);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("visibility").asText()).isEqualTo("direct");
        assertThat(answer.json().get("mentions").get(0).get("id").asText()).isEqualTo(reporter.id());
        assertThat(http.get("/api/v1/statuses/" + answer.json().get("id").asText(), "Authorization",
                reporter.bearer()).status()).isEqualTo(200);

        JsonNode log = http.get("/api/pleroma/admin/moderation_log?subject_id=" + reported.id(), "Authorization", auth)
                .json();
        assertThat(log.get(0).get("message").asText())
                .isEqualTo("@" + admin + " responded with 'thanks, handled' to report #" + id);
        assertThat(log.get(1).get("message").asText())
                .isEqualTo("@" + admin + " updated report #" + id + " with 'resolved' state");
        assertThat(log.get(1).get("data").get("subject").toString())
                .isEqualTo("{\"type\":\"report\",\"id\":\"" + id + "\",\"state\":\"resolved\"}");
    }
}
