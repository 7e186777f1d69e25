package social.annals.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import social.annals.gateway.support.ApiTest;
import social.annals.gateway.support.Http;

class OperationsApiTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void healthcheckReportsLiveDatabaseAndMemoryFigures() {
        Http.Response response = http.get("/api/pleroma/healthcheck");
        assertThat(response.status()).isEqualTo(200);
        JsonNode health = response.json();
        assertThat(health.get("healthy").asBoolean()).isTrue();
        assertThat(health.get("pool_size").asInt()).isPositive();
        assertThat(health.get("active").asInt()).isGreaterThanOrEqualTo(1); // this very query
        assertThat(health.get("idle").isNumber()).isTrue();
        assertThat(health.get("memory_used").asDouble()).isPositive();
    }

    /** Short indexed lookups: planned once, and never with parallel workers, which cost more to start than the query. */
    @Test
    void theServersConnectionsUseGenericPlansWithoutParallelWorkers() {
        assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("force_generic_plan");
        assertThat(jdbc.queryForObject("SHOW max_parallel_workers_per_gather", String.class)).isEqualTo("0");
    }

    @Test
    void livenessAndReadinessProbesAnswer() {
        assertThat(http.get("/actuator/health/liveness").json().get("status").asText()).isEqualTo("UP");
        assertThat(http.get("/actuator/health/readiness").json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void instanceCountsUsersFromTheReadModel() {
        long before = http.get("/api/v1/instance").json().get("stats").get("user_count").asLong();
        register(unique("counted"));
        JsonNode instance = http.get("/api/v1/instance").json();
        assertThat(instance.get("stats").get("user_count").asLong()).isEqualTo(before + 1);
        assertThat(instance.get("max_toot_chars").asInt()).isEqualTo(5000);
        assertThat(instance.get("poll_limits").get("max_options").asInt()).isPositive();
        assertThat(instance.get("registrations").asBoolean()).isTrue();
        assertThat(instance.get("version").asText()).isEqualTo("2.7.2 (compatible; Pleroma 2.7.2+annals-0.1.0)");
        assertThat(instance.get("uri").asText()).isEqualTo("annals.test");
        assertThat(instance.has("approval_required")).isTrue();
        assertThat(instance.get("pleroma").has("vapid_public_key")).isTrue();
    }

    @Test
    void nodeinfoDescribesTheInstanceForWebFrontends() {
        String admin = unique("staff");
        assertThat(commandLine("new", admin, admin + "@example.org", "--password", PASSWORD, "--admin")).isZero();
        JsonNode links = http.get("/.well-known/nodeinfo").json();
        assertThat(links.get("links").get(0).get("href").asText()).isEqualTo("http://annals.test/nodeinfo/2.0.json");
        JsonNode nodeinfo = http.get("/nodeinfo/2.0.json").json();
        assertThat(nodeinfo.get("version").asText()).isEqualTo("2.0");
        assertThat(nodeinfo.get("software").get("name").asText()).isEqualTo("annals");
        assertThat(nodeinfo.get("openRegistrations").asBoolean()).isTrue();
        assertThat(nodeinfo.get("usage").get("users").get("total").asLong()).isPositive();
        JsonNode metadata = nodeinfo.get("metadata");
        assertThat(metadata.get("nodeName").asText()).isEqualTo("Annals");
        assertThat(metadata.get("federation").isObject()).isTrue();
        assertThat(metadata.get("uploadLimits").has("general")).isTrue();
        assertThat(metadata.get("postFormats").isArray()).isTrue();
        assertThat(metadata.get("staffAccounts").toString()).contains("http://annals.test/users/" + admin);
        assertThat(metadata.get("features").toString()).doesNotContain("chat");
        assertThat(http.get("/api/pleroma/frontend_configurations").body()).isEqualTo("{}");
        assertThat(http.get("/api/v1/pleroma/chats").body()).isEqualTo("[]");
        assertThat(http.get("/api/v1/instance/peers").json().isArray()).isTrue();
        assertThat(http.get("/api/v1/domain_blocks/").status()).isEqualTo(403);
    }

    /** Browser clients on other origins (a frontend served elsewhere) read answers and their Link header. */
    @Test
    void anyOriginMayReadAnswersAndTheirLinkHeader() {
        Http.Response response = http.get("/api/v1/timelines/public", "Origin", "https://client.example");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("access-control-allow-origin")).isEqualTo("https://client.example");
        assertThat(response.header("access-control-expose-headers")).contains("Link");
    }

    @Test
    void unknownRoutesAnswerJson() {
        Http.Response response = http.get("/api/v1/nothing/here");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error").asText()).isEqualTo("Not found");
        Http.Response wrongMethod = http.delete("/api/v1/instance");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().has("error")).isTrue();
    }

    @Test
    void requestsTomcatRefusesItselfStillAnswerJson() {
        Http.Response response = http.raw("GET /api/v1/accounts/a%00b HTTP/1.1");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"Bad request\"}");
    }

    @Test
    void rawBracketsInTheQueryStringAreAccepted() {
        String nickname = unique("brackets");
        String id = register(nickname);
        Http.Response response = http.raw("GET /api/v1/accounts/" + id + "?id[]=1&id[]=2 HTTP/1.1");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"acct\":\"" + nickname + "\"");
    }

    @Test
    void trailingSlashesAreTolerated() {
        assertThat(http.get("/api/v1/instance/").status()).isEqualTo(200);
    }

    @Test
    void adminEndpointsAcceptTheAdminTokenAndRefuseOthersInOrder() {
        String nickname = unique("shown");
        String id = register(nickname);
        Http.Response byToken = http.get("/api/pleroma/admin/users/" + nickname + "?admin_token=" + ADMIN_TOKEN);
        assertThat(byToken.status()).isEqualTo(200);
        assertThat(byToken.json().get("id").asText()).isEqualTo(id);
        assertThat(byToken.json().get("roles").get("admin").asBoolean()).isFalse();

        Http.Response anonymous = http.get("/api/pleroma/admin/users/" + nickname);
        assertThat(anonymous.status()).isEqualTo(403);
        assertThat(anonymous.json().get("error").asText()).isEqualTo("Invalid credentials.");
        Http.Response wrongToken = http.get("/api/pleroma/admin/users/" + nickname + "?admin_token=guess");
        assertThat(wrongToken.status()).isEqualTo(403);
        Http.Response notAdmin = http.get("/api/pleroma/admin/users/" + nickname,
                "Authorization", Http.basic(nickname, PASSWORD));
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(notAdmin.json().get("error").asText()).isEqualTo("User is not admin.");

        Http.Response unknown = http.get("/api/pleroma/admin/users/nobody-at-all?admin_token=" + ADMIN_TOKEN);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("\"Not found\"");
    }

    @Test
    void theCommandLineCreatesAnAdminWhoCanUseTheAdminApi() {
        String nickname = unique("boss");
        int exit = commandLine("new", nickname, nickname + "@example.org", "--password",
                PASSWORD, "--admin");
        assertThat(exit).isZero();

        Http.Response shown = http.get("/api/pleroma/admin/users/" + nickname,
                "Authorization", Http.basic(nickname, PASSWORD));
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.json().get("roles").get("admin").asBoolean()).isTrue();

        String readOnly = passwordGrant(app("read"), nickname, null).get("access_token").asText();
        Http.Response underScoped = http.get("/api/pleroma/admin/users/" + nickname,
                "Authorization", Http.bearer(readOnly));
        assertThat(underScoped.status()).isEqualTo(403);
        assertThat(underScoped.json().get("error").asText()).isEqualTo("Insufficient permissions: write.");
    }

    @Test
    void theCommandLineRefusesATakenNickname() {
        String nickname = unique("dupe");
        register(nickname);
        assertThat(commandLine("new", nickname, unique("x") + "@example.org")).isEqualTo(1);
        assertThat(commandLine("old")).isEqualTo(2);
    }

    @Test
    void appsRegisteredWithoutScopesGetRead() {
        Http.Response response = http.postForm("/api/v1/apps",
                List.of("client_name", "x", "redirect_uris", "urn:ietf:wg:oauth:2.0:oob"));
        String clientId = response.json().get("client_id").asText();
        String secret = response.json().get("client_secret").asText();
        Http.Response token = http.postForm("/oauth/token", List.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret));
        assertThat(token.json().get("scope").asText()).isEqualTo("read");
    }
}
