package social.annals.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import social.annals.gateway.consistency.ConsistencyBarrier;
import social.annals.gateway.support.ApiTest;
import social.annals.gateway.support.Http;
import social.annals.gateway.support.NiceValues;
import social.annals.query.emoji.EmojiProjection;
import social.annals.query.moderation.ModerationLogProjection;

/** The read models' states, their rebuild over HTTP, and their metrics. */
class ProjectionsApiTest extends ApiTest {

    private static final String PROJECTIONS = "/api/pleroma/admin/projections";

    @Autowired
    ConsistencyBarrier barrier;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReadModelRebuilder rebuilder;

    @Test
    void everyReadModelIsListedWithItsPositionAgainstTheHead() {
        JsonNode list = http.get(PROJECTIONS + "?admin_token=" + ADMIN_TOKEN).json();
        List<String> names = new ArrayList<>();
        for (JsonNode projection : list) {
            names.add(projection.get("name").asText());
            assertThat(projection.get("state").asText()).isIn("live", "rebuilding");
            assertThat(projection.get("lag").asLong()).isEqualTo(
                    Math.max(0, projection.get("head").asLong() - projection.get("position").asLong()));
        }
        assertThat(names).contains("accounts", "auth", "statuses", "home-timelines", "notifications",
                "moderation-log", "emoji", "invites", "reports").doesNotContain("policy-notifications");
    }

    @Test
    void onlyAdminsSeeOrRebuildAndAnUnknownNameIsNotFound() {
        User user = user("curious");
        assertThat(http.get(PROJECTIONS, "Authorization", user.bearer()).status()).isEqualTo(403);
        assertThat(http.postJson(PROJECTIONS + "/rebuild", Map.of("name", "emoji"), "Authorization", user.bearer())
                .status()).isEqualTo(403);
        Http.Response unknown = http.postJson(PROJECTIONS + "/rebuild?admin_token=" + ADMIN_TOKEN,
                Map.of("name", "nonsense"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(http.postJson(PROJECTIONS + "/rebuild?admin_token=" + ADMIN_TOKEN,
                Map.of("name", "policy-notifications")).status()).isEqualTo(404);
        // A name given but empty or malformed is not taken for "every read model".
        for (Object name : List.of("", " ", Map.of(), List.of("emoji", "statuses"))) {
            Http.Response refused = http.postJson(PROJECTIONS + "/rebuild?admin_token=" + ADMIN_TOKEN,
                    Map.of("name", name));
            assertThat(refused.status()).as("name %s", name).isEqualTo(404);
            assertThat(refused.json().get("error").asText()).startsWith("No read model named");
        }
        assertThat(http.postForm(PROJECTIONS + "/rebuild?admin_token=" + ADMIN_TOKEN, List.of("name", ""))
                .status()).isEqualTo(404);
    }

    @Test
    void aRebuildAnswers202WithWhatItStartedAndIsInTheModerationLog() {
        String before = http.get("/api/pleroma/emoji").body();
        Http.Response started = http.postJson(PROJECTIONS + "/rebuild?admin_token=" + ADMIN_TOKEN,
                Map.of("name", "emoji"));
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().size()).isEqualTo(1);
        assertThat(started.json().get(0).get("name").asText()).isEqualTo("emoji");
        barrier.awaitHead(EmojiProjection.GROUP, ModerationLogProjection.GROUP);
        assertThat(http.get("/api/pleroma/emoji").body()).isEqualTo(before);
        JsonNode emoji = http.get(PROJECTIONS + "?admin_token=" + ADMIN_TOKEN).json().findParents("name").stream()
                .filter(node -> node.get("name").asText().equals("emoji")).findFirst().orElseThrow();
        assertThat(emoji.get("state").asText()).isEqualTo("live");
        JsonNode log = http.get("/api/pleroma/admin/moderation_log?action=rebuild&admin_token=" + ADMIN_TOKEN).json();
        assertThat(log.get(0).get("message").asText()).isEqualTo("@admin_token rebuilt read models: emoji");
    }

    /** The accounts read model may be the one rebuilding: the audit entry still names who asked. */
    @Test
    void aRebuildsAuditEntryNamesItsActorWithoutTheAccountsReadModel() {
        String admin = unique("rebuilder");
        assertThat(commandLine("new", admin, admin + "@example.org", "--password", PASSWORD, "--admin")).isZero();
        jdbc.update("DELETE FROM account_view WHERE nickname_key = ?", admin.toLowerCase(java.util.Locale.ROOT));

        Http.Response started = http.postJson(PROJECTIONS + "/rebuild", Map.of("name", "emoji"),
                "Authorization", Http.basic(admin, PASSWORD));
        assertThat(started.status()).isEqualTo(202);
        barrier.awaitHead(EmojiProjection.GROUP, ModerationLogProjection.GROUP);
        JsonNode log = http.get("/api/pleroma/admin/moderation_log?action=rebuild&admin_token=" + ADMIN_TOKEN).json();
        assertThat(log.get(0).get("message").asText()).isEqualTo("@" + admin + " rebuilt read models: emoji");
    }

    @Test
    void aFullRebuildKeepsWhatIsWrittenWhileItRunsAndEndsWithEveryReadModelLive() {
        User author = user("rebuilt");
        String before = postStatusId(author, "status", "before the rebuild");
        Http.Response started = http.postJson(PROJECTIONS + "/rebuild?admin_token=" + ADMIN_TOKEN, Map.of());
        assertThat(started.status()).isEqualTo(202);
        String during = postStatusId(author, "status", "while it runs");

        eventually(() -> http.get(PROJECTIONS + "?admin_token=" + ADMIN_TOKEN).json().findValuesAsText("state"),
                states -> states.stream().allMatch("live"::equals), "every read model live again");
        JsonNode statuses = eventually(() -> http.get("/api/v1/accounts/" + author.id() + "/statuses").json(),
                list -> list.size() == 2, "both statuses listed");
        assertThat(ids(statuses)).containsExactly(during, before);
        String after = postStatusId(author, "status", "after it");
        eventually(() -> ids(http.get("/api/v1/accounts/" + author.id() + "/statuses").json()),
                list -> list.size() == 3 && list.get(0).equals(after), "the processors going on after the rebuild");
    }

    @Test
    void theCommandSidesReadModelsRebuildBesideTheLiveOnesAndKeepWhatIsWrittenMeanwhile() {
        User follower = user("steady");
        User followed = user("followed");
        act(follower, "/api/v1/accounts/" + followed.id() + "/follow");
        List<String> indexes = jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' "
                + "AND tablename IN ('relationship_view', 'account_lookup', 'auth_credential') ORDER BY 1", String.class);

        for (String name : List.of("auth", "relationships", "command-lookups")) {
            assertThat(http.postJson(PROJECTIONS + "/rebuild?admin_token=" + ADMIN_TOKEN, Map.of("name", name))
                    .status()).isEqualTo(202);
        }
        User newcomer = user("newcomer");
        act(newcomer, "/api/v1/accounts/" + followed.id() + "/follow");

        eventually(() -> http.get(PROJECTIONS + "?admin_token=" + ADMIN_TOKEN).json().findValuesAsText("state"),
                states -> states.stream().allMatch("live"::equals), "every read model live again");
        for (User user : List.of(follower, newcomer)) {
            assertThat(http.get("/api/v1/accounts/relationships?id=" + followed.id(), "Authorization", user.bearer())
                    .json().get(0).get("following").asBoolean()).isTrue();
        }
        assertThat(tokenFor(newcomer.nickname())).isNotBlank();
        assertThat(http.postForm("/api/account/register", List.of("nickname", newcomer.nickname(),
                "email", unique("other") + "@example.org", "password", PASSWORD, "confirm", PASSWORD)).body())
                .contains("has already been taken");
        assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' "
                + "AND tablename IN ('relationship_view', 'account_lookup', 'auth_credential') ORDER BY 1", String.class))
                .isEqualTo(indexes);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'annals_rebuild_%'",
                Integer.class)).isZero();
    }

    @Test
    void aRebuildOfReadModelsAnotherNodeHoldsIsRefusedAndChangesNothing() {
        String before = http.get("/api/pleroma/emoji").body();
        int rebuildsLogged = rebuildsLogged();
        StreamingEventProcessor emoji = processing.eventProcessor(EmojiProjection.GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        emoji.shutDown();
        jdbc.update("UPDATE tokenentry SET owner = 'another-node', timestamp = ? WHERE processorname = ?",
                Instant.now().toString(), EmojiProjection.GROUP);
        try {
            Http.Response refused = http.postJson(PROJECTIONS + "/rebuild?admin_token=" + ADMIN_TOKEN,
                    Map.of("name", "emoji"));

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("error").asText()).contains("another node holds its segments");
            assertThat(http.get("/api/pleroma/emoji").body()).isEqualTo(before);
            assertThat(rebuildsLogged()).isEqualTo(rebuildsLogged);
        } finally {
            jdbc.update("UPDATE tokenentry SET owner = NULL WHERE processorname = ?", EmojiProjection.GROUP);
            emoji.start();
        }
    }

    /** Every rebuild is audited: one whose record fails starts neither the streaming nor the copied replays. */
    @Test
    void aRebuildThatCannotBeRecordedDoesNotStartAndChangesNothing() {
        String emoji = http.get("/api/pleroma/emoji").body();
        assertThat(emoji).isNotEqualTo("{}");
        StreamingEventProcessor processor = processing.eventProcessor(EmojiProjection.GROUP,
                StreamingEventProcessor.class).orElseThrow();

        assertThatThrownBy(() -> rebuilder.start(List.of(EmojiProjection.GROUP, "relationships"), () -> {
            throw new IllegalStateException("the moderation log cannot be written");
        })).hasMessageContaining("moderation log");

        assertThat(processor.isRunning()).isTrue();
        assertThat(http.get("/api/pleroma/emoji").body()).isEqualTo(emoji);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM read_model_replay", Integer.class)).isZero();
        assertThat(http.get(PROJECTIONS + "?admin_token=" + ADMIN_TOKEN).json().findValuesAsText("state"))
                .containsOnly("live");
    }

    /** The replay into copies is another node's: this one reports it and does not start a second. */
    @Test
    void aReplayIntoCopiesOnAnotherNodeIsReportedAndNotStartedTwice() {
        int rebuildsLogged = rebuildsLogged();
        long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        jdbc.update("INSERT INTO read_model_replay (processor_name, position, reset_position, updated_at) "
                + "VALUES ('relationships', ?, ?, now())", head / 2, head);
        try {
            JsonNode relationships = http.get(PROJECTIONS + "?admin_token=" + ADMIN_TOKEN).json().findParents("name")
                    .stream().filter(node -> node.get("name").asText().equals("relationships")).findFirst()
                    .orElseThrow();
            assertThat(relationships.get("state").asText()).isEqualTo("rebuilding");
            assertThat(relationships.get("position").asLong()).isEqualTo(head / 2);
            assertThat(relationships.get("progress").asDouble()).isBetween(0.4, 0.6);

            Http.Response refused = http.postJson(PROJECTIONS + "/rebuild?admin_token=" + ADMIN_TOKEN,
                    Map.of("name", "relationships"));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(rebuildsLogged()).isEqualTo(rebuildsLogged);

            // A node that stopped half way: its replay no longer counts once it has not moved for a while.
            jdbc.update("UPDATE read_model_replay SET updated_at = now() - interval '1 hour'");
            assertThat(http.get(PROJECTIONS + "?admin_token=" + ADMIN_TOKEN).json().findParents("name").stream()
                    .filter(node -> node.get("name").asText().equals("relationships")).findFirst().orElseThrow()
                    .get("state").asText()).isEqualTo("live");
        } finally {
            jdbc.update("DELETE FROM read_model_replay");
        }
    }

    private int rebuildsLogged() {
        barrier.awaitHead(ModerationLogProjection.GROUP);
        return http.get("/api/pleroma/admin/moderation_log?action=rebuild&page_size=500&admin_token=" + ADMIN_TOKEN)
                .json().size();
    }

    /** Tests run without the Prometheus registry; the same meters are on /actuator/prometheus in a server. */
    @Test
    void lagAndProgressAreMetrics() {
        JsonNode lag = http.get("/actuator/metrics/annals.projection.lag.events?tag=projection:statuses").json();
        assertThat(lag.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(0);
        JsonNode progress = http.get("/actuator/metrics/annals.projection.rebuild.progress?tag=projection:accounts")
                .json();
        assertThat(progress.get("measurements").get(0).get("value").asDouble()).isBetween(0.0, 1.0);
        assertThat(http.get("/actuator/metrics/annals.projection.rebuilding?tag=projection:notifications").status())
                .isEqualTo(200);
    }

    @Test
    void backgroundThreadsRunBelowTheRequestsCpuPriority() throws IOException {
        assumeTrue(NiceValues.available(), "Linux only");
        int requests = NiceValues.ofCurrentThread();
        Map<String, Integer> background = new java.util.TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String name = Files.readString(task.resolve("comm")).strip();
                if (name.startsWith("EventProcessor[") || name.startsWith("EmbeddedEventSt")
                        || name.startsWith("delivery-")) {
                    background.put(name + " " + task.getFileName(), NiceValues.of(task));
                }
            }
        }

        assertThat(background).isNotEmpty().allSatisfy((thread, nice) -> assertThat(nice).as(thread)
                .isEqualTo(Math.min(19, requests + 10)));
    }
}
