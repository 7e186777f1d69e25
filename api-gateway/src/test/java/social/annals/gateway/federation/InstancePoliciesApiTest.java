package social.annals.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import social.annals.gateway.federation.signature.PemKeys;
import social.annals.gateway.support.FakeRemoteServer;
import social.annals.gateway.support.FederationApiTest;

/** Pleroma's SimplePolicy as instance policies: set by an admin, logged, and applied to what servers send. */
class InstancePoliciesApiTest extends FederationApiTest {

    private static final String POLICIES = "/api/pleroma/admin/instance_policies";

    private final List<FakeRemoteServer> servers = new ArrayList<>();

    @AfterEach
    void liftEveryPolicy() {
        JsonNode all = http.get(POLICIES + "?admin_token=" + ADMIN_TOKEN).json();
        all.fields().forEachRemaining(policy -> policy.getValue().forEach(entry ->
                http.delete(POLICIES + "/" + entry.get("host").asText() + "?admin_token=" + ADMIN_TOKEN)));
        servers.forEach(FakeRemoteServer::close);
    }

    private FakeRemoteServer server() {
        FakeRemoteServer server = new FakeRemoteServer();
        servers.add(server);
        return server;
    }

    private JsonNode setPolicies(String host, String reason, String... policies) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("policies", List.of(policies));
        if (reason != null) {
            body.put("reason", reason);
        }
        var response = http.putJson(POLICIES + "/" + host + "?admin_token=" + ADMIN_TOKEN, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode rejected(String host) {
        return http.get(POLICIES + "/rejected_activities?host=" + host + "&admin_token=" + ADMIN_TOKEN).json();
    }

    /** A public note of the author that mentions the user, so that it is kept here. */
    private Map<String, Object> mentioning(FakeRemoteServer.Actor author, User user, Map<String, Object> extra) {
        Map<String, Object> fields = new LinkedHashMap<>(Map.of("cc", List.of(actorUrl(user)),
                "tag", List.of(Map.of("type", "Mention", "href", actorUrl(user), "name", "@" + user.nickname()))));
        fields.putAll(extra);
        return note(author, noteId(author), "<p>hello @" + user.nickname() + "</p>", fields);
    }

    private JsonNode mentionOf(User user) {
        JsonNode mentions = http.get("/api/v1/notifications?types[]=mention", "Authorization", user.bearer()).json();
        return mentions.isEmpty() ? null : mentions.get(0).get("status");
    }

    @Test
    void aRejectedServerIsHeardFromNoMoreItsActivitiesAreRecordedAsRejectedAndNothingIsSentToIt() {
        FakeRemoteServer spam = server();
        User lain = user("policy");
        FakeRemoteServer.Actor mallory = spam.actor(unique("mallory"));
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        followedBy(mallory, lain);
        followedBy(alice, lain);
        String post = postStatusId(lain, "status", "before", "visibility", "public");

        JsonNode set = setPolicies(spam.host(), "spam", "reject");
        assertThat(set.get("policies")).extracting(JsonNode::asText).containsExactly("reject");
        assertThat(set.get("reason").asText()).isEqualTo("spam");

        Map<String, Object> like = activity(mallory, "Like", "http://annals.test/objects/" + post);
        Map<String, Object> note = mentioning(mallory, lain, Map.of());
        assertThat(deliver(spam, mallory, sharedInbox(), like)).isEqualTo(202);
        assertThat(deliver(spam, mallory, sharedInbox(), Map.of("id", note.get("id") + "/activity", "type", "Create",
                "actor", mallory.id(), "object", note))).isEqualTo(202);
        assertThat(deliver(spam, mallory, sharedInbox(), like)).isEqualTo(202);
        assertThat(http.get("/api/v1/statuses/" + post, "Authorization", lain.bearer()).json()
                .get("favourites_count").asInt()).isZero();
        assertThat(mentionOf(lain)).isNull();
        JsonNode stopped = rejected(spam.host());
        assertThat(stopped.get("total").asInt()).isEqualTo(2);
        assertThat(stopped.get("items")).extracting(item -> item.get("type").asText())
                .containsExactly("Create", "Like");
        assertThat(stopped.get("items").get(1).get("activity_id").asText()).isEqualTo(like.get("id"));
        assertThat(stopped.get("items").get(1).get("actor").asText()).isEqualTo(mallory.id());
        assertThat(stopped.get("items").get(1).get("policy").asText()).isEqualTo("reject");

        String after = "/objects/" + postStatusId(lain, "status", "after", "visibility", "public");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (REMOTE.deliveries().stream().noneMatch(d -> d.activity().toString().contains(after))
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(REMOTE.deliveries()).anyMatch(d -> d.activity().toString().contains(after));
        assertThat(spam.deliveries()).noneMatch(d -> d.activity().toString().contains(after));

        JsonNode log = http.get("/api/pleroma/admin/moderation_log?admin_token=" + ADMIN_TOKEN).json();
        assertThat(log).extracting(entry -> entry.get("message").asText())
                .contains("@admin_token applied reject to instance " + spam.host() + ", reason: 'spam'");

        http.delete(POLICIES + "/" + spam.host() + "?admin_token=" + ADMIN_TOKEN);
        assertThat(deliver(spam, mallory, sharedInbox(), activity(mallory, "Like", "http://annals.test/objects/" + post)))
                .isEqualTo(202);
        assertThat(http.get("/api/v1/statuses/" + post, "Authorization", lain.bearer()).json()
                .get("favourites_count").asInt()).isEqualTo(1);
        log = http.get("/api/pleroma/admin/moderation_log?admin_token=" + ADMIN_TOKEN).json();
        assertThat(log.get(0).get("message").asText())
                .isEqualTo("@admin_token lifted reject from instance " + spam.host());
    }

    @Test
    void contentPoliciesShapeWhatIsKeptOfAServersPostsProfilesAndReports() {
        FakeRemoteServer unlisted = server();
        FakeRemoteServer nsfw = server();
        setPolicies(unlisted.host(), null, "media_removal", "federated_timeline_removal", "avatar_removal",
                "banner_removal", "report_removal");
        setPolicies(nsfw.host(), "lewd", "media_nsfw", "followers_only");
        User lain = user("policy");
        Map<String, Object> picture = Map.of("attachment", List.of(Map.of("type", "Document",
                "mediaType", "image/png", "url", "http://elsewhere.example/cat.png", "name", "a cat")));

        Map<String, Object> banner = Map.of("image", Map.of("type", "Image", "url", unlisted.base() + "/banner.png"));
        FakeRemoteServer.Actor bob = unlisted.actor(unique("bob"), PemKeys.generateRsa(), banner);
        assertThat(deliver(unlisted, bob, sharedInbox(), Map.of("id", unique("http://x/a"), "type", "Create",
                "actor", bob.id(), "object", mentioning(bob, lain, picture)))).isNotEqualTo(401);
        JsonNode fromUnlisted = mentionOf(lain);
        assertThat(fromUnlisted.get("visibility").asText()).isEqualTo("unlisted");
        assertThat(fromUnlisted.get("media_attachments")).isEmpty();
        assertThat(fromUnlisted.at("/account/avatar").asText()).doesNotContain(unlisted.base());
        assertThat(fromUnlisted.at("/account/header").asText()).doesNotContain(unlisted.base());
        http.postForm("/api/v1/notifications/clear", List.of(), "Authorization", lain.bearer());

        FakeRemoteServer.Actor carol = nsfw.actor(unique("carol"), PemKeys.generateRsa(), Map.of("image", Map.of("type", "Image", "url", nsfw.base() + "/banner.png")));
        deliver(nsfw, carol, sharedInbox(), Map.of("id", unique("http://x/b"), "type", "Create", "actor", carol.id(),
                "object", mentioning(carol, lain, picture)));
        JsonNode fromNsfw = mentionOf(lain);
        assertThat(fromNsfw.get("visibility").asText()).isEqualTo("private");
        assertThat(fromNsfw.get("sensitive").asBoolean()).isTrue();
        assertThat(fromNsfw.get("media_attachments")).hasSize(1);
        assertThat(fromNsfw.at("/account/avatar").asText()).contains(nsfw.base());
        assertThat(fromNsfw.at("/account/header").asText()).isEqualTo(nsfw.base() + "/banner.png");

        Map<String, Object> flag = new LinkedHashMap<>(activity(bob, "Flag", List.of(actorUrl(lain))));
        flag.put("content", "report me");
        assertThat(deliver(unlisted, bob, sharedInbox(), flag)).isEqualTo(202);
        JsonNode reports = http.get("/api/pleroma/admin/reports?admin_token=" + ADMIN_TOKEN).json().get("reports");
        assertThat(reports).noneMatch(report -> report.at("/account/id").asText().equals(lain.id()));
        JsonNode stopped = rejected(unlisted.host());
        assertThat(stopped.get("items")).singleElement().satisfies(item -> {
            assertThat(item.get("type").asText()).isEqualTo("Flag");
            assertThat(item.get("policy").asText()).isEqualTo("report_removal");
        });
    }

    @Test
    void inAllowListModeOnlyTheAcceptedServersAreHeard() {
        FakeRemoteServer other = server();
        User lain = user("policy");
        setPolicies(REMOTE.host(), "friends", "accept");
        FakeRemoteServer.Actor friend = REMOTE.actor(unique("friend"));
        FakeRemoteServer.Actor stranger = other.actor(unique("stranger"));

        assertThat(deliver(friend, sharedInbox(), follow(friend, actorUrl(lain)))).isEqualTo(202);
        assertThat(deliver(other, stranger, sharedInbox(), follow(stranger, actorUrl(lain)))).isEqualTo(202);
        JsonNode followers = http.get("/api/v1/accounts/" + lain.id() + "/followers", "Authorization", lain.bearer())
                .json();
        assertThat(followers).extracting(f -> f.get("username").asText()).containsExactly(friend.username());
        assertThat(rejected(other.host()).get("items")).singleElement()
                .satisfies(item -> assertThat(item.get("policy").asText()).isEqualTo("accept"));
        assertThat(other.requestCount()).as("nothing is fetched from a server not accepted").isZero();
    }

    @Test
    void listsEveryPolicyWithItsHostsAndRefusesBadInput() {
        setPolicies("*.Spam.Example", "a whole family", "reject", "report_removal");
        JsonNode all = http.get(POLICIES + "?admin_token=" + ADMIN_TOKEN).json();
        assertThat(all.fieldNames()).toIterable().containsExactly("reject", "accept", "media_removal", "media_nsfw",
                "federated_timeline_removal", "followers_only", "report_removal", "avatar_removal", "banner_removal");
        assertThat(all.get("reject")).singleElement().satisfies(entry -> {
            assertThat(entry.get("host").asText()).isEqualTo("*.spam.example");
            assertThat(entry.get("reason").asText()).isEqualTo("a whole family");
        });
        assertThat(all.get("accept")).isEmpty();

        var badHost = http.putJson(POLICIES + "/not_a_host!?admin_token=" + ADMIN_TOKEN, Map.of("policies",
                List.of("reject")));
        assertThat(badHost.status()).isEqualTo(400);
        assertThat(badHost.json().get("error").asText()).isEqualTo("Invalid host");
        var badPolicy = http.putJson(POLICIES + "/spam.example?admin_token=" + ADMIN_TOKEN, Map.of("policies",
                List.of("reject", "nuke")));
        assertThat(badPolicy.status()).isEqualTo(400);
        assertThat(badPolicy.json().get("error").asText()).isEqualTo("Unknown policy: nuke");
        User notAdmin = user("policy");
        assertThat(http.putJson(POLICIES + "/spam.example", Map.of("policies", List.of("reject")), "Authorization",
                notAdmin.bearer()).status()).isEqualTo(403);
        assertThat(http.get(POLICIES + "?admin_token=" + ADMIN_TOKEN).json().get("reject")).hasSize(1);
    }
}
