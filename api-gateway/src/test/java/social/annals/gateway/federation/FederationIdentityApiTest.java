package social.annals.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import social.annals.gateway.support.ApiTest;
import social.annals.gateway.support.Http;

/** What other servers see of a local account: WebFinger, host-meta, nodeinfo, the actor, its collections and notes. */
class FederationIdentityApiTest extends ApiTest {

    private static final String AP = "application/activity+json";
    private static final String BASE = "http://annals.test";

    @Test
    void webFingerFindsALocalAccountByAcctAndByActorUrl() {
        User lain = user("wf");
        for (String resource : List.of("acct:" + lain.nickname() + "@annals.test", BASE + "/users/" + lain.nickname())) {
            Http.Response response = http.get("/.well-known/webfinger?resource=" + resource);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith("application/jrd+json");
            JsonNode json = response.json();
            assertThat(json.get("subject").asText()).isEqualTo("acct:" + lain.nickname() + "@annals.test");
            assertThat(linkOfRel(json, "self").get("href").asText()).isEqualTo(BASE + "/users/" + lain.nickname());
            assertThat(linkOfRel(json, "self").get("type").asText()).isEqualTo(AP);
        }
    }

    @Test
    void webFingerAnswers404ForUnknownAccountsAndOtherHostsAnd400WithoutResource() {
        User lain = user("wf");
        assertThat(http.get("/.well-known/webfinger?resource=acct:nobody-here@annals.test").status()).isEqualTo(404);
        assertThat(http.get("/.well-known/webfinger?resource=acct:" + lain.nickname() + "@elsewhere.example")
                .status()).isEqualTo(404);
        Http.Response missing = http.get("/.well-known/webfinger");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error").asText()).isNotBlank();
    }

    @Test
    void hostMetaPointsAtWebFinger() {
        Http.Response response = http.get("/.well-known/host-meta");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/xrd+xml");
        assertThat(response.body()).contains("template=\"" + BASE + "/.well-known/webfinger?resource={uri}\"");
    }

    @Test
    void nodeinfoSaysItSpeaksActivityPub() {
        JsonNode nodeinfo = http.get("/nodeinfo/2.0.json").json();
        assertThat(nodeinfo.get("protocols").toString()).isEqualTo("[\"activitypub\"]");
        assertThat(nodeinfo.at("/metadata/federation/enabled").asBoolean()).isTrue();
    }

    @Test
    void theActorDocumentPublishesAnRsaKeyAndEveryEndpoint() throws Exception {
        User lain = user("actor");
        Http.Response response = http.get("/users/" + lain.nickname(), "Accept", AP);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith(AP);
        JsonNode actor = response.json();
        String id = BASE + "/users/" + lain.nickname();
        assertThat(actor.get("id").asText()).isEqualTo(id);
        assertThat(actor.get("type").asText()).isEqualTo("Person");
        assertThat(actor.get("preferredUsername").asText()).isEqualTo(lain.nickname());
        assertThat(actor.get("name").asText()).isEqualTo(lain.nickname() + " full");
        assertThat(actor.get("inbox").asText()).isEqualTo(id + "/inbox");
        assertThat(actor.get("outbox").asText()).isEqualTo(id + "/outbox");
        assertThat(actor.get("followers").asText()).isEqualTo(id + "/followers");
        assertThat(actor.get("following").asText()).isEqualTo(id + "/following");
        assertThat(actor.get("featured").asText()).isEqualTo(id + "/collections/featured");
        assertThat(actor.at("/endpoints/sharedInbox").asText()).isEqualTo(BASE + "/inbox");
        assertThat(actor.get("manuallyApprovesFollowers").asBoolean()).isFalse();
        assertThat(actor.get("discoverable").isBoolean()).isTrue();
        assertThat(actor.at("/icon/url").asText()).startsWith(BASE);
        assertThat(actor.at("/publicKey/id").asText()).isEqualTo(id + "#main-key");
        assertThat(actor.at("/publicKey/owner").asText()).isEqualTo(id);
        assertThat(rsaKey(actor.at("/publicKey/publicKeyPem").asText()).getModulus().bitLength()).isGreaterThan(1000);
        assertThat(actor.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void theActorIsFoundWithTheLinkedDataMediaTypeAndTheKeyStaysTheSame() {
        User lain = user("actor");
        String ld = "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";
        JsonNode first = http.get("/users/" + lain.nickname(), "Accept", ld).json();
        JsonNode second = http.get("/users/" + lain.nickname(), "Accept", AP).json();
        assertThat(first.at("/publicKey/publicKeyPem").asText())
                .isEqualTo(second.at("/publicKey/publicKeyPem").asText());
    }

    @Test
    void aLockedAccountManuallyApprovesFollowers() {
        User lain = user("locked");
        assertThat(http.patchForm("/api/v1/accounts/update_credentials", List.of("locked", "true"),
                "Authorization", lain.bearer()).status()).isEqualTo(200);
        JsonNode actor = http.get("/users/" + lain.nickname(), "Accept", AP).json();
        assertThat(actor.get("manuallyApprovesFollowers").asBoolean()).isTrue();
    }

    @Test
    void aBrowserDoesNotGetTheActorDocumentAndUnknownActorsAre404() {
        User lain = user("actor");
        Http.Response browser = http.get("/users/" + lain.nickname(), "Accept", "text/html,application/xhtml+xml,*/*");
        assertThat(browser.body()).doesNotContain("publicKey");
        assertThat(http.get("/users/nobody-at-all", "Accept", AP).status()).isEqualTo(404);
    }

    @Test
    void followersAndFollowingAreCountedAndPaged() {
        User lain = user("coll");
        User alice = user("coll");
        User bob = user("coll");
        follow(alice, lain);
        follow(bob, lain);
        JsonNode followers = http.get("/users/" + lain.nickname() + "/followers", "Accept", AP).json();
        assertThat(followers.get("type").asText()).isEqualTo("OrderedCollection");
        assertThat(followers.get("totalItems").asInt()).isEqualTo(2);
        JsonNode page = http.get(path(followers.get("first").asText()), "Accept", AP).json();
        assertThat(page.get("type").asText()).isEqualTo("OrderedCollectionPage");
        assertThat(texts(page.get("orderedItems")))
                .containsExactly(BASE + "/users/" + bob.nickname(), BASE + "/users/" + alice.nickname());
        JsonNode following = http.get("/users/" + alice.nickname() + "/following?page=true", "Accept", AP).json();
        assertThat(texts(following.get("orderedItems"))).containsExactly(BASE + "/users/" + lain.nickname());
    }

    @Test
    void theOutboxHoldsPublicPostsAsCreateActivitiesButNotPrivateOnes() {
        User lain = user("outbox");
        String publicId = postStatusId(lain, "status", "hello #fediverse", "visibility", "public");
        postStatusId(lain, "status", "only followers", "visibility", "private");
        JsonNode outbox = http.get("/users/" + lain.nickname() + "/outbox", "Accept", AP).json();
        assertThat(outbox.get("totalItems").asInt()).isEqualTo(2);
        JsonNode page = http.get(path(outbox.get("first").asText()), "Accept", AP).json();
        JsonNode items = page.get("orderedItems");
        assertThat(items).hasSize(1);
        JsonNode create = items.get(0);
        assertThat(create.get("type").asText()).isEqualTo("Create");
        assertThat(create.get("id").asText()).isEqualTo(BASE + "/objects/" + publicId + "/activity");
        assertThat(create.at("/object/id").asText()).isEqualTo(BASE + "/objects/" + publicId);
        assertThat(create.at("/object/tag/0/type").asText()).isEqualTo("Hashtag");
        assertThat(create.at("/object/tag/0/name").asText()).isEqualTo("#fediverse");
    }

    @Test
    void aPublicNoteIsServedAtItsUriAddressedAsMastodonDoes() {
        User lain = user("note");
        User alice = user("note");
        String id = postStatusId(lain, "status", "hi @" + alice.nickname(), "visibility", "public",
                "spoiler_text", "careful");
        JsonNode note = http.get("/objects/" + id, "Accept", AP).json();
        String actor = BASE + "/users/" + lain.nickname();
        assertThat(note.get("type").asText()).isEqualTo("Note");
        assertThat(note.get("attributedTo").asText()).isEqualTo(actor);
        assertThat(note.get("summary").asText()).isEqualTo("careful");
        assertThat(note.get("sensitive").asBoolean()).isTrue();
        assertThat(texts(note.get("to"))).containsExactly("https://www.w3.org/ns/activitystreams#Public");
        assertThat(texts(note.get("cc"))).containsExactly(actor + "/followers", BASE + "/users/" + alice.nickname());
        assertThat(note.at("/tag/0/type").asText()).isEqualTo("Mention");
        assertThat(note.at("/tag/0/name").asText()).isEqualTo("@" + alice.nickname() + "@annals.test");
        JsonNode create = http.get("/objects/" + id + "/activity", "Accept", AP).json();
        assertThat(create.get("type").asText()).isEqualTo("Create");
        assertThat(create.get("actor").asText()).isEqualTo(actor);
    }

    @Test
    void unlistedIsAddressedToFollowersWithPublicInCcAndPrivateOrDirectNotesAre404() {
        User lain = user("note");
        String unlisted = postStatusId(lain, "status", "quiet", "visibility", "unlisted");
        JsonNode note = http.get("/objects/" + unlisted, "Accept", AP).json();
        assertThat(texts(note.get("to"))).containsExactly(BASE + "/users/" + lain.nickname() + "/followers");
        assertThat(texts(note.get("cc"))).containsExactly("https://www.w3.org/ns/activitystreams#Public");
        String priv = postStatusId(lain, "status", "secret", "visibility", "private");
        String direct = postStatusId(lain, "status", "very secret", "visibility", "direct");
        assertThat(http.get("/objects/" + priv, "Accept", AP).status()).isEqualTo(404);
        assertThat(http.get("/objects/" + direct, "Accept", AP).status()).isEqualTo(404);
        assertThat(http.get("/objects/not-an-id", "Accept", AP).status()).isEqualTo(404);
    }

    @Test
    void aBrowserAskingForANoteIsSentToItsPage() {
        User lain = user("note");
        String id = postStatusId(lain, "status", "hello", "visibility", "public");
        Http.Response response = http.get("/objects/" + id, "Accept", "text/html");
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo(BASE + "/notice/" + id);
    }

    private void follow(User follower, User followed) {
        assertThat(http.postForm("/api/v1/accounts/" + followed.id() + "/follow", List.of(),
                "Authorization", follower.bearer()).status()).isEqualTo(200);
    }

    private static String path(String url) {
        return url.substring(BASE.length());
    }

    private static JsonNode linkOfRel(JsonNode jrd, String rel) {
        for (JsonNode link : jrd.get("links")) {
            if (link.get("rel").asText().equals(rel)) {
                return link;
            }
        }
        throw new AssertionError("no link " + rel + " in " + jrd);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }

    private static RSAPublicKey rsaKey(String pem) throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
