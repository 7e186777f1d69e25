package social.annals.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import social.annals.gateway.support.FakeRemoteServer;
import social.annals.gateway.support.FederationApiTest;

/** Posts of other servers: where they show, how they thread, who they notify, and their deletion. */
class RemoteStatusesApiTest extends FederationApiTest {

    /** The remote actor's account id here, the user following it (accepted by its server). */
    private String followAccepted(User user, FakeRemoteServer.Actor remote) {
        User introducer = user("intro");
        deliver(remote, sharedInbox(), Map.of("id", remote.id() + "/follows/" + unique("f"), "type", "Follow",
                "actor", remote.id(), "object", actorUrl(introducer)));
        String remoteId = http.get("/api/v1/accounts/" + introducer.id() + "/followers", "Authorization",
                introducer.bearer()).json().get(0).get("id").asText();
        http.postForm("/api/v1/accounts/" + remoteId + "/follow", List.of(), "Authorization", user.bearer());
        deliver(remote, sharedInbox(), Map.of("id", remote.id() + "/accepts/" + unique("a"), "type", "Accept",
                "actor", remote.id(), "object", Map.of("type", "Follow", "actor", actorUrl(user), "object", remote.id())));
        return remoteId;
    }

    @Test
    void aFollowedAccountsPostReachesTheHomeAndPublicTimelinesButNotTheLocalOne() {
        User lain = user("remote");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        followAccepted(lain, alice);
        String id = noteId(alice);
        assertThat(create(alice, note(alice, id, "<p>hello <b>world</b><script>x()</script></p>", Map.of(
                "summary", "spoilers", "sensitive", true, "url", REMOTE.base() + "/@alice/1",
                "tag", List.of(Map.of("type", "Hashtag", "name", "#Fediverse")),
                "attachment", List.of(Map.of("type", "Document", "mediaType", "image/png",
                        "url", REMOTE.base() + "/media/1.png", "name", "a picture")))))).isEqualTo(202);

        JsonNode home = http.get("/api/v1/timelines/home", "Authorization", lain.bearer()).json();
        assertThat(home).hasSize(1);
        JsonNode status = home.get(0);
        assertThat(status.get("uri").asText()).isEqualTo(id);
        assertThat(status.get("url").asText()).isEqualTo(REMOTE.base() + "/@alice/1");
        assertThat(status.get("content").asText()).isEqualTo("<p>hello <b>world</b></p>");
        assertThat(status.get("spoiler_text").asText()).isEqualTo("spoilers");
        assertThat(status.get("sensitive").asBoolean()).isTrue();
        assertThat(status.at("/pleroma/local").asBoolean()).isFalse();
        assertThat(status.at("/account/acct").asText()).isEqualTo(alice.username() + "@" + REMOTE.host());
        assertThat(status.at("/tags/0/name").asText()).isEqualTo("fediverse");
        assertThat(status.at("/media_attachments/0/url").asText()).isEqualTo(REMOTE.base() + "/media/1.png");
        assertThat(status.at("/media_attachments/0/description").asText()).isEqualTo("a picture");

        assertThat(http.get("/api/v1/timelines/public", "Authorization", lain.bearer()).json().findValuesAsText("uri"))
                .contains(id);
        assertThat(http.get("/api/v1/timelines/public?local=true", "Authorization", lain.bearer()).json()
                .findValuesAsText("uri")).doesNotContain(id);
    }

    @Test
    void theSamePostDeliveredTwiceIsOneStatus() {
        User lain = user("remote");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        followAccepted(lain, alice);
        Map<String, Object> note = note(alice, noteId(alice), "once", Map.of());
        create(alice, note);
        deliver(alice, sharedInbox(), Map.of("id", note.get("id") + "/activity-again", "type", "Create",
                "actor", alice.id(), "object", note));
        assertThat(http.get("/api/v1/timelines/home", "Authorization", lain.bearer()).json()).hasSize(1);
    }

    @Test
    void aMentionOfALocalAccountNotifiesItEvenWithoutAFollow() {
        User lain = user("remote");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        String id = noteId(alice);
        assertThat(create(alice, note(alice, id, "hi @lain", Map.of("to", List.of(actorUrl(lain)), "cc", List.of(),
                "tag", List.of(Map.of("type", "Mention", "href", actorUrl(lain), "name", "@" + lain.nickname())))))
        ).isEqualTo(202);
        JsonNode notifications = http.get("/api/v1/notifications", "Authorization", lain.bearer()).json();
        assertThat(notifications).hasSize(1);
        assertThat(notifications.get(0).get("type").asText()).isEqualTo("mention");
        assertThat(notifications.get(0).at("/status/uri").asText()).isEqualTo(id);
        assertThat(notifications.get(0).at("/status/visibility").asText()).isEqualTo("direct");
    }

    @Test
    void aPostForNobodyHereIsDropped() {
        User lain = user("remote");
        FakeRemoteServer.Actor stranger = REMOTE.actor(unique("stranger"));
        String id = noteId(stranger);
        assertThat(create(stranger, note(stranger, id, "nobody listens", Map.of()))).isEqualTo(202);
        assertThat(http.get("/api/v1/timelines/public", "Authorization", lain.bearer()).json().findValuesAsText("uri"))
                .doesNotContain(id);
    }

    @Test
    void aReplyToALocalPostIsInItsThread() {
        User lain = user("remote");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        followAccepted(lain, alice);
        String parent = postStatusId(lain, "status", "what do you think?", "visibility", "public");
        String id = noteId(alice);
        create(alice, note(alice, id, "I agree", Map.of("inReplyTo", "http://annals.test/objects/" + parent,
                "cc", List.of(alice.id() + "/followers", actorUrl(lain)))));
        JsonNode context = http.get("/api/v1/statuses/" + parent + "/context", "Authorization", lain.bearer()).json();
        assertThat(context.get("descendants").findValuesAsText("uri")).containsExactly(id);
        assertThat(http.get("/api/v1/statuses/" + parent, "Authorization", lain.bearer()).json()
                .get("replies_count").asInt()).isEqualTo(1);
        assertThat(http.get("/api/v1/notifications", "Authorization", lain.bearer()).json().findValuesAsText("type"))
                .contains("mention");
    }

    @Test
    void aReplyToAnUnknownRemotePostFetchesItsParent() {
        User lain = user("remote");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        FakeRemoteServer.Actor bob = REMOTE.actor(unique("bob"));
        followAccepted(lain, alice);
        String parentPath = "/users/" + bob.username() + "/statuses/" + unique("p");
        REMOTE.publish(parentPath, note(bob, REMOTE.base() + parentPath, "the original", Map.of()));
        String id = noteId(alice);
        create(alice, note(alice, id, "a reply", Map.of("inReplyTo", REMOTE.base() + parentPath)));

        JsonNode reply = http.get("/api/v1/timelines/home", "Authorization", lain.bearer()).json().get(0);
        assertThat(reply.get("uri").asText()).isEqualTo(id);
        String parentId = reply.get("in_reply_to_id").asText();
        JsonNode parent = http.get("/api/v1/statuses/" + parentId, "Authorization", lain.bearer()).json();
        assertThat(parent.get("content").asText()).isEqualTo("the original");
        assertThat(parent.at("/account/acct").asText()).isEqualTo(bob.username() + "@" + REMOTE.host());
    }

    @Test
    void onlyItsAuthorCanDeleteAPost() {
        User lain = user("remote");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        FakeRemoteServer.Actor mallory = REMOTE.actor(unique("mallory"));
        followAccepted(lain, alice);
        String id = noteId(alice);
        create(alice, note(alice, id, "soon gone", Map.of()));
        assertThat(deliver(mallory, sharedInbox(), Map.of("id", mallory.id() + "/delete/" + unique("d"),
                "type", "Delete", "actor", mallory.id(), "object", id))).isEqualTo(202);
        assertThat(http.get("/api/v1/timelines/home", "Authorization", lain.bearer()).json()).hasSize(1);
        assertThat(deliver(alice, sharedInbox(), Map.of("id", alice.id() + "/delete/" + unique("d"),
                "type", "Delete", "actor", alice.id(), "object", Map.of("id", id, "type", "Tombstone"))))
                .isEqualTo(202);
        assertThat(http.get("/api/v1/timelines/home", "Authorization", lain.bearer()).json()).isEmpty();
    }

    @Test
    void anEditedNoteChangesWhatThePostSaysOnlyWhenItsAuthorSendsIt() {
        User lain = user("remote");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        FakeRemoteServer.Actor mallory = REMOTE.actor(unique("mallory"));
        followAccepted(lain, alice);
        String id = noteId(alice);
        create(alice, note(alice, id, "<p>first thoughts</p>", Map.of()));
        JsonNode before = http.get("/api/v1/timelines/home", "Authorization", lain.bearer()).json().get(0);
        assertThat(before.get("edited_at").isNull()).isTrue();

        Map<String, Object> forged = note(mallory, id, "<p>forged</p>", Map.of("updated", "2026-12-04T11:00:00Z"));
        assertThat(deliver(mallory, sharedInbox(), Map.of("id", mallory.id() + "/updates/" + unique("u"),
                "type", "Update", "actor", mallory.id(), "object", forged))).isEqualTo(202);
        Map<String, Object> edited = note(alice, id, "<p>second thoughts #edited</p>", Map.of(
                "updated", "2026-12-04T11:00:00Z", "summary", "now with a warning", "sensitive", true,
                "tag", List.of(Map.of("type", "Hashtag", "name", "#edited"))));
        assertThat(deliver(alice, sharedInbox(), Map.of("id", alice.id() + "/updates/" + unique("u"),
                "type", "Update", "actor", alice.id(), "object", edited))).isEqualTo(202);

        JsonNode after = http.get("/api/v1/statuses/" + before.get("id").asText(), "Authorization", lain.bearer())
                .json();
        assertThat(after.get("content").asText()).contains("second thoughts").doesNotContain("forged");
        assertThat(after.get("spoiler_text").asText()).isEqualTo("now with a warning");
        assertThat(after.get("sensitive").asBoolean()).isTrue();
        assertThat(after.get("tags")).extracting(tag -> tag.get("name").asText()).containsExactly("edited");
        assertThat(after.get("edited_at").asText()).isEqualTo("2026-12-04T11:00:00.000Z");
        assertThat(after.get("created_at").asText()).isEqualTo(before.get("created_at").asText());
        assertThat(after.get("visibility").asText()).isEqualTo("public");
    }
}
