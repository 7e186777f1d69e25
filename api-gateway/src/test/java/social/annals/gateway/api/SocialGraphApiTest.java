package social.annals.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import social.annals.gateway.support.ApiTest;
import social.annals.gateway.support.Http;

class SocialGraphApiTest extends ApiTest {

    private Http.Response post(User actor, String path) {
        return http.postJson(path, "", "Authorization", actor.bearer());
    }

    private JsonNode relationship(User viewer, User target) {
        return http.get("/api/v1/accounts/relationships?id=" + target.id(), "Authorization", viewer.bearer())
                .json().get(0);
    }

    private int count(User account, String field) {
        return http.get("/api/v1/accounts/" + account.id()).json().get(field).asInt();
    }

    @Test
    void followingAnUnlockedAccountAnswersTheWholeRelationshipAndCounts() {
        User a = user("fa");
        User b = user("fb");
        Http.Response response = http.postJson("/api/v1/accounts/" + b.id() + "/follow", Map.of(),
                "Authorization", a.bearer());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode rel = response.json();
        assertThat(rel.get("id").asText()).isEqualTo(b.id());
        assertThat(rel.get("following").asBoolean()).isTrue();
        assertThat(rel.get("requested").asBoolean()).isFalse();
        assertThat(rel.get("showing_reblogs").asBoolean()).isTrue();
        for (String field : List.of("followed_by", "blocking", "muting", "muting_notifications", "domain_blocking",
                "endorsed", "subscribing")) {
            assertThat(rel.get(field).asBoolean()).as(field).isFalse();
        }
        assertThat(count(b, "followers_count")).isEqualTo(1);
        assertThat(count(a, "following_count")).isEqualTo(1);
        assertThat(relationship(b, a).get("followed_by").asBoolean()).isTrue();
        assertThat(http.get("/api/v1/accounts/" + b.id(), "Authorization", a.bearer()).json()
                .get("pleroma").get("relationship").get("following").asBoolean()).isTrue();
    }

    @Test
    void followingAgainIsIdempotentAndAppliesTheReblogChoice() {
        User a = user("again");
        User b = user("againb");
        post(a, "/api/v1/accounts/" + b.id() + "/follow");
        Http.Response again = http.postForm("/api/v1/accounts/" + b.id() + "/follow", List.of("reblogs", "false"),
                "Authorization", a.bearer());
        assertThat(again.json().get("following").asBoolean()).isTrue();
        assertThat(again.json().get("showing_reblogs").asBoolean()).isFalse();
        assertThat(count(b, "followers_count")).isEqualTo(1);
    }

    @Test
    void lockedAccountsGetRequestsTheyCanAuthorizeOrReject() {
        User a = user("req");
        User c = user("reqc");
        User locked = user("locked");
        http.patchForm("/api/v1/accounts/update_credentials", List.of("locked", "true"), "Authorization",
                locked.bearer());

        assertThat(post(a, "/api/v1/accounts/" + locked.id() + "/follow").json().get("requested").asBoolean())
                .isTrue();
        post(c, "/api/v1/accounts/" + locked.id() + "/follow");
        Http.Response requests = http.get("/api/v1/follow_requests", "Authorization", locked.bearer());
        assertThat(ids(requests)).contains(a.id(), c.id());
        assertThat(count(locked, "followers_count")).isZero();

        Http.Response authorized = post(locked, "/api/v1/follow_requests/" + a.id() + "/authorize");
        assertThat(authorized.status()).isEqualTo(200);
        assertThat(authorized.json().get("followed_by").asBoolean()).isTrue();
        assertThat(relationship(a, locked).get("following").asBoolean()).isTrue();

        Http.Response rejected = post(locked, "/api/v1/follow_requests/" + c.id() + "/reject");
        assertThat(rejected.json().get("followed_by").asBoolean()).isFalse();
        assertThat(relationship(c, locked).get("requested").asBoolean()).isFalse();
        assertThat(http.get("/api/v1/follow_requests", "Authorization", locked.bearer()).json()).isEmpty();
        assertThat(post(locked, "/api/v1/follow_requests/" + c.id() + "/authorize").status()).isEqualTo(404);
        assertThat(count(locked, "followers_count")).isEqualTo(1);
    }

    @Test
    void unfollowingEndsTheFollowAndRepeatingIsHarmless() {
        User a = user("unf");
        User b = user("unfb");
        post(a, "/api/v1/accounts/" + b.id() + "/follow");
        assertThat(post(a, "/api/v1/accounts/" + b.id() + "/unfollow").json().get("following").asBoolean()).isFalse();
        Http.Response again = post(a, "/api/v1/accounts/" + b.id() + "/unfollow");
        assertThat(again.status()).isEqualTo(200);
        assertThat(count(b, "followers_count")).isZero();
    }

    @Test
    void blockingRemovesFollowsBothWaysAndTheBlockedSubscription() {
        User a = user("blocker");
        User b = user("blocked");
        post(a, "/api/v1/accounts/" + b.id() + "/follow");
        post(b, "/api/v1/accounts/" + a.id() + "/follow");
        post(b, "/api/v1/pleroma/accounts/" + a.id() + "/subscribe");

        JsonNode blocked = post(a, "/api/v1/accounts/" + b.id() + "/block").json();
        assertThat(blocked.get("blocking").asBoolean()).isTrue();
        assertThat(blocked.get("following").asBoolean()).isFalse();
        assertThat(blocked.get("followed_by").asBoolean()).isFalse();
        JsonNode fromB = relationship(b, a);
        assertThat(fromB.get("subscribing").asBoolean()).isFalse();
        assertThat(fromB.get("blocked_by").asBoolean()).isTrue();
        assertThat(count(a, "followers_count")).isZero();
        assertThat(count(a, "following_count")).isZero();

        Http.Response follow = post(b, "/api/v1/accounts/" + a.id() + "/follow");
        assertThat(follow.status()).isEqualTo(403);
        assertThat(follow.json().get("error").asText()).isEqualTo("Could not follow user: " + a.nickname() + " blocked you.");
        Http.Response subscribe = post(b, "/api/v1/pleroma/accounts/" + a.id() + "/subscribe");
        assertThat(subscribe.status()).isEqualTo(403);
        assertThat(subscribe.json().get("error").asText())
                .isEqualTo("Could not subscribe: " + a.nickname() + " is blocking you");

        assertThat(ids(http.get("/api/v1/blocks", "Authorization", a.bearer())))
                .containsExactly(b.id());
        assertThat(post(a, "/api/v1/accounts/" + b.id() + "/unblock").json().get("blocking").asBoolean()).isFalse();
        assertThat(post(b, "/api/v1/accounts/" + a.id() + "/follow").status()).isEqualTo(200);
    }

    @Test
    void mutesCarryTheNotificationsFlag() {
        User a = user("muter");
        User b = user("mutee");
        JsonNode muted = http.postForm("/api/v1/accounts/" + b.id() + "/mute", List.of("notifications", "false"),
                "Authorization", a.bearer()).json();
        assertThat(muted.get("muting").asBoolean()).isTrue();
        assertThat(muted.get("muting_notifications").asBoolean()).isFalse();
        assertThat(post(a, "/api/v1/accounts/" + b.id() + "/mute").json().get("muting_notifications").asBoolean())
                .isTrue();
        assertThat(ids(http.get("/api/v1/mutes", "Authorization", a.bearer())))
                .containsExactly(b.id());
        assertThat(post(a, "/api/v1/accounts/" + b.id() + "/unmute").json().get("muting").asBoolean()).isFalse();
    }

    @Test
    void subscriptionsToggleAndAreIdempotent() {
        User a = user("sub");
        User b = user("subb");
        assertThat(post(a, "/api/v1/pleroma/accounts/" + b.id() + "/subscribe").json().get("subscribing").asBoolean())
                .isTrue();
        assertThat(post(a, "/api/v1/pleroma/accounts/" + b.id() + "/subscribe").json().get("subscribing").asBoolean())
                .isTrue();
        assertThat(post(a, "/api/v1/pleroma/accounts/" + b.id() + "/unsubscribe").json().get("subscribing")
                .asBoolean()).isFalse();
        assertThat(post(a, "/api/v1/pleroma/accounts/" + b.id() + "/unsubscribe").status()).isEqualTo(200);
        assertThat(post(a, "/api/v1/pleroma/accounts/" + a.id() + "/subscribe").status()).isEqualTo(200);
    }

    @Test
    void unknownMalformedAndOwnIdsAreRecordNotFound() {
        User a = user("unknown");
        for (String path : List.of("/api/v1/accounts/9eoozpwTul5mjSEDRI/follow", "/api/v1/accounts/test/block",
                "/api/v1/accounts/%27%20OR%201=1/mute", "/api/v1/pleroma/accounts/9eoozpwTul5mjSEDRI/subscribe",
                "/api/v1/accounts/" + a.id() + "/follow", "/api/v1/accounts/12/unfollow")) {
            Http.Response response = post(a, path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.json().get("error").asText()).isEqualTo("Record not found");
        }
        assertThat(http.get("/api/v1/accounts/nobody-here/followers").status()).isEqualTo(404);
        // The firewall refuses encoded semicolons outright; still a JSON client error.
        Http.Response refused = post(a, "/api/v1/accounts/%27%3B%20DROP%20TABLE/mute");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().has("error")).isTrue();
    }

    @Test
    void relationshipsAcceptBothIdFormsAndOmitUnknownIds() {
        User a = user("rels");
        User b = user("relsb");
        User c = user("relsc");
        post(a, "/api/v1/accounts/" + c.id() + "/follow");
        Http.Response raw = http.raw("GET /api/v1/accounts/relationships?id[]=" + b.id() + "&id[]=" + c.id()
                + "&id[]=unknown&id[]=9eoozpwTul5mjSEDRI HTTP/1.1", "Authorization", a.bearer());
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.body()).contains(b.id()).contains(c.id()).doesNotContain("9eoozpwTul5mjSEDRI");
        JsonNode single = http.get("/api/v1/accounts/relationships/?id=" + c.id(), "Authorization", a.bearer()).json();
        assertThat(single).hasSize(1);
        assertThat(single.get(0).get("following").asBoolean()).isTrue();
        assertThat(http.get("/api/v1/accounts/relationships", "Authorization", a.bearer()).body()).isEqualTo("[]");
        assertThat(http.get("/api/v1/accounts/relationships?id=" + b.id()).status()).isEqualTo(403);
    }

    @Test
    void relationshipWritesNeedTheFollowScope() {
        User a = user("scope");
        User b = user("scopeb");
        String readOnly = passwordGrant(app("read"), a.nickname(), null).get("access_token").asText();
        Http.Response response = http.postJson("/api/v1/accounts/" + b.id() + "/follow", "",
                "Authorization", Http.bearer(readOnly));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("error").asText()).isEqualTo("Insufficient permissions: follow | write:follows.");
    }

    @Test
    void followersAndFollowingArePagedByAccountIdWithLinks() {
        User star = user("star");
        List<User> fans = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            User fan = user("fan");
            post(fan, "/api/v1/accounts/" + star.id() + "/follow");
            fans.add(fan);
        }
        Http.Response first = http.get("/api/v1/accounts/" + star.id() + "/followers?limit=2&with_relationships=true");
        List<String> firstIds = ids(first);
        assertThat(firstIds).containsExactly(fans.get(4).id(), fans.get(3).id());
        String link = first.header("link");
        assertThat(link).contains("rel=\"next\"").contains("rel=\"prev\"")
                .contains("max_id=" + fans.get(3).id()).contains("min_id=" + fans.get(4).id())
                .contains("with_relationships=true").startsWith("<http://annals.test/api/v1/accounts/");

        List<String> second = ids(http.get("/api/v1/accounts/" + star.id() + "/followers?limit=2&max_id="
                + fans.get(3).id()));
        assertThat(second).containsExactly(fans.get(2).id(), fans.get(1).id());
        List<String> newer = ids(http.get("/api/v1/accounts/" + star.id() + "/followers?limit=2&min_id="
                + fans.get(0).id()));
        assertThat(newer).containsExactly(fans.get(2).id(), fans.get(1).id());
        Http.Response empty = http.get("/api/v1/accounts/" + star.id() + "/followers?since_id=" + fans.get(4).id());
        assertThat(empty.body()).isEqualTo("[]");
        assertThat(empty.header("link")).isNull();
        assertThat(http.get("/api/v1/accounts/" + star.id() + "/followers?limit=abc&max_id=garbage").json())
                .hasSize(5);
        assertThat(ids(http.get("/api/v1/accounts/" + fans.get(0).id() + "/following")))
                .containsExactly(star.id());
    }

    @Test
    void fiftyConcurrentFollowersAllSucceedWithAnExactCount() throws Exception {
        User star = user("popular");
        List<User> fans = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fans.add(user("crowd"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> follows = fans.stream()
                    .map(fan -> (Callable<Integer>) () -> post(fan, "/api/v1/accounts/" + star.id() + "/follow")
                            .status())
                    .toList();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(follows)) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsOnly(200);
        } finally {
            pool.shutdown();
        }
        assertThat(count(star, "followers_count")).isEqualTo(50);
        assertThat(http.get("/api/v1/accounts/" + star.id() + "/followers?limit=40").json()).hasSize(40);
    }

    @Test
    void followingByNicknameAnswersTheAccount() {
        User a = user("byuri");
        User b = user("byurib");
        Http.Response response = http.postForm("/api/v1/follows", List.of("uri", b.nickname() + "@annals.test"),
                "Authorization", a.bearer());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("id").asText()).isEqualTo(b.id());
        assertThat(response.json().get("followers_count").asInt()).isEqualTo(1);
        assertThat(http.postForm("/api/v1/follows", List.of("uri", "someone@remote.example"),
                "Authorization", a.bearer()).status()).isEqualTo(404);
        assertThat(http.postForm("/api/v1/follows", List.of(), "Authorization", a.bearer()).status()).isEqualTo(400);
    }

    @Test
    void domainBlocksAreListedOnceEachAndCanBeLifted() {
        User a = user("domains");
        Http.Response blocked = http.postForm("/api/v1/domain_blocks", List.of("domain", " Example.ORG "),
                "Authorization", a.bearer());
        assertThat(blocked.status()).isEqualTo(200);
        assertThat(blocked.body()).isEqualTo("{}");
        http.postJson("/api/v1/domain_blocks", Map.of("domain", "example.org"), "Authorization", a.bearer());
        http.postJson("/api/v1/domain_blocks", Map.of("domain", "annoying.example"), "Authorization", a.bearer());
        assertThat(http.get("/api/v1/domain_blocks/", "Authorization", a.bearer()).body())
                .isEqualTo("[\"annoying.example\",\"example.org\"]");

        Http.Response invalid = http.postForm("/api/v1/domain_blocks", List.of("domain", "not a domain"),
                "Authorization", a.bearer());
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("error").asText()).contains("Domain");
        assertThat(http.postForm("/api/v1/domain_blocks", List.of(), "Authorization", a.bearer()).status())
                .isEqualTo(400);

        assertThat(http.delete("/api/v1/domain_blocks?domain=example.org", "Authorization", a.bearer()).status())
                .isEqualTo(200);
        assertThat(http.delete("/api/v1/domain_blocks?domain=example.org", "Authorization", a.bearer()).status())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/domain_blocks", "Authorization", a.bearer()).body())
                .isEqualTo("[\"annoying.example\"]");
        assertThat(http.get("/api/v1/domain_blocks", "Authorization", user("otherdomains").bearer()).body())
                .isEqualTo("[]");
    }
}
