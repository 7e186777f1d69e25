package social.annals.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import social.annals.command.CommandSideProcessing;
import social.annals.events.account.AccountRegistered;
import social.annals.events.status.StatusPosted;
import social.annals.gateway.consistency.ConsistencyBarrier;
import social.annals.gateway.ops.ReadModelRebuilder;
import social.annals.gateway.support.ApiTest;
import social.annals.gateway.support.Http;
import social.annals.query.account.AccountProjection;
import social.annals.query.status.HomeTimelineProjection;
import social.annals.query.status.StatusProjection;

/** {@code POST /api/pleroma/delete_account} and the deletion process behind it (batches of two in tests). */
class AccountDeletionApiTest extends ApiTest {

    private static final String DELETE = "/api/pleroma/delete_account";
    private static final String VERIFY = "/api/v1/accounts/verify_credentials";

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConsistencyBarrier barrier;
    @Autowired
    ReadModelRebuilder rebuilder;

    @Test
    void anonymousCallersAreRefused() {
        Http.Response refused = http.postForm(DELETE, List.of("password", PASSWORD));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asText()).isEqualTo("Invalid credentials.");
    }

    @Test
    void aWrongMissingOrHugePasswordAnswers200WithAnErrorAndDeletesNothing() {
        User user = user("keeper");
        for (List<String> form : List.of(List.of("password", "hi"), List.<String>of(),
                List.of("password", "x".repeat(20_000)))) {
            Http.Response refused = http.postForm(DELETE, form, "Authorization", Http.basic(user.nickname(), PASSWORD));
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.body()).isEqualTo("{\"error\":\"Invalid password.\"}");
        }
        assertThat(http.get(VERIFY, "Authorization", user.bearer()).status()).isEqualTo(200);
    }

    @Test
    void aDeletedAccountIsRefusedEverywhereSeveredAndItsStatusesAreGoneButItsNicknameStaysTaken() {
        User doomed = user("doomed");
        User follower = user("follower");
        User followed = user("followed");
        User fan = user("fan");
        String cookie = http.get(VERIFY, "Authorization", doomed.bearer()).cookie("pleroma_key");
        act(follower, "/api/v1/accounts/" + doomed.id() + "/follow");
        act(doomed, "/api/v1/accounts/" + followed.id() + "/follow");
        act(fan, "/api/v1/pleroma/accounts/" + doomed.id() + "/subscribe");
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(postStatusId(doomed, "status", "farewell " + i + " " + doomed.nickname()));
        }
        http.patchForm("/api/v1/accounts/update_credentials", List.of("hide_favorites", "false"),
                "Authorization", fan.bearer());
        act(fan, "/api/v1/statuses/" + statuses.get(0) + "/favourite");
        assertThat(ids(http.get("/api/v1/timelines/home", "Authorization", follower.bearer()))).containsAll(statuses);

        Http.Response deleted = http.postForm(DELETE, List.of("password", PASSWORD), "Authorization", doomed.bearer());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{\"status\":\"success\"}");

        // Deactivated at once, before the process has run: every way in is refused.
        assertThat(http.get(VERIFY, "Authorization", doomed.bearer()).status()).isEqualTo(403);
        assertThat(http.get(VERIFY, "Authorization", Http.basic(doomed.nickname(), PASSWORD)).status()).isEqualTo(403);
        assertThat(http.get(VERIFY, "Cookie", "pleroma_key=" + cookie).status()).isEqualTo(403);
        App app = app();
        Http.Response grant = http.postForm("/oauth/token", List.of("grant_type", "password", "client_id",
                app.clientId(), "client_secret", app.clientSecret(), "username", doomed.nickname(), "password", PASSWORD));
        assertThat(grant.status()).isEqualTo(403);

        JsonNode progress = awaitDeletion(doomed);
        assertThat(progress.get("statuses_deleted").asInt()).isEqualTo(5);
        assertThat(progress.get("statuses_remaining").asInt()).isZero();
        assertThat(progress.get("relationships_severed").asInt()).isEqualTo(3);
        assertThat(progress.get("progress").asDouble()).isEqualTo(1.0);
        awaitReadModels(doomed);

        for (String status : statuses) {
            assertThat(http.get("/api/v1/statuses/" + status).status()).isEqualTo(404);
        }
        assertThat(ids(http.get("/api/v1/timelines/home", "Authorization", follower.bearer())))
                .doesNotContainAnyElementsOf(statuses);
        assertThat(ids(http.get("/api/v1/timelines/public?limit=40"))).doesNotContainAnyElementsOf(statuses);
        assertThat(ids(http.get("/api/v1/pleroma/accounts/" + fan.id() + "/favourites"))).isEmpty();
        JsonNode relationship = http.get("/api/v1/accounts/relationships?id=" + doomed.id(),
                "Authorization", follower.bearer()).json().get(0);
        assertThat(relationship.get("following").asBoolean()).isFalse();
        assertThat(http.get("/api/v1/accounts/" + followed.id()).json().get("followers_count").asInt()).isZero();
        assertThat(http.get("/api/v1/accounts/" + fan.id(), "Authorization", fan.bearer()).status()).isEqualTo(200);
        JsonNode profile = http.get("/api/v1/accounts/" + doomed.id()).json();
        assertThat(profile.get("display_name").asText()).isEqualTo(doomed.nickname());
        assertThat(profile.get("pleroma").get("deactivated").asBoolean()).isTrue();

        Http.Response again = http.postForm("/api/account/register", List.of("nickname", doomed.nickname(),
                "email", "new-" + doomed.nickname() + "@example.org", "fullname", "x", "password", PASSWORD,
                "confirm", PASSWORD));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("has already been taken");
    }

    @Test
    void personalDataIsUnreadableInTheEventStoreAndARebuildAnswersAsBefore() {
        User doomed = user("shredme");
        String phrase = "unique-phrase-" + doomed.nickname();
        String media = http.postFile("/api/v1/media", "file", "me.png", "image/png", new byte[] {1, 2, 3}, List.of(),
                "Authorization", doomed.bearer()).json().get("id").asText();
        String status = postStatusId(doomed, "status", "a secret " + phrase, "media_ids[]", media);
        assertThat(http.get("/media/" + media).status()).isEqualTo(200);
        act(doomed, DELETE + "?password=" + java.net.URLEncoder.encode(PASSWORD, java.nio.charset.StandardCharsets.UTF_8));
        awaitDeletion(doomed);
        awaitReadModels(doomed);

        Integer readable = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE "
                        + "position(? in convert_from(payload, 'UTF8')) > 0 OR position(? in convert_from(payload, 'UTF8')) > 0",
                Integer.class, doomed.nickname() + "@example.org", phrase);
        assertThat(readable).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM personal_data_key WHERE subject_id = ? AND key IS NOT NULL",
                Integer.class, doomed.id())).isZero();
        AccountRegistered registered = (AccountRegistered) eventStore.readEvents(doomed.id()).asStream()
                .findFirst().orElseThrow().getPayload();
        assertThat(registered.email()).isNull();
        assertThat(registered.displayName()).isNull();
        StatusPosted posted = (StatusPosted) eventStore.readEvents(status).asStream()
                .findFirst().orElseThrow().getPayload();
        assertThat(posted.text()).isNull();
        assertThat(posted.contentHtml()).isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM status_view WHERE text LIKE ?", Integer.class,
                "%" + phrase + "%")).isZero();
        assertThat(http.get("/media/" + media).status()).isEqualTo(404);

        List<String> before = answersAbout(doomed, status);
        rebuilder.rebuildAll();
        assertThat(answersAbout(doomed, status)).isEqualTo(before);
    }

    @Test
    void theProcessResumesAfterARestartWithoutRepeatingABatch() throws Exception {
        User doomed = user("restarted");
        User friend = user("friend");
        act(friend, "/api/v1/accounts/" + doomed.id() + "/follow");
        for (int i = 0; i < 7; i++) {
            postStatusId(doomed, "status", "post " + i);
        }
        StreamingEventProcessor process = processing.eventProcessor(CommandSideProcessing.ACCOUNT_DELETIONS,
                StreamingEventProcessor.class).orElseThrow();
        process.shutDown();
        try {
            act(doomed, DELETE + "?password=" + java.net.URLEncoder.encode(PASSWORD,
                    java.nio.charset.StandardCharsets.UTF_8));
            assertThat(http.get(VERIFY, "Authorization", doomed.bearer()).status()).isEqualTo(403);
            assertThat(progressOf(doomed).get("state").asText()).isEqualTo("running");
            assertThat(progressOf(doomed).get("statuses_deleted").asInt()).isZero();
            process.start();
            await(() -> progressOf(doomed).get("statuses_deleted").asInt() >= 2);
        } finally {
            process.shutDown();
        }
        int deletedBeforeRestart = progressOf(doomed).get("statuses_deleted").asInt();
        assertThat(deletedBeforeRestart).isBetween(2, 7);
        process.start();
        JsonNode done = awaitDeletion(doomed);
        assertThat(done.get("statuses_deleted").asInt()).isEqualTo(7);
        assertThat(done.get("relationships_severed").asInt()).isEqualTo(1);
    }

    private List<String> answersAbout(User doomed, String status) {
        List<String> answers = new ArrayList<>();
        for (String path : List.of("/api/v1/accounts/" + doomed.id(), "/api/v1/statuses/" + status,
                "/api/v1/accounts/" + doomed.id() + "/statuses", "/api/v1/timelines/public?limit=40",
                "/api/pleroma/admin/users/" + doomed.id() + "/deletion?admin_token=" + ADMIN_TOKEN)) {
            Http.Response response = http.get(path);
            answers.add(response.status() + " " + response.body());
        }
        return answers;
    }

    private JsonNode progressOf(User user) {
        Http.Response response = http.get("/api/pleroma/admin/users/" + user.id() + "/deletion?admin_token="
                + ADMIN_TOKEN);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode awaitDeletion(User user) {
        await(() -> "completed".equals(progressOf(user).get("state").asText()));
        return progressOf(user);
    }

    /** The statuses' read models follow the process's events a little later. */
    private void awaitReadModels(User user) {
        barrier.awaitHead(AccountProjection.GROUP, StatusProjection.GROUP, HomeTimelineProjection.GROUP);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
