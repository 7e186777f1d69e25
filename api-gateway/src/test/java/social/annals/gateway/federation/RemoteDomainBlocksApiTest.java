package social.annals.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import social.annals.gateway.support.FakeRemoteServer;
import social.annals.gateway.support.FederationApiTest;

/** A user's domain block of another server: its posts and notifications hidden, its follows ended. */
class RemoteDomainBlocksApiTest extends FederationApiTest {

    private List<String> uris(String path, User viewer) {
        List<String> uris = new ArrayList<>();
        http.get(path, "Authorization", viewer.bearer()).json().forEach(status -> uris.add(status.path("uri").asText()));
        return uris;
    }

    private List<String> followersOf(User user) {
        List<String> names = new ArrayList<>();
        http.get("/api/v1/accounts/" + user.id() + "/followers", "Authorization", user.bearer()).json()
                .forEach(follower -> names.add(follower.get("acct").asText()));
        return names;
    }

    @Test
    void aBlockedDomainsPostsAndNotificationsAreHiddenItsFollowersRemovedAndTheRelationshipSaysSo() {
        User lain = user("domains");
        User bob = user("domains");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        String aliceId = followedBy(alice, lain);
        http.postForm("/api/v1/accounts/" + aliceId + "/follow", List.of(), "Authorization", lain.bearer());
        deliver(alice, sharedInbox(), activity(alice, "Accept", Map.of("type", "Follow", "actor", actorUrl(lain),
                "object", alice.id())));
        String mine = postStatusId(lain, "status", "like this", "visibility", "public");
        deliver(alice, sharedInbox(), activity(alice, "Like", "http://annals.test/objects/" + mine));
        Map<String, Object> note = note(alice, noteId(alice), "<p>from a blocked server</p>", Map.of());
        assertThat(create(alice, note)).isEqualTo(202);
        String uri = (String) note.get("id");
        assertThat(uris("/api/v1/timelines/home", lain)).contains(uri);
        assertThat(http.get("/api/v1/notifications?types[]=favourite", "Authorization", lain.bearer()).json())
                .hasSize(1);

        assertThat(http.postForm("/api/v1/domain_blocks", List.of("domain", "127.0.0.1"), "Authorization",
                lain.bearer()).status()).isEqualTo(200);
        awaitReadModels();

        assertThat(uris("/api/v1/timelines/home", lain)).doesNotContain(uri);
        assertThat(uris("/api/v1/timelines/public?limit=40", lain)).doesNotContain(uri);
        assertThat(uris("/api/v1/timelines/public?limit=40", bob)).as("others still see it").contains(uri);
        assertThat(http.get("/api/v1/notifications", "Authorization", lain.bearer()).json()).isEmpty();
        JsonNode relationship = http.get("/api/v1/accounts/relationships?id[]=" + aliceId, "Authorization",
                lain.bearer()).json().get(0);
        assertThat(relationship.get("domain_blocking").asBoolean()).isTrue();
        assertThat(relationship.get("followed_by").asBoolean()).as("the follower was removed").isFalse();
        assertThat(relationship.get("following").asBoolean()).as("lain's own follow is hers to end").isTrue();
        assertThat(followersOf(lain)).doesNotContain(alice.username() + "@" + REMOTE.host());
        FakeRemoteServer.Delivery reject = REMOTE.awaitDelivery("/users/" + alice.username() + "/inbox", "Reject");
        assertThat(reject.activity().at("/object/actor").asText()).isEqualTo(alice.id());
        assertThat(http.get("/api/v1/accounts/relationships?id[]=" + aliceId, "Authorization", bob.bearer()).json()
                .get(0).get("domain_blocking").asBoolean()).isFalse();

        assertThat(http.delete("/api/v1/domain_blocks?domain=127.0.0.1", "Authorization", lain.bearer()).status())
                .isEqualTo(200);
        awaitReadModels();
        assertThat(uris("/api/v1/timelines/home", lain)).contains(uri);
        assertThat(http.get("/api/v1/accounts/relationships?id[]=" + aliceId, "Authorization", lain.bearer()).json()
                .get(0).get("domain_blocking").asBoolean()).isFalse();
    }
}
