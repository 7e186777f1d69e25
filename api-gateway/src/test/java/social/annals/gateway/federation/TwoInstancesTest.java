package social.annals.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import social.annals.gateway.AnnalsApplication;
import social.annals.gateway.support.Http;

/**
 * Two Annals instances, each with its own database and port, federating over http on this machine:
 * their users find each other by {@code @nick@host}, follow each other (a locked account too),
 * post, reply and see it all in timelines, threads and notifications; unfollows, deletions and
 * profile changes reach the other side, and a delivery to an instance that is down arrives once it
 * is back. Favourites, boosts, reactions, their undoing, forwarded reports and blocks reach the other
 * side too.
 */
class TwoInstancesTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String ADMIN_TOKEN = "two-instances-admin";
    private static Instance a;
    private static Instance b;

    private record User(String id, String nickname, String bearer) {
    }

    private static final class Instance {
        final int port = freePort();
        final Path data;
        final String name;
        ConfigurableApplicationContext context;
        Http http;

        Instance(String name) {
            this.name = name;
            this.data = Path.of("target", "two-instances", name + "-" + System.nanoTime());
        }

        void start() {
            context = new SpringApplicationBuilder(AnnalsApplication.class).run(
                    "--server.port=" + port, "--annals.base-url=http://localhost:" + port,
                    "--annals.embedded-db.data-dir=" + data.toAbsolutePath(), "--annals.embedded-db.instance=" + name,
                    "--annals.security.bcrypt-strength=4", "--annals.federation.key-bits=1024",
                    "--annals.federation.allow-private-addresses=true",
                    "--annals.federation.delivery.first-retry-seconds=1",
                    "--annals.rate-limits.exempt=127.0.0.1,0:0:0:0:0:0:0:1", "--annals.node-name=" + name,
                    "--annals.admin-token=" + ADMIN_TOKEN);
            http = new Http(port);
            awaitProcessorsClaimed();
        }

        /**
         * Read-your-writes waits only for read models some node has claimed; just after a first start
         * they are not claimed yet, so the test waits for that, as an operator waits for readiness.
         */
        void awaitProcessorsClaimed() {
            EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long tracking = processing.eventProcessors().values().stream()
                    .filter(processor -> processor instanceof StreamingEventProcessor).count();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (jdbc.queryForObject("SELECT count(DISTINCT processorname) FROM tokenentry", Long.class) < tracking) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("read models of " + name + " not claimed within 30 s");
                }
                sleep(100);
            }
        }

        void stop() {
            if (context != null) {
                context.close();
                context = null;
            }
        }

        String host() {
            return "localhost:" + port;
        }

        User user(String nickname) {
            Http.Response registered = http.postForm("/api/account/register", List.of("nickname", nickname,
                    "email", nickname + "@example.org", "fullname", nickname, "password", PASSWORD, "confirm", PASSWORD));
            assertThat(registered.status()).as(registered.body()).isEqualTo(200);
            JsonNode app = http.postForm("/api/v1/apps", List.of("client_name", "two", "redirect_uris",
                    "urn:ietf:wg:oauth:2.0:oob", "scopes", "read write follow")).json();
            String token = http.postForm("/oauth/token", List.of("grant_type", "password", "client_id",
                    app.get("client_id").asText(), "client_secret", app.get("client_secret").asText(),
                    "username", nickname, "password", PASSWORD)).json().get("access_token").asText();
            return new User(registered.json().get("id").asText(), nickname, Http.bearer(token));
        }
    }

    @BeforeAll
    static void startBoth() {
        a = new Instance("fed-a");
        b = new Instance("fed-b");
        a.start();
        b.start();
    }

    @AfterAll
    static void stopBoth() {
        a.stop();
        b.stop();
    }

    @Test
    void twoInstancesFederate() {
        User alice = a.user("alice");
        User bob = b.user("bob");
        User carol = b.user("carol");
        b.http.patchForm("/api/v1/accounts/update_credentials", List.of("locked", "true"), "Authorization",
                carol.bearer());

        // Found by @nick@host, then followed: bob's server accepts at once.
        JsonNode found = a.http.get("/api/v2/search?resolve=true&q=@bob@" + b.host(), "Authorization", alice.bearer())
                .json().get("accounts");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("acct").asText()).isEqualTo("bob@" + b.host());
        String bobOnA = found.get(0).get("id").asText();
        assertThat(a.http.postForm("/api/v1/accounts/" + bobOnA + "/follow", List.of(), "Authorization",
                alice.bearer()).json().get("requested").asBoolean()).isTrue();
        eventually(() -> relationship(a, alice, bobOnA), rel -> rel.get("following").asBoolean());

        // And back, by lookup.
        JsonNode aliceOnB = b.http.get("/api/v1/accounts/lookup?acct=alice@" + a.host(), "Authorization",
                bob.bearer()).json();
        assertThat(aliceOnB.get("acct").asText()).isEqualTo("alice@" + a.host());
        b.http.postForm("/api/v1/accounts/" + aliceOnB.get("id").asText() + "/follow", List.of(), "Authorization",
                bob.bearer());
        eventually(() -> relationship(b, bob, aliceOnB.get("id").asText()), rel -> rel.get("following").asBoolean());

        // A locked account: a request, until carol accepts it.
        String carolOnA = a.http.get("/api/v1/accounts/lookup?acct=carol@" + b.host(), "Authorization",
                alice.bearer()).json().get("id").asText();
        a.http.postForm("/api/v1/accounts/" + carolOnA + "/follow", List.of(), "Authorization", alice.bearer());
        JsonNode request = eventually(() -> b.http.get("/api/v1/follow_requests", "Authorization", carol.bearer())
                .json(), requests -> requests.size() == 1).get(0);
        assertThat(request.get("acct").asText()).isEqualTo("alice@" + a.host());
        assertThat(relationship(a, alice, carolOnA).get("requested").asBoolean()).isTrue();
        b.http.postForm("/api/v1/follow_requests/" + request.get("id").asText() + "/authorize", List.of(),
                "Authorization", carol.bearer());
        eventually(() -> relationship(a, alice, carolOnA), rel -> rel.get("following").asBoolean());

        // A post reaches the follower's home timeline; a reply threads under it and notifies its author.
        b.http.postForm("/api/v1/statuses", List.of("status", "hello from B", "visibility", "public"),
                "Authorization", bob.bearer());
        JsonNode postOnA = eventually(() -> a.http.get("/api/v1/timelines/home", "Authorization", alice.bearer())
                .json(), home -> home.size() == 1).get(0);
        assertThat(postOnA.get("content").asText()).contains("hello from B");
        assertThat(postOnA.at("/account/acct").asText()).isEqualTo("bob@" + b.host());
        Http.Response reply = a.http.postForm("/api/v1/statuses", List.of("status", "@bob@" + b.host() + " hi Bob",
                "in_reply_to_id", postOnA.get("id").asText()), "Authorization", alice.bearer());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode mention = eventually(() -> b.http.get("/api/v1/notifications", "Authorization", bob.bearer()).json(),
                notes -> notes.findValuesAsText("type").contains("mention")).get(0);
        String bobsPost = mention.at("/status/in_reply_to_id").asText();
        JsonNode thread = b.http.get("/api/v1/statuses/" + bobsPost + "/context", "Authorization", bob.bearer()).json();
        assertThat(thread.get("descendants").get(0).get("content").asText()).contains("hi Bob");
        assertThat(b.http.get("/api/v1/timelines/home", "Authorization", bob.bearer()).json()
                .findValuesAsText("content").toString()).contains("hi Bob");

        // A profile change and a deletion reach the other side, and so does an unfollow.
        b.http.patchForm("/api/v1/accounts/update_credentials", List.of("display_name", "Bob B."), "Authorization",
                bob.bearer());
        eventually(() -> a.http.get("/api/v1/accounts/" + bobOnA, "Authorization", alice.bearer()).json(),
                account -> account.get("display_name").asText().equals("Bob B."));
        String bobsPostId = b.http.get("/api/v1/accounts/" + bob.id() + "/statuses", "Authorization", bob.bearer())
                .json().get(0).get("id").asText();
        b.http.delete("/api/v1/statuses/" + bobsPostId, "Authorization", bob.bearer());
        eventually(() -> a.http.get("/api/v1/timelines/home", "Authorization", alice.bearer()).json(),
                home -> !home.findValuesAsText("content").toString().contains("hello from B"));
        a.http.postForm("/api/v1/accounts/" + bobOnA + "/unfollow", List.of(), "Authorization", alice.bearer());
        eventually(() -> b.http.get("/api/v1/accounts/" + bob.id(), "Authorization", bob.bearer()).json(),
                account -> account.get("followers_count").asInt() == 0);

        // B is down while alice posts; the delivery is retried until B is back.
        b.stop();
        a.http.postForm("/api/v1/statuses", List.of("status", "while you were out", "visibility", "public"),
                "Authorization", alice.bearer());
        sleep(1500);
        b.start();
        eventually(() -> b.http.get("/api/v1/timelines/home", "Authorization", bob.bearer()).json(),
                home -> home.findValuesAsText("content").toString().contains("while you were out"));
    }

    @Test
    void favouritesBoostsReactionsAndBlocksGoBothWays() {
        User dave = a.user("dave");
        User erin = b.user("erin");
        String erinOnA = a.http.get("/api/v1/accounts/lookup?acct=erin@" + b.host(), "Authorization", dave.bearer())
                .json().get("id").asText();
        a.http.postForm("/api/v1/accounts/" + erinOnA + "/follow", List.of(), "Authorization", dave.bearer());
        eventually(() -> relationship(a, dave, erinOnA), rel -> rel.get("following").asBoolean());
        String daveOnB = b.http.get("/api/v1/accounts/lookup?acct=dave@" + a.host(), "Authorization", erin.bearer())
                .json().get("id").asText();
        b.http.postForm("/api/v1/accounts/" + daveOnB + "/follow", List.of(), "Authorization", erin.bearer());
        eventually(() -> relationship(b, erin, daveOnB), rel -> rel.get("following").asBoolean());

        // A to B: dave favourites, boosts and reacts to erin's post; erin sees the counts and is notified.
        String erinsPost = b.http.postForm("/api/v1/statuses", List.of("status", "erin's news", "visibility",
                "public"), "Authorization", erin.bearer()).json().get("id").asText();
        String erinsPostOnA = eventually(() -> a.http.get("/api/v1/timelines/home", "Authorization", dave.bearer())
                .json(), home -> home.findValuesAsText("content").toString().contains("erin's news")).get(0)
                .get("id").asText();
        a.http.postJson("/api/v1/statuses/" + erinsPostOnA + "/favourite", "", "Authorization", dave.bearer());
        a.http.postJson("/api/v1/statuses/" + erinsPostOnA + "/reblog", "", "Authorization", dave.bearer());
        a.http.putJson("/api/v1/pleroma/statuses/" + erinsPostOnA + "/reactions/%F0%9F%94%A5", "", "Authorization",
                dave.bearer());
        JsonNode onB = eventually(() -> b.http.get("/api/v1/statuses/" + erinsPost, "Authorization", erin.bearer())
                .json(), status -> status.get("favourites_count").asInt() == 1 && status.get("reblogs_count").asInt() == 1
                && status.at("/pleroma/emoji_reactions").size() == 1);
        assertThat(onB.at("/pleroma/emoji_reactions/0/name").asText()).isEqualTo("🔥");
        JsonNode notified = eventually(() -> b.http.get("/api/v1/notifications", "Authorization", erin.bearer())
                .json(), notes -> notes.size() >= 4);
        assertThat(notified.findValuesAsText("type")).contains("favourite", "reblog", "pleroma:emoji_reaction");
        assertThat(notified.get(0).at("/account/acct").asText()).isEqualTo("dave@" + a.host());
        a.http.postJson("/api/v1/statuses/" + erinsPostOnA + "/unfavourite", "", "Authorization", dave.bearer());
        a.http.postJson("/api/v1/statuses/" + erinsPostOnA + "/unreblog", "", "Authorization", dave.bearer());
        eventually(() -> b.http.get("/api/v1/statuses/" + erinsPost, "Authorization", erin.bearer()).json(),
                status -> status.get("favourites_count").asInt() == 0 && status.get("reblogs_count").asInt() == 0);

        // B to A: erin favourites, boosts and reacts to dave's post; dave, who turned off notifications
        // from other servers, sees the counts but is not notified.
        a.http.putJson("/api/pleroma/notification_settings", Map.of("remote", false), "Authorization", dave.bearer());
        int daveNotified = a.http.get("/api/v1/notifications", "Authorization", dave.bearer()).json().size();
        String davesPost = a.http.postForm("/api/v1/statuses", List.of("status", "dave's news", "visibility",
                "public"), "Authorization", dave.bearer()).json().get("id").asText();
        String davesPostOnB = eventually(() -> b.http.get("/api/v1/timelines/home", "Authorization", erin.bearer())
                .json(), home -> home.findValuesAsText("content").toString().contains("dave's news")).get(0)
                .get("id").asText();
        b.http.postJson("/api/v1/statuses/" + davesPostOnB + "/favourite", "", "Authorization", erin.bearer());
        b.http.postJson("/api/v1/statuses/" + davesPostOnB + "/reblog", "", "Authorization", erin.bearer());
        b.http.putJson("/api/v1/pleroma/statuses/" + davesPostOnB + "/reactions/%F0%9F%8E%89", "", "Authorization",
                erin.bearer());
        eventually(() -> a.http.get("/api/v1/statuses/" + davesPost, "Authorization", dave.bearer()).json(),
                status -> status.get("favourites_count").asInt() == 1 && status.get("reblogs_count").asInt() == 1
                        && status.at("/pleroma/emoji_reactions/0/name").asText().equals("🎉"));
        // A local favourite after them is notified: by then the remote ones were acted on, and dropped.
        User fay = a.user("fay");
        a.http.postJson("/api/v1/statuses/" + davesPost + "/favourite", "", "Authorization", fay.bearer());
        JsonNode daveNotifications = eventually(() -> a.http.get("/api/v1/notifications", "Authorization", dave.bearer())
                .json(), notes -> notes.size() > daveNotified);
        assertThat(daveNotifications).hasSize(daveNotified + 1);
        assertThat(daveNotifications.get(0).at("/account/acct").asText()).isEqualTo("fay");

        // dave reports erin and asks for it to be forwarded: B's moderators get it from A's instance actor.
        assertThat(a.http.postJson("/api/v1/reports", Map.of("account_id", erinOnA, "status_ids",
                List.of(erinsPostOnA), "comment", "please look", "forward", true), "Authorization", dave.bearer())
                .status()).isEqualTo(200);
        JsonNode forwarded = eventually(() -> b.http.get("/api/pleroma/admin/reports?admin_token=" + ADMIN_TOKEN)
                .json().get("reports"), reports -> reports.findValuesAsText("content").contains("please look"));
        for (JsonNode report : forwarded) {
            if (report.get("content").asText().equals("please look")) {
                assertThat(report.at("/account/id").asText()).isEqualTo(erin.id());
                assertThat(report.get("statuses")).extracting(status -> status.get("id").asText())
                        .containsExactly(erinsPost);
                assertThat(report.at("/actor/acct").asText()).endsWith("@" + a.host());
            }
        }

        // A block on B ends both follows on A too.
        b.http.postJson("/api/v1/accounts/" + daveOnB + "/block", "", "Authorization", erin.bearer());
        JsonNode blocked = eventually(() -> relationship(a, dave, erinOnA),
                rel -> rel.get("blocked_by").asBoolean() && !rel.get("following").asBoolean());
        assertThat(blocked.get("followed_by").asBoolean()).isFalse();
    }

    @Test
    void aRejectedInstanceIsNotHeardAndADeletedAccountDisappearsFromTheOtherInstance() {
        User frank = a.user("frank");
        User gina = b.user("gina");
        String frankOnB = b.http.get("/api/v1/accounts/lookup?acct=frank@" + a.host(), "Authorization", gina.bearer())
                .json().get("id").asText();
        b.http.postForm("/api/v1/accounts/" + frankOnB + "/follow", List.of(), "Authorization", gina.bearer());
        eventually(() -> relationship(b, gina, frankOnB), rel -> rel.get("following").asBoolean());
        String policy = "/api/pleroma/admin/instance_policies/" + a.host() + "?admin_token=" + ADMIN_TOKEN;

        // B's admin rejects A: frank's post is recorded on B as rejected and reaches nobody there.
        assertThat(b.http.putJson(policy, Map.of("policies", List.of("reject"), "reason", "testing")).status())
                .isEqualTo(200);
        a.http.postForm("/api/v1/statuses", List.of("status", "while rejected", "visibility", "public"),
                "Authorization", frank.bearer());
        JsonNode rejected = eventually(() -> b.http.get("/api/pleroma/admin/instance_policies/rejected_activities?host="
                + a.host() + "&admin_token=" + ADMIN_TOKEN).json(), page -> page.get("total").asInt() >= 1);
        assertThat(rejected.at("/items/0/type").asText()).isEqualTo("Create");
        assertThat(rejected.at("/items/0/actor").asText()).isEqualTo("http://" + a.host() + "/users/frank");
        assertThat(b.http.get("/api/v1/timelines/home", "Authorization", gina.bearer()).body())
                .doesNotContain("while rejected");

        // Lifted: frank's next post arrives. gina blocks A's domain: it leaves her timeline until she unblocks.
        b.http.delete(policy);
        a.http.postForm("/api/v1/statuses", List.of("status", "last words", "visibility", "public"),
                "Authorization", frank.bearer());
        eventually(() -> b.http.get("/api/v1/timelines/home", "Authorization", gina.bearer()).json(),
                home -> home.findValuesAsText("content").toString().contains("last words"));
        b.http.postForm("/api/v1/domain_blocks", List.of("domain", "localhost"), "Authorization", gina.bearer());
        assertThat(b.http.get("/api/v1/timelines/home", "Authorization", gina.bearer()).body())
                .doesNotContain("last words");
        assertThat(relationship(b, gina, frankOnB).get("domain_blocking").asBoolean()).isTrue();
        b.http.delete("/api/v1/domain_blocks?domain=localhost", "Authorization", gina.bearer());
        assertThat(b.http.get("/api/v1/timelines/home", "Authorization", gina.bearer()).body())
                .contains("last words");

        // frank deletes his account, and it is gone from B too.
        assertThat(a.http.postForm("/api/pleroma/delete_account", List.of("password", PASSWORD), "Authorization",
                Http.basic("frank", PASSWORD)).status()).isEqualTo(200);
        eventually(() -> relationship(b, gina, frankOnB), rel -> !rel.get("following").asBoolean());
        eventually(() -> b.http.get("/api/v1/timelines/home", "Authorization", gina.bearer()).json(),
                home -> !home.findValuesAsText("content").toString().contains("last words"));
        assertThat(b.http.get("/api/v1/accounts/" + frankOnB, "Authorization", gina.bearer()).json()
                .at("/pleroma/deactivated").asBoolean()).isTrue();
    }

    private static JsonNode relationship(Instance instance, User user, String accountId) {
        return instance.http.get("/api/v1/accounts/relationships?id[]=" + accountId, "Authorization", user.bearer())
                .json().get(0);
    }

    /** Federation is asynchronous: waits up to 30 seconds for the answer to be as expected. */
    private static JsonNode eventually(Supplier<JsonNode> answer, Predicate<JsonNode> expected) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = answer.get();
            if (expected.test(last)) {
                return last;
            }
            sleep(200);
        }
        throw new AssertionError("Not as expected within 30 s: " + last);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
