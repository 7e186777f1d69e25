package social.annals.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import social.annals.gateway.support.FakeRemoteServer;
import social.annals.gateway.support.FederationApiTest;
import social.annals.gateway.support.Http;

/**
 * Rebuilding every read model from the log reproduces what other servers did here exactly, and
 * fetches nothing: remote accounts, their posts and an edit of one, follows, favourites, boosts,
 * reactions, a report, a self-deleted actor, an instance policy with the activity it stopped, and
 * a user's domain block come from the events alone.
 */
class FederatedRebuildEquivalenceTest extends FederationApiTest {

    @Autowired
    ReadModelRebuilder rebuilder;

    @Test
    void federatedStateRebuiltFromTheLogAnswersExactlyAsBeforeWithoutFetchingAnything() {
        User lain = user("fedrebuild");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        FakeRemoteServer.Actor bob = REMOTE.actor(unique("bob"));
        String aliceId = followedBy(alice, lain);
        String bobId = followedBy(bob, lain);
        http.postForm("/api/v1/accounts/" + aliceId + "/follow", List.of(), "Authorization", lain.bearer());
        deliver(alice, sharedInbox(), activity(alice, "Accept", Map.of("type", "Follow", "actor", actorUrl(lain),
                "object", alice.id())));
        String post = postStatusId(lain, "status", "hello fediverse", "visibility", "public");
        String postUrl = "http://annals.test/objects/" + post;
        Map<String, Object> edited = note(alice, noteId(alice), "<p>from alice</p>", Map.of());
        create(alice, edited);
        Map<String, Object> edit = new LinkedHashMap<>(edited);
        edit.put("content", "<p>from alice, edited</p>");
        edit.put("updated", "2026-12-04T11:00:00Z");
        deliver(alice, sharedInbox(), activity(alice, "Update", edit));
        create(alice, note(alice, noteId(alice), "<p>a reply</p>", Map.of("inReplyTo", postUrl)));
        deliver(alice, sharedInbox(), activity(alice, "Like", postUrl));
        deliver(alice, sharedInbox(), activity(alice, "Announce", postUrl));
        Map<String, Object> react = new LinkedHashMap<>(activity(alice, "EmojiReact", postUrl));
        react.put("content", "🔥");
        deliver(alice, sharedInbox(), react);
        Map<String, Object> flag = new LinkedHashMap<>(activity(alice, "Flag", List.of(actorUrl(lain), postUrl)));
        flag.put("content", "rebuild me");
        deliver(alice, sharedInbox(), flag);
        create(bob, note(bob, noteId(bob), "<p>soon gone</p>", Map.of("inReplyTo", postUrl)));
        deliver(bob, sharedInbox(), activity(bob, "Delete", bob.id()));
        for (JsonNode status : http.get("/api/v1/timelines/home", "Authorization",
                lain.bearer()).json()) {
            if (status.get("content").asText().contains("from alice")) {
                act(lain, "/api/v1/statuses/" + status.get("id").asText() + "/favourite");
            }
        }
        User carol = user("fedrebuild");
        http.postForm("/api/v1/domain_blocks", List.of("domain", "127.0.0.1"), "Authorization", carol.bearer());
        FakeRemoteServer spam = new FakeRemoteServer();
        String policy = "/api/pleroma/admin/instance_policies/" + spam.host() + "?admin_token=" + ADMIN_TOKEN;
        http.putJson(policy, Map.of("policies", List.of("reject", "media_removal"), "reason", "rebuild"));
        FakeRemoteServer.Actor mallory = spam.actor(unique("mallory"));
        deliver(spam, mallory, sharedInbox(), activity(mallory, "Like", postUrl));
        awaitReadModels();
        // What lain's actions send goes out after them; it must be in before the rebuild is watched.
        REMOTE.awaitDelivery("/users/" + alice.username() + "/inbox", "Follow");
        REMOTE.awaitDelivery("/users/" + alice.username() + "/inbox", "Accept");
        REMOTE.awaitDelivery("/users/" + bob.username() + "/inbox", "Accept");
        REMOTE.awaitDelivery("/users/" + alice.username() + "/inbox", "Like");

        Map<String, String> before = answers(lain, post, aliceId, bobId);
        before.putAll(moderation(carol, aliceId, spam.host()));
        long requestsBefore = REMOTE.requestCount();
        rebuilder.rebuildAll();
        awaitReadModels();
        Map<String, String> after = answers(lain, post, aliceId, bobId);
        after.putAll(moderation(carol, aliceId, spam.host()));
        http.delete(policy);
        spam.close();

        assertThat(after).isEqualTo(before);
        assertThat(before.get("home")).contains("from alice, edited").contains("edited_at");
        assertThat(before.get("carol's relationship")).contains("\"domain_blocking\":true");
        assertThat(before.get("instance policies")).contains(spam.host());
        assertThat(before.get("rejected")).contains("\"policy\":\"reject\"").contains(mallory.id());
        assertThat(REMOTE.requestCount()).as("requests to the other server during the rebuild")
                .isEqualTo(requestsBefore);
        assertThat(before.get("status")).contains("\"favourites_count\":1").contains("\"reblogs_count\":1")
                .contains("\"replies_count\":1");
        assertThat(before.get("context")).contains("a reply").doesNotContain("soon gone");
        assertThat(before.get("home")).contains("from alice").doesNotContain("soon gone");
        assertThat(before.get("account " + aliceId)).contains("\"acct\":\"" + alice.username() + "@" + REMOTE.host());
        assertThat(before.get("account " + bobId)).contains("\"deactivated\":true");
        assertThat(before.get("reports")).contains("rebuild me");
        assertThat(before.get("favourites")).contains("from alice");
        assertThat(before.get("notifications")).contains("\"type\":\"favourite\"").contains("\"type\":\"reblog\"")
                .contains("\"type\":\"pleroma:emoji_reaction\"").contains("\"type\":\"follow\"");
    }

    private Map<String, String> answers(User lain, String post, String... accountIds) {
        Map<String, String> answers = new LinkedHashMap<>();
        String auth = lain.bearer();
        answers.put("status", render(http.get("/api/v1/statuses/" + post, "Authorization", auth)));
        answers.put("context", render(http.get("/api/v1/statuses/" + post + "/context", "Authorization", auth)));
        answers.put("favourited_by", render(http.get("/api/v1/statuses/" + post + "/favourited_by")));
        answers.put("reblogged_by", render(http.get("/api/v1/statuses/" + post + "/reblogged_by")));
        answers.put("home", render(http.get("/api/v1/timelines/home", "Authorization", auth)));
        answers.put("public", render(http.get("/api/v1/timelines/public?limit=40")));
        answers.put("notifications", render(http.get("/api/v1/notifications", "Authorization", auth)));
        answers.put("followers", render(http.get("/api/v1/accounts/" + lain.id() + "/followers", "Authorization",
                auth)));
        answers.put("following", render(http.get("/api/v1/accounts/" + lain.id() + "/following", "Authorization",
                auth)));
        answers.put("favourites", render(http.get("/api/v1/favourites", "Authorization", auth)));
        answers.put("reports", render(http.get("/api/pleroma/admin/reports?admin_token=" + ADMIN_TOKEN)));
        answers.put("peers", render(http.get("/api/v1/instance/peers")));
        for (String accountId : accountIds) {
            answers.put("account " + accountId, render(http.get("/api/v1/accounts/" + accountId, "Authorization",
                    auth)));
            answers.put("relationship " + accountId, render(http.get("/api/v1/accounts/relationships?id[]="
                    + accountId, "Authorization", auth)));
            answers.put("statuses " + accountId, render(http.get("/api/v1/accounts/" + accountId + "/statuses",
                    "Authorization", auth)));
        }
        return answers;
    }

    private Map<String, String> moderation(User carol, String aliceId, String spamHost) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("carol's relationship", render(http.get("/api/v1/accounts/relationships?id[]=" + aliceId,
                "Authorization", carol.bearer())));
        answers.put("carol's public timeline", render(http.get("/api/v1/timelines/public?limit=40",
                "Authorization", carol.bearer())));
        answers.put("instance policies", render(http.get("/api/pleroma/admin/instance_policies?admin_token="
                + ADMIN_TOKEN)));
        answers.put("rejected", render(http.get("/api/pleroma/admin/instance_policies/rejected_activities?host="
                + spamHost + "&admin_token=" + ADMIN_TOKEN)));
        answers.put("moderation log", render(http.get("/api/pleroma/admin/moderation_log?action=instance_policy"
                + "&admin_token=" + ADMIN_TOKEN)));
        return answers;
    }

    private static String render(Http.Response response) {
        return response.status() + " " + response.body();
    }
}
