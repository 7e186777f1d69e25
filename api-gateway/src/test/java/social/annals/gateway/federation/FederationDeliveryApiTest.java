package social.annals.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import social.annals.gateway.federation.signature.HttpSignatures;
import social.annals.gateway.federation.signature.PemKeys;
import social.annals.gateway.support.FakeRemoteServer;
import social.annals.gateway.support.FederationApiTest;
import social.annals.gateway.support.Http;

/** What local accounts do reaches other servers: answers to follows, follows, posts, deletions, profiles. */
class FederationDeliveryApiTest extends FederationApiTest {




    @Test
    void aRemoteFollowIsAcceptedWithASignatureOfTheFollowedAccount() throws Exception {
        User lain = user("deliver");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        Map<String, Object> follow = follow(alice, actorUrl(lain));
        deliver(alice, sharedInbox(), follow);

        FakeRemoteServer.Delivery accept = REMOTE.awaitDelivery("/users/" + alice.username() + "/inbox", "Accept");
        assertThat(accept.activity().get("actor").asText()).isEqualTo(actorUrl(lain));
        assertThat(accept.activity().at("/object/id").asText()).isEqualTo(follow.get("id"));
        assertThat(accept.activity().at("/object/actor").asText()).isEqualTo(alice.id());
        String pem = http.get("/users/" + lain.nickname(), "Accept", "application/activity+json").json()
                .at("/publicKey/publicKeyPem").asText();
        assertThat(accept.header("Signature")).contains("keyId=\"" + actorUrl(lain) + "#main-key\"");
        assertThat(HttpSignatures.verify("POST", accept.path(), accept::header, accept.body(), PemKeys.publicKey(pem),
                Instant.now(), Duration.ofMinutes(5), Duration.ofMinutes(5)).isValid()).isTrue();
    }

    @Test
    void deletingALocalAccountSendsEveryKnownServerOneDeleteOfTheActorSignedByItsKey() {
        User lain = user("deliver");
        FakeRemoteServer other = new FakeRemoteServer();
        try {
            FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
            FakeRemoteServer.Actor bob = other.actor(unique("bob"));
            deliver(alice, sharedInbox(), follow(alice, actorUrl(lain)));
            deliver(other, bob, sharedInbox(), follow(bob, actorUrl(user("deliver"))));
            postStatusId(lain, "status", "soon gone", "visibility", "public");
            String pem = http.get("/users/" + lain.nickname(), "Accept", "application/activity+json").json()
                    .at("/publicKey/publicKeyPem").asText();

            assertThat(http.postForm("/api/pleroma/delete_account", List.of("password", PASSWORD), "Authorization",
                    Http.basic(lain.nickname(), PASSWORD)).status()).isEqualTo(200);

            for (FakeRemoteServer server : List.of(REMOTE, other)) {
                FakeRemoteServer.Delivery delete = eventually(() -> server.deliveries().stream()
                                .filter(d -> d.activity().path("type").asText().equals("Delete")
                                        && d.activity().path("object").asText().equals(actorUrl(lain)))
                                .findFirst().orElse(null),
                        java.util.Objects::nonNull, "the Delete of the actor at " + server.host());
                assertThat(delete.path()).isEqualTo("/inbox");
                assertThat(delete.activity().get("actor").asText()).isEqualTo(actorUrl(lain));
                assertThat(HttpSignatures.verify("POST", delete.path(), delete::header, delete.body(),
                        PemKeys.publicKey(pem), Instant.now(), Duration.ofMinutes(5), Duration.ofMinutes(5)).isValid())
                        .isTrue();
            }
            awaitReadModels();
            assertThat(REMOTE.deliveries()).as("the posts' deletions are not sent one by one")
                    .noneMatch(d -> d.activity().path("type").asText().equals("Delete")
                            && d.activity().path("object").isObject()
                            && d.activity().at("/object/id").asText().contains("/objects/"));
        } finally {
            other.close();
        }
    }

    @Test
    void aLockedAccountAnswersARemoteFollowWhenItDecides() {
        User lain = user("deliver");
        http.patchForm("/api/v1/accounts/update_credentials", List.of("locked", "true"), "Authorization", lain.bearer());
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        FakeRemoteServer.Actor bob = REMOTE.actor(unique("bob"));
        deliver(alice, sharedInbox(), follow(alice, actorUrl(lain)));
        deliver(bob, sharedInbox(), follow(bob, actorUrl(lain)));
        JsonNode requests = http.get("/api/v1/follow_requests", "Authorization", lain.bearer()).json();
        assertThat(requests).hasSize(2);
        for (JsonNode request : requests) {
            String decision = request.get("username").asText().equals(alice.username()) ? "authorize" : "reject";
            assertThat(http.postForm("/api/v1/follow_requests/" + request.get("id").asText() + "/" + decision,
                    List.of(), "Authorization", lain.bearer()).status()).isEqualTo(200);
        }
        REMOTE.awaitDelivery("/users/" + alice.username() + "/inbox", "Accept");
        FakeRemoteServer.Delivery reject = REMOTE.awaitDelivery("/users/" + bob.username() + "/inbox", "Reject");
        assertThat(reject.activity().at("/object/actor").asText()).isEqualTo(bob.id());
    }

    @Test
    void followingARemoteAccountIsARequestUntilItsServerAcceptsAndUnfollowingUndoesIt() {
        User lain = user("deliver");
        User other = user("deliver");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        String aliceId = followedBy(alice, other);

        JsonNode requested = http.postForm("/api/v1/accounts/" + aliceId + "/follow", List.of(),
                "Authorization", lain.bearer()).json();
        assertThat(requested.get("requested").asBoolean()).isTrue();
        assertThat(requested.get("following").asBoolean()).isFalse();
        FakeRemoteServer.Delivery follow = REMOTE.awaitDelivery("/users/" + alice.username() + "/inbox", "Follow");
        assertThat(follow.activity().get("actor").asText()).isEqualTo(actorUrl(lain));
        assertThat(follow.activity().get("object").asText()).isEqualTo(alice.id());

        assertThat(deliver(alice, sharedInbox(), Map.of("id", alice.id() + "/accepts/" + unique("a"),
                "type", "Accept", "actor", alice.id(), "object", follow.activity()))).isEqualTo(202);
        JsonNode relationship = http.get("/api/v1/accounts/relationships?id[]=" + aliceId, "Authorization",
                lain.bearer()).json().get(0);
        assertThat(relationship.get("following").asBoolean()).isTrue();
        assertThat(relationship.get("requested").asBoolean()).isFalse();

        http.postForm("/api/v1/accounts/" + aliceId + "/unfollow", List.of(), "Authorization", lain.bearer());
        FakeRemoteServer.Delivery undo = REMOTE.awaitDelivery("/users/" + alice.username() + "/inbox", "Undo");
        assertThat(undo.activity().at("/object/id").asText()).isEqualTo(follow.activity().get("id").asText());
        assertThat(undo.activity().at("/object/type").asText()).isEqualTo("Follow");
    }

    @Test
    void aPrivatePostIsServedOnlyToASignedFetchOfAFollower() {
        User lain = user("deliver");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        FakeRemoteServer.Actor mallory = REMOTE.actor(unique("mallory"));
        followedBy(alice, lain);
        deliver(mallory, sharedInbox(), Map.of("id", mallory.id() + "/wave/" + unique("w"), "type", "Wave",
                "actor", mallory.id(), "object", actorUrl(lain)));
        String id = postStatusId(lain, "status", "followers only", "visibility", "private");
        String path = "/objects/" + id;
        assertThat(http.get(path, "Accept", "application/activity+json").status()).isEqualTo(404);
        assertThat(signedGet(alice, path).status()).isEqualTo(200);
        assertThat(signedGet(alice, path).json().get("content").asText()).contains("followers only");
        assertThat(signedGet(mallory, path).status()).isEqualTo(404);
    }

    private Http.Response signedGet(FakeRemoteServer.Actor signer, String path) {
        URI uri = URI.create("http://localhost:" + port + path);
        List<String> headers = new java.util.ArrayList<>(List.of("Accept", "application/activity+json"));
        HttpSignatures.signedHeaders("GET", uri, null, signer.keyId(), signer.keys().getPrivate(), Instant.now())
                .forEach((name, value) -> {
                    if (!name.equals("Host")) {
                        headers.addAll(List.of(name, value));
                    }
                });
        return http.get(path, headers.toArray(String[]::new));
    }

    @Test
    void remoteAccountsAreFoundByNickAtHostThroughWebFinger() {
        User lain = user("deliver");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        String acct = alice.username() + "@" + REMOTE.host();
        JsonNode lookedUp = http.get("/api/v1/accounts/lookup?acct=" + acct, "Authorization", lain.bearer()).json();
        assertThat(lookedUp.get("acct").asText()).isEqualTo(acct);
        JsonNode searched = http.get("/api/v2/search?resolve=true&q=@" + acct, "Authorization", lain.bearer()).json();
        assertThat(searched.at("/accounts/0/id").asText()).isEqualTo(lookedUp.get("id").asText());
        assertThat(http.get("/api/v1/accounts/search?resolve=true&q=" + acct, "Authorization", lain.bearer()).json()
                .get(0).get("id").asText()).isEqualTo(lookedUp.get("id").asText());
        assertThat(http.get("/api/v1/accounts/lookup?acct=nobody@" + REMOTE.host(), "Authorization", lain.bearer())
                .status()).isEqualTo(404);
        assertThat(http.get("/api/v1/instance/peers").json().toString()).contains(REMOTE.host());
    }

    @Test
    void aFollowImportFollowsRemoteAccountsItResolves() throws Exception {
        User lain = user("deliver");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        String acct = alice.username() + "@" + REMOTE.host();
        Http.Response started = http.postForm("/api/pleroma/follow_import",
                List.of("list", acct + "\nnobody@" + REMOTE.host()), "Authorization", lain.bearer());
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String path = started.header("location").substring("http://annals.test".length());
        JsonNode job = null;
        for (int i = 0; i < 200 && (job == null || !job.get("state").asText().equals("completed")); i++) {
            Thread.sleep(50);
            job = http.get(path, "Authorization", lain.bearer()).json();
        }
        assertThat(job.get("state").asText()).isEqualTo("completed");
        assertThat(job.get("entries").toString()).contains("{\"entry\":\"" + acct + "\",\"result\":\"requested\"}")
                .contains("{\"entry\":\"nobody@" + REMOTE.host() + "\",\"result\":\"not_found\"}");
        FakeRemoteServer.Delivery follow = REMOTE.awaitDelivery("/users/" + alice.username() + "/inbox", "Follow");
        assertThat(follow.activity().get("actor").asText()).isEqualTo(actorUrl(lain));
    }

    @Test
    void aPostReachesTheRemoteFollowersServerOnceThroughItsSharedInbox() {
        User lain = user("deliver");
        FakeRemoteServer remote = new FakeRemoteServer();
        try {
            FakeRemoteServer.Actor alice = remote.actor(unique("alice"));
            FakeRemoteServer.Actor bob = remote.actor(unique("bob"));
            deliver(remote, alice, sharedInbox(), follow(alice, actorUrl(lain)));
            deliver(remote, bob, sharedInbox(), follow(bob, actorUrl(lain)));
            String id = postStatusId(lain, "status", "hello fediverse", "visibility", "public");

            FakeRemoteServer.Delivery create = remote.awaitDelivery("/inbox", "Create");
            assertThat(create.activity().at("/object/id").asText()).isEqualTo("http://annals.test/objects/" + id);
            assertThat(create.activity().at("/object/content").asText()).contains("hello fediverse");
            assertThat(create.activity().at("/object/to/0").asText())
                    .isEqualTo("https://www.w3.org/ns/activitystreams#Public");

            assertThat(http.delete("/api/v1/statuses/" + id, "Authorization", lain.bearer()).status()).isEqualTo(200);
            FakeRemoteServer.Delivery delete = remote.awaitDelivery("/inbox", "Delete");
            assertThat(delete.activity().at("/object/id").asText()).isEqualTo("http://annals.test/objects/" + id);
            assertThat(remote.deliveriesOf("Create")).isEqualTo(1);
        } finally {
            remote.close();
        }
    }

    private JsonNode instance(String host) {
        for (JsonNode instance : http.get("/api/pleroma/admin/instances?admin_token=" + ADMIN_TOKEN).json()) {
            if (instance.get("host").asText().equals(host)) {
                return instance;
            }
        }
        return null;
    }

    private double metric(String name, String... tags) {
        StringBuilder query = new StringBuilder("/actuator/metrics/" + name + "?");
        for (String tag : tags) {
            query.append("tag=").append(tag).append('&');
        }
        var response = http.get(query.toString());
        return response.status() == 200 ? response.json().at("/measurements/0/value").asDouble() : 0;
    }

    @Test
    void theAdminSeesEachServerWhetherItAnswersAndWhatWaitsForItAndTheMetricsCountDeliveries() {
        User lain = user("deliver");
        FakeRemoteServer up = new FakeRemoteServer();
        FakeRemoteServer down = new FakeRemoteServer();
        try {
            FakeRemoteServer.Actor alice = up.actor(unique("alice"));
            FakeRemoteServer.Actor bob = down.actor(unique("bob"));
            double acceptedFollows = metric("annals.federation.inbound.activities", "type:Follow", "outcome:accepted");
            double delivered = metric("annals.federation.deliveries", "outcome:delivered");
            double failed = metric("annals.federation.deliveries", "outcome:failed");
            deliver(up, alice, sharedInbox(), follow(alice, actorUrl(lain)));
            deliver(down, bob, sharedInbox(), follow(bob, actorUrl(lain)));
            up.awaitDelivery("/users/" + alice.username() + "/inbox", "Accept");
            down.awaitDelivery("/users/" + bob.username() + "/inbox", "Accept");
            down.close();
            postStatusId(lain, "status", "who is there?", "visibility", "public");
            up.awaitDelivery("/inbox", "Create");

            JsonNode failing = eventually(() -> instance(down.host()),
                    found -> found != null && found.get("consecutive_failures").asInt() > 0, "a failed delivery");
            assertThat(failing.get("accounts").asInt()).isEqualTo(1);
            assertThat(failing.get("reachable").asBoolean()).as("failing, but not for a day yet").isTrue();
            assertThat(failing.get("last_delivery_result").asText()).isEqualTo("unreachable");
            assertThat(failing.get("queued_deliveries").asInt()).as("the Create waits for a retry").isEqualTo(1);
            assertThat(failing.get("failing_since").isNull()).isFalse();
            JsonNode answering = eventually(() -> instance(up.host()),
                    found -> found != null && found.get("queued_deliveries").asInt() == 0, "the delivery done");
            assertThat(answering.get("last_delivery_result").asText()).isEqualTo("202");
            assertThat(answering.get("consecutive_failures").asInt()).isZero();
            assertThat(answering.get("last_success_at").isNull()).isFalse();
            assertThat(answering.get("policies")).isEmpty();

            assertThat(metric("annals.federation.inbound.activities", "type:Follow", "outcome:accepted"))
                    .isEqualTo(acceptedFollows + 2);
            assertThat(metric("annals.federation.deliveries", "outcome:delivered")).isGreaterThanOrEqualTo(delivered + 3);
            assertThat(metric("annals.federation.deliveries", "outcome:failed")).isGreaterThanOrEqualTo(failed + 1);
            assertThat(metric("annals.federation.delivery.queue")).isGreaterThanOrEqualTo(1);
            assertThat(http.get("/api/pleroma/admin/instances", "Authorization", lain.bearer()).status())
                    .isEqualTo(403);
        } finally {
            up.close();
            down.close();
        }
    }

    @Test
    void aPostMentioningARemoteAccountNotKnownYetResolvesItLinksItAndDeliversToIt() {
        User lain = user("deliver");
        FakeRemoteServer remote = new FakeRemoteServer();
        try {
            FakeRemoteServer.Actor bob = remote.actor(unique("bob"));
            JsonNode posted = postStatus(lain, "status", "hello @" + bob.username() + "@" + remote.host(),
                    "visibility", "public").json();
            assertThat(posted.at("/mentions/0/acct").asText()).isEqualTo(bob.username() + "@" + remote.host());
            assertThat(posted.get("content").asText()).contains("href=\"" + remote.base() + "/@" + bob.username());

            FakeRemoteServer.Delivery create = remote.awaitDelivery("/inbox", "Create");
            assertThat(create.activity().at("/object/tag").toString()).contains(bob.id());
            assertThat(create.activity().at("/object/cc").toString()).contains(bob.id());

            JsonNode unknownHost = postStatus(lain, "status", "hello @nobody@" + remote.host(), "visibility",
                    "public").json();
            assertThat(unknownHost.get("mentions")).isEmpty();
        } finally {
            remote.close();
        }
    }

    @Test
    void aProfileChangeReachesRemoteFollowers() {
        User lain = user("deliver");
        FakeRemoteServer remote = new FakeRemoteServer();
        try {
            FakeRemoteServer.Actor alice = remote.actor(unique("alice"));
            deliver(remote, alice, sharedInbox(), follow(alice, actorUrl(lain)));
            http.patchForm("/api/v1/accounts/update_credentials", List.of("display_name", "Lain of the Wired"),
                    "Authorization", lain.bearer());
            FakeRemoteServer.Delivery update = remote.awaitDelivery("/inbox", "Update");
            assertThat(update.activity().at("/object/type").asText()).isEqualTo("Person");
            assertThat(update.activity().at("/object/name").asText()).isEqualTo("Lain of the Wired");
        } finally {
            remote.close();
        }
    }
}
