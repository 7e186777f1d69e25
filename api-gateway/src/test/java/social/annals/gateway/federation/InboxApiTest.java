package social.annals.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import social.annals.gateway.federation.signature.PemKeys;
import social.annals.gateway.support.FakeRemoteServer;
import social.annals.gateway.support.FederationApiTest;
import social.annals.gateway.support.Http;

/** Deliveries from another server: what is refused, and what a follow, an undo and an update do. */
class InboxApiTest extends FederationApiTest {



    @Test
    void aSignedFollowMakesTheRemoteAccountAFollowerShownAsNickAtHost() {
        User lain = user("inbox");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        assertThat(deliver(alice, sharedInbox(), follow(alice, actorUrl(lain)))).isEqualTo(202);

        JsonNode followers = http.get("/api/v1/accounts/" + lain.id() + "/followers", "Authorization", lain.bearer())
                .json();
        assertThat(followers).hasSize(1);
        JsonNode remote = followers.get(0);
        assertThat(remote.get("acct").asText()).isEqualTo(alice.username() + "@" + REMOTE.host());
        assertThat(remote.get("username").asText()).isEqualTo(alice.username());
        assertThat(remote.get("display_name").asText()).isEqualTo(alice.username() + " remote");
        assertThat(remote.get("url").asText()).isEqualTo(REMOTE.base() + "/@" + alice.username());
        assertThat(remote.get("avatar").asText()).isEqualTo(REMOTE.base() + "/avatars/" + alice.username() + ".png");
        assertThat(remote.get("note").asText()).isEqualTo("<p>from elsewhere</p>");
        assertThat(http.get("/api/v1/accounts/" + lain.id(), "Authorization", lain.bearer()).json()
                .get("followers_count").asInt()).isEqualTo(1);
    }

    @Test
    void theSameFollowDeliveredTwiceIsRecordedOnce() {
        User lain = user("inbox");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        Map<String, Object> follow = follow(alice, actorUrl(lain));
        assertThat(deliver(alice, sharedInbox(), follow)).isEqualTo(202);
        FakeRemoteServer.Actor same = alice;
        assertThat(deliver(same, URI.create("http://localhost:" + port + "/users/" + lain.nickname()
                + "/inbox"), follow)).isEqualTo(202);
        assertThat(http.get("/api/v1/accounts/" + lain.id(), "Authorization", lain.bearer()).json()
                .get("followers_count").asInt()).isEqualTo(1);
    }

    @Test
    void aFollowOfALockedAccountIsARequestAndUndoingItWithdrawsIt() {
        User lain = user("inbox");
        http.patchForm("/api/v1/accounts/update_credentials", List.of("locked", "true"), "Authorization", lain.bearer());
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        Map<String, Object> follow = follow(alice, actorUrl(lain));
        assertThat(deliver(alice, sharedInbox(), follow)).isEqualTo(202);
        JsonNode requests = http.get("/api/v1/follow_requests", "Authorization", lain.bearer()).json();
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).get("acct").asText()).isEqualTo(alice.username() + "@" + REMOTE.host());

        assertThat(deliver(alice, sharedInbox(), Map.of("id", alice.id() + "/undo/" + unique("u"),
                "type", "Undo", "actor", alice.id(), "object", follow))).isEqualTo(202);
        assertThat(http.get("/api/v1/follow_requests", "Authorization", lain.bearer()).json()).isEmpty();
    }

    @Test
    void undoingAFollowRemovesTheFollower() {
        User lain = user("inbox");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        Map<String, Object> follow = follow(alice, actorUrl(lain));
        deliver(alice, sharedInbox(), follow);
        assertThat(deliver(alice, sharedInbox(), Map.of("id", alice.id() + "/undo/" + unique("u"),
                "type", "Undo", "actor", alice.id(), "object", follow))).isEqualTo(202);
        assertThat(http.get("/api/v1/accounts/" + lain.id(), "Authorization", lain.bearer()).json()
                .get("followers_count").asInt()).isZero();
    }

    @Test
    void aRemoteAccountIsNeverServedAsOneOfOurs() {
        User lain = user("inbox");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        deliver(alice, sharedInbox(), follow(alice, actorUrl(lain)));
        String nickname = alice.username() + "@" + REMOTE.host();
        assertThat(http.get("/users/" + nickname, "Accept", "application/activity+json").status()).isEqualTo(404);
        assertThat(http.get("/users/" + nickname + "/outbox", "Accept", "application/activity+json").status())
                .isEqualTo(404);
        assertThat(http.get("/.well-known/webfinger?resource=acct:" + nickname + "@annals.test").status())
                .isEqualTo(404);
    }

    @Test
    void anUpdateOfTheSendersOwnProfileChangesItsAccount() {
        User lain = user("inbox");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        deliver(alice, sharedInbox(), follow(alice, actorUrl(lain)));
        JsonNode changed = ((com.fasterxml.jackson.databind.node.ObjectNode) REMOTE.document(alice).deepCopy())
                .put("name", "Alice Renamed");
        assertThat(deliver(alice, sharedInbox(), Map.of("id", alice.id() + "#updates/" + unique("u"),
                "type", "Update", "actor", alice.id(), "object", changed))).isEqualTo(202);
        JsonNode followers = http.get("/api/v1/accounts/" + lain.id() + "/followers", "Authorization", lain.bearer())
                .json();
        assertThat(followers.get(0).get("display_name").asText()).isEqualTo("Alice Renamed");
    }

    @Test
    void anUnsignedDeliveryIs401AndRecordsNothing() {
        User lain = user("inbox");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        Http.Response response = http.postRaw("/inbox", "application/activity+json",
                new String(FakeRemoteServer.bytes(follow(alice, actorUrl(lain))), StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("error").asText()).isNotBlank();
        assertNoFollowers(lain);
    }

    @Test
    void aBodyThatIsNotWhatWasSignedIs401() {
        User lain = user("inbox");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        byte[] signed = FakeRemoteServer.bytes(follow(alice, actorUrl(lain)));
        String digestOfSigned = social.annals.gateway.federation.signature.BodyDigest.sha256(signed);
        byte[] other = FakeRemoteServer.bytes(follow(alice, actorUrl(lain)));
        assertThat(REMOTE.deliver(alice, sharedInbox(), other, Instant.now(), Map.of("Digest", digestOfSigned)))
                .isEqualTo(401);
        assertNoFollowers(lain);
    }

    @Test
    void aSignatureByAnotherKeyIs401() {
        User lain = user("inbox");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        FakeRemoteServer.Actor impostor = new FakeRemoteServer.Actor(alice.id(), alice.username(), PemKeys.generateRsa());
        assertThat(deliver(impostor, sharedInbox(), follow(alice, actorUrl(lain)))).isEqualTo(401);
        assertNoFollowers(lain);
        assertUnknown(alice, lain);
    }

    @Test
    void aRotatedKeyIsFetchedAgainAndTheOldKeyStopsVerifying() {
        User lain = user("inbox");
        String name = unique("alice");
        FakeRemoteServer.Actor alice = REMOTE.actor(name);
        Map<String, Object> follow = follow(alice, actorUrl(lain));
        assertThat(deliver(alice, sharedInbox(), follow)).isEqualTo(202);

        FakeRemoteServer.Actor rotated = REMOTE.actor(name, PemKeys.generateRsa(), Map.of());
        assertThat(deliver(rotated, sharedInbox(), Map.of("id", alice.id() + "/undo/" + unique("u"),
                "type", "Undo", "actor", alice.id(), "object", follow))).isEqualTo(202);
        assertThat(http.get("/api/v1/accounts/" + lain.id(), "Authorization", lain.bearer()).json()
                .get("followers_count").asInt()).isZero();

        assertThat(deliver(alice, sharedInbox(), follow(alice, actorUrl(lain)))).isEqualTo(401);
        assertNoFollowers(lain);
    }

    @Test
    void aStaleSignatureIs401() {
        User lain = user("inbox");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        assertThat(REMOTE.deliver(alice, sharedInbox(), FakeRemoteServer.bytes(follow(alice, actorUrl(lain))),
                Instant.now().minus(Duration.ofHours(13)), Map.of())).isEqualTo(401);
        assertNoFollowers(lain);
    }

    @Test
    void anActivityOfAnotherActorSignedByMeIs401() {
        User lain = user("inbox");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        FakeRemoteServer.Actor mallory = REMOTE.actor(unique("mallory"));
        assertThat(deliver(mallory, sharedInbox(), follow(alice, actorUrl(lain)))).isEqualTo(401);
        assertNoFollowers(lain);
        assertUnknown(mallory, lain);
    }

    @Test
    void anOversizedBodyIs413() {
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        byte[] huge = ("{\"type\":\"Note\",\"content\":\"" + "a".repeat(1_048_577) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(REMOTE.deliver(alice, sharedInbox(), huge, Instant.now(), Map.of())).isEqualTo(413);
    }

    @Test
    void malformedBodiesAre400() {
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        assertThat(REMOTE.deliver(alice, sharedInbox(), "{not json".getBytes(StandardCharsets.UTF_8), Instant.now(),
                Map.of())).isEqualTo(400);
        assertThat(deliver(alice, sharedInbox(), Map.of("id", alice.id() + "/x", "actor", alice.id())))
                .isEqualTo(400);
        assertThat(deliver(alice, sharedInbox(), List.of("an", "array"))).isEqualTo(400);
    }

    @Test
    void theInboxOfAnUnknownAccountIs404() {
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        assertThat(deliver(alice, URI.create("http://localhost:" + port + "/users/nobody-here/inbox"),
                follow(alice, "http://annals.test/users/nobody-here"))).isEqualTo(404);
    }

    @Test
    void anActivityOfAnUnknownTypeIsAcceptedAndDropped() {
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        assertThat(deliver(alice, sharedInbox(), Map.of("id", alice.id() + "/wave/" + unique("w"),
                "type", "Wave", "actor", alice.id(), "object", "http://annals.test/users/someone"))).isEqualTo(202);
    }

    /** A refused delivery records nothing, not even the actor whose key was fetched to check it. */
    private void assertUnknown(FakeRemoteServer.Actor actor, User viewer) {
        assertThat(http.get("/api/v1/accounts/search?q=" + actor.username(), "Authorization", viewer.bearer()).json())
                .isEmpty();
    }

    private void assertNoFollowers(User user) {
        assertThat(http.get("/api/v1/accounts/" + user.id(), "Authorization", user.bearer()).json()
                .get("followers_count").asInt()).isZero();
    }
}
