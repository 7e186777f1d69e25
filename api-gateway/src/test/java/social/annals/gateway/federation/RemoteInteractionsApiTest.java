package social.annals.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import social.annals.gateway.support.FakeRemoteServer;
import social.annals.gateway.support.FederationApiTest;

/** Favourites and boosts across servers: a remote Like or Announce and its Undo, and ours sent out. */
class RemoteInteractionsApiTest extends FederationApiTest {

    private static String objectUrl(String statusId) {
        return "http://annals.test/objects/" + statusId;
    }

    private static Map<String, Object> undo(FakeRemoteServer.Actor actor, Object undone) {
        return activity(actor, "Undo", undone);
    }

    private JsonNode status(User viewer, String statusId) {
        return http.get("/api/v1/statuses/" + statusId, "Authorization", viewer.bearer()).json();
    }

    private JsonNode relationship(User user, String accountId) {
        return http.get("/api/v1/accounts/relationships?id[]=" + accountId, "Authorization", user.bearer()).json()
                .get(0);
    }

    private JsonNode notificationsOf(User user, String type) {
        return http.get("/api/v1/notifications?types[]=" + type, "Authorization", user.bearer()).json();
    }

    /** The remote actor's account id here, the user following it (accepted by its server). */
    private String followAccepted(User user, FakeRemoteServer.Actor remote) {
        User introducer = user("intro");
        String remoteId = followedBy(remote, introducer);
        http.postForm("/api/v1/accounts/" + remoteId + "/follow", List.of(), "Authorization", user.bearer());
        deliver(remote, sharedInbox(), activity(remote, "Accept", Map.of("type", "Follow", "actor", actorUrl(user),
                "object", remote.id())));
        return remoteId;
    }

    /** A remote post that the user sees, by an author the user follows; answers its status id here. */
    private String remotePostSeenBy(User user, FakeRemoteServer.Actor author) {
        followAccepted(user, author);
        Map<String, Object> note = note(author, noteId(author), "<p>from afar</p>", Map.of());
        assertThat(create(author, note)).isEqualTo(202);
        JsonNode home = http.get("/api/v1/timelines/home", "Authorization", user.bearer()).json();
        for (JsonNode status : home) {
            if (status.get("uri").asText().equals(note.get("id"))) {
                return status.get("id").asText();
            }
        }
        throw new AssertionError("the remote post is not in the home timeline: " + home);
    }

    @Test
    void aRemoteLikeFavouritesALocalPostNotifiesItsAuthorAndItsUndoRemovesIt() {
        User lain = user("likes");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        String id = postStatusId(lain, "status", "like me", "visibility", "public");

        Map<String, Object> like = activity(alice, "Like", objectUrl(id));
        assertThat(deliver(alice, sharedInbox(), like)).isEqualTo(202);
        assertThat(deliver(alice, sharedInbox(), like)).isEqualTo(202);
        assertThat(status(lain, id).get("favourites_count").asInt()).isEqualTo(1);
        JsonNode favouritedBy = http.get("/api/v1/statuses/" + id + "/favourited_by", "Authorization",
                lain.bearer()).json();
        assertThat(favouritedBy.get(0).get("acct").asText()).isEqualTo(alice.username() + "@" + REMOTE.host());
        JsonNode notification = notificationsOf(lain, "favourite").get(0);
        assertThat(notification.at("/account/acct").asText()).isEqualTo(alice.username() + "@" + REMOTE.host());
        assertThat(notification.at("/status/id").asText()).isEqualTo(id);

        assertThat(deliver(alice, sharedInbox(), undo(alice, like))).isEqualTo(202);
        assertThat(status(lain, id).get("favourites_count").asInt()).isZero();
    }

    @Test
    void theRemoteAndLocalSwitchesDropNotificationsFromRemoteAndLocalActors() {
        User noRemote = user("switch");
        User noLocal = user("switch");
        http.putJson("/api/pleroma/notification_settings", Map.of("remote", false), "Authorization", noRemote.bearer());
        http.putJson("/api/pleroma/notification_settings", Map.of("local", false), "Authorization", noLocal.bearer());
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        User bob = user("switch");
        for (User recipient : List.of(noRemote, noLocal)) {
            String id = postStatusId(recipient, "status", "hello", "visibility", "public");
            deliver(alice, sharedInbox(), activity(alice, "Like", objectUrl(id)));
            deliver(alice, sharedInbox(), activity(alice, "Announce", objectUrl(id)));
            deliver(alice, sharedInbox(), follow(alice, actorUrl(recipient)));
            act(bob, "/api/v1/statuses/" + id + "/favourite");
            act(bob, "/api/v1/accounts/" + recipient.id() + "/follow");
        }
        awaitReadModels();

        JsonNode fromLocalOnly = http.get("/api/v1/notifications", "Authorization", noRemote.bearer()).json();
        assertThat(fromLocalOnly).extracting(n -> n.at("/account/id").asText()).containsOnly(bob.id());
        assertThat(fromLocalOnly).extracting(n -> n.get("type").asText()).containsExactlyInAnyOrder("favourite",
                "follow");
        JsonNode fromRemoteOnly = http.get("/api/v1/notifications", "Authorization", noLocal.bearer()).json();
        assertThat(fromRemoteOnly).extracting(n -> n.at("/account/acct").asText())
                .containsOnly(alice.username() + "@" + REMOTE.host());
        assertThat(fromRemoteOnly).extracting(n -> n.get("type").asText()).containsExactlyInAnyOrder("favourite",
                "reblog", "follow");
    }

    /**
     * An Undo of alice's like, embedded or by its id, from someone else or of a like never sent,
     * changes nothing; alice's own Undo by id takes it back.
     */
    @Test
    void anUndoOfSomeoneElsesLikeChangesNothingAndOneByIdIsUnderstood() {
        User lain = user("likes");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        FakeRemoteServer.Actor mallory = REMOTE.actor(unique("mallory"));
        String id = postStatusId(lain, "status", "like me", "visibility", "public");
        Map<String, Object> like = activity(alice, "Like", objectUrl(id));
        deliver(alice, sharedInbox(), like);

        assertThat(deliver(mallory, sharedInbox(), undo(mallory, like))).isEqualTo(202);
        assertThat(deliver(mallory, sharedInbox(), undo(mallory, like.get("id")))).isEqualTo(202);
        assertThat(deliver(alice, sharedInbox(), undo(alice, REMOTE.base() + "/likes/never-sent"))).isEqualTo(202);
        assertThat(status(lain, id).get("favourites_count").asInt()).isEqualTo(1);
        assertThat(deliver(alice, sharedInbox(), undo(alice, like.get("id")))).isEqualTo(202);
        assertThat(status(lain, id).get("favourites_count").asInt()).isZero();
    }

    @Test
    void aLikeOfAPostTheSenderMayNotSeeOrOfAnUnknownOneChangesNothing() {
        User lain = user("likes");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        String followersOnly = postStatusId(lain, "status", "for my followers", "visibility", "private");
        String direct = postStatusId(lain, "status", "just for me", "visibility", "direct");

        assertThat(deliver(alice, sharedInbox(), activity(alice, "Like", objectUrl(followersOnly)))).isEqualTo(202);
        assertThat(deliver(alice, sharedInbox(), activity(alice, "Like", objectUrl(direct)))).isEqualTo(202);
        assertThat(deliver(alice, sharedInbox(), activity(alice, "Like", objectUrl("9999999999")))).isEqualTo(202);
        assertThat(deliver(alice, sharedInbox(), activity(alice, "Like", REMOTE.base() + "/statuses/unknown")))
                .isEqualTo(202);
        assertThat(status(lain, followersOnly).get("favourites_count").asInt()).isZero();
        assertThat(status(lain, direct).get("favourites_count").asInt()).isZero();
        assertThat(notificationsOf(lain, "favourite")).isEmpty();
    }

    @Test
    void aRemoteEmojiReactionIsShownWithTheStatusAndItsUndoRemovesIt() {
        User lain = user("reacts");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        String id = postStatusId(lain, "status", "react to me", "visibility", "public");

        Map<String, Object> react = new LinkedHashMap<>(activity(alice, "EmojiReact", objectUrl(id)));
        react.put("content", "🔥");
        assertThat(deliver(alice, sharedInbox(), react)).isEqualTo(202);
        JsonNode reactions = status(lain, id).at("/pleroma/emoji_reactions");
        assertThat(reactions).hasSize(1);
        assertThat(reactions.get(0).get("name").asText()).isEqualTo("🔥");
        assertThat(reactions.get(0).get("count").asInt()).isEqualTo(1);
        assertThat(notificationsOf(lain, "pleroma:emoji_reaction").get(0).at("/account/acct").asText())
                .isEqualTo(alice.username() + "@" + REMOTE.host());

        Map<String, Object> notAnEmoji = new LinkedHashMap<>(activity(alice, "EmojiReact", objectUrl(id)));
        notAnEmoji.put("content", "not an emoji");
        assertThat(deliver(alice, sharedInbox(), notAnEmoji)).isEqualTo(202);
        assertThat(status(lain, id).at("/pleroma/emoji_reactions")).hasSize(1);

        assertThat(deliver(alice, sharedInbox(), undo(alice, react))).isEqualTo(202);
        assertThat(status(lain, id).at("/pleroma/emoji_reactions")).isEmpty();
    }

    @Test
    void aRemoteCustomEmojiReactionIsShownWithItsImageAndItsUndoRemovesIt() {
        User lain = user("reacts");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        String id = postStatusId(lain, "status", "react to me", "visibility", "public");
        String image = REMOTE.base() + "/emoji/blobcat.png";

        Map<String, Object> react = new LinkedHashMap<>(activity(alice, "EmojiReact", objectUrl(id)));
        react.put("content", ":blobcat:");
        react.put("tag", List.of(Map.of("type", "Emoji", "name", ":blobcat:", "icon", Map.of("type", "Image",
                "url", image))));
        assertThat(deliver(alice, sharedInbox(), react)).isEqualTo(202);
        Map<String, Object> withoutImage = new LinkedHashMap<>(activity(alice, "EmojiReact", objectUrl(id)));
        withoutImage.put("content", ":mystery:");
        assertThat(deliver(alice, sharedInbox(), withoutImage)).isEqualTo(202);

        JsonNode reactions = status(lain, id).at("/pleroma/emoji_reactions");
        assertThat(reactions).hasSize(1);
        assertThat(reactions.get(0).get("name").asText()).isEqualTo("blobcat@" + REMOTE.host());
        assertThat(reactions.get(0).get("url").asText()).isEqualTo(image);
        JsonNode listed = http.get("/api/v1/pleroma/statuses/" + id + "/reactions", "Authorization", lain.bearer())
                .json();
        assertThat(listed.get(0).get("url").asText()).isEqualTo(image);
        assertThat(listed.get(0).at("/accounts/0/acct").asText()).isEqualTo(alice.username() + "@" + REMOTE.host());
        JsonNode notified = notificationsOf(lain, "pleroma:emoji_reaction").get(0);
        assertThat(notified.get("emoji").asText()).isEqualTo("blobcat@" + REMOTE.host());
        assertThat(notified.get("emoji_url").asText()).isEqualTo(image);

        assertThat(deliver(alice, sharedInbox(), undo(alice, react))).isEqualTo(202);
        assertThat(status(lain, id).at("/pleroma/emoji_reactions")).isEmpty();
    }

    @Test
    void reactingToARemotePostSendsAnEmojiReactAndTakingItBackUndoesIt() {
        User lain = user("reacts");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        String id = remotePostSeenBy(lain, alice);
        String uri = status(lain, id).get("uri").asText();

        assertThat(http.putJson("/api/v1/pleroma/statuses/" + id + "/reactions/%F0%9F%94%A5", "", "Authorization",
                lain.bearer()).status()).isEqualTo(200);
        FakeRemoteServer.Delivery react = REMOTE.awaitDelivery("/users/" + alice.username() + "/inbox", "EmojiReact");
        assertThat(react.activity().get("object").asText()).isEqualTo(uri);
        assertThat(react.activity().get("content").asText()).isEqualTo("🔥");

        assertThat(http.delete("/api/v1/pleroma/statuses/" + id + "/reactions/%F0%9F%94%A5", "Authorization",
                lain.bearer()).status()).isEqualTo(200);
        FakeRemoteServer.Delivery undo = REMOTE.awaitDelivery("/users/" + alice.username() + "/inbox", "Undo");
        assertThat(undo.activity().at("/object/type").asText()).isEqualTo("EmojiReact");
        assertThat(undo.activity().at("/object/id").asText()).isEqualTo(react.activity().get("id").asText());
        assertThat(undo.activity().at("/object/content").asText()).isEqualTo("🔥");
    }

    @Test
    void aRemoteAnnounceBoostsALocalPostNotifiesItsAuthorAndItsUndoRemovesIt() {
        User lain = user("boosts");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        String id = postStatusId(lain, "status", "boost me", "visibility", "public");

        Map<String, Object> announce = activity(alice, "Announce", objectUrl(id));
        assertThat(deliver(alice, sharedInbox(), announce)).isEqualTo(202);
        assertThat(status(lain, id).get("reblogs_count").asInt()).isEqualTo(1);
        JsonNode notification = notificationsOf(lain, "reblog").get(0);
        assertThat(notification.at("/account/acct").asText()).isEqualTo(alice.username() + "@" + REMOTE.host());

        assertThat(deliver(alice, sharedInbox(), undo(alice, announce))).isEqualTo(202);
        assertThat(status(lain, id).get("reblogs_count").asInt()).isZero();
    }

    @Test
    void aFollowersOnlyPostCannotBeBoostedEvenByAFollower() {
        User lain = user("boosts");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        followedBy(alice, lain);
        String id = postStatusId(lain, "status", "for my followers", "visibility", "private");

        assertThat(deliver(alice, sharedInbox(), activity(alice, "Announce", objectUrl(id)))).isEqualTo(202);
        assertThat(status(lain, id).get("reblogs_count").asInt()).isZero();
        assertThat(notificationsOf(lain, "reblog")).isEmpty();
    }

    @Test
    void aBoostByAFollowedAccountOfAPostWeHaveNotSeenIsFetchedIntoTheHomeTimeline() {
        User lain = user("boosts");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        FakeRemoteServer.Actor bob = REMOTE.actor(unique("bob"));
        followAccepted(lain, alice);
        Map<String, Object> note = note(bob, noteId(bob), "<p>worth sharing</p>", Map.of());
        REMOTE.publish(((String) note.get("id")).substring(REMOTE.base().length()), note);

        assertThat(deliver(alice, sharedInbox(), activity(alice, "Announce", note.get("id")))).isEqualTo(202);
        JsonNode boost = http.get("/api/v1/timelines/home", "Authorization", lain.bearer()).json().get(0);
        assertThat(boost.at("/account/acct").asText()).isEqualTo(alice.username() + "@" + REMOTE.host());
        assertThat(boost.at("/reblog/uri").asText()).isEqualTo(note.get("id"));
        assertThat(boost.at("/reblog/account/acct").asText()).isEqualTo(bob.username() + "@" + REMOTE.host());
        assertThat(boost.at("/reblog/content").asText()).contains("worth sharing");
    }

    @Test
    void aRemoteBlockEndsTheFollowsBothWaysAndItsUndoLiftsIt() {
        User lain = user("blocks");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        String aliceId = followAccepted(lain, alice);
        followedBy(alice, lain);
        JsonNode before = relationship(lain, aliceId);
        assertThat(before.get("following").asBoolean()).isTrue();
        assertThat(before.get("followed_by").asBoolean()).isTrue();

        Map<String, Object> block = activity(alice, "Block", actorUrl(lain));
        assertThat(deliver(alice, sharedInbox(), block)).isEqualTo(202);
        JsonNode blocked = relationship(lain, aliceId);
        assertThat(blocked.get("following").asBoolean()).isFalse();
        assertThat(blocked.get("followed_by").asBoolean()).isFalse();
        assertThat(blocked.get("blocked_by").asBoolean()).isTrue();

        assertThat(deliver(alice, sharedInbox(), undo(alice, block))).isEqualTo(202);
        assertThat(relationship(lain, aliceId).get("blocked_by").asBoolean()).isFalse();
    }

    @Test
    void blockingARemoteAccountSendsABlockAndUnblockingUndoesIt() {
        User lain = user("blocks");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        String aliceId = followedBy(alice, lain);

        act(lain, "/api/v1/accounts/" + aliceId + "/block");
        FakeRemoteServer.Delivery block = REMOTE.awaitDelivery("/users/" + alice.username() + "/inbox", "Block");
        assertThat(block.activity().get("actor").asText()).isEqualTo(actorUrl(lain));
        assertThat(block.activity().get("object").asText()).isEqualTo(alice.id());

        act(lain, "/api/v1/accounts/" + aliceId + "/unblock");
        FakeRemoteServer.Delivery undo = REMOTE.awaitDelivery("/users/" + alice.username() + "/inbox", "Undo");
        assertThat(undo.activity().at("/object/id").asText()).isEqualTo(block.activity().get("id").asText());
    }

    @Test
    void aRemoteFlagBecomesAReportWithTheReportedAccountsStatuses() {
        User lain = user("flags");
        User other = user("flags");
        String bad = postStatusId(lain, "status", "something bad", "visibility", "public");
        String unrelated = postStatusId(other, "status", "unrelated", "visibility", "public");
        FakeRemoteServer.Actor moderator = REMOTE.actor(unique("instance"));
        Map<String, Object> flag = new LinkedHashMap<>(activity(moderator, "Flag",
                List.of(actorUrl(lain), objectUrl(bad), objectUrl(unrelated))));
        flag.put("content", "<p>spam from your user</p>");

        assertThat(deliver(moderator, sharedInbox(), flag)).isEqualTo(202);
        assertThat(deliver(moderator, sharedInbox(), flag)).isEqualTo(202);
        JsonNode reports = http.get("/api/pleroma/admin/reports?admin_token=" + ADMIN_TOKEN).json().get("reports");
        List<JsonNode> aboutLain = new ArrayList<>();
        reports.forEach(report -> {
            if (report.at("/account/id").asText().equals(lain.id())) {
                aboutLain.add(report);
            }
        });
        assertThat(aboutLain).hasSize(1);
        JsonNode report = aboutLain.get(0);
        assertThat(report.at("/actor/acct").asText()).isEqualTo(moderator.username() + "@" + REMOTE.host());
        assertThat(report.get("content").asText()).isEqualTo("spam from your user");
        assertThat(report.get("statuses")).extracting(status -> status.get("id").asText()).containsExactly(bad);
    }

    @Test
    void aForwardedReportOfARemoteAccountSendsAFlagFromTheInstance() {
        User lain = user("flags");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        String post = remotePostSeenBy(lain, alice);
        String aliceId = status(lain, post).at("/account/id").asText();
        String uri = status(lain, post).get("uri").asText();

        assertThat(http.postJson("/api/v1/reports", Map.of("account_id", aliceId, "status_ids", List.of(post),
                "comment", "not nice", "forward", true), "Authorization", lain.bearer()).status()).isEqualTo(200);
        FakeRemoteServer.Delivery flag = REMOTE.awaitDelivery("/inbox", "Flag");
        assertThat(flag.activity().get("actor").asText()).isEqualTo("http://annals.test/internal/fetch");
        assertThat(flag.activity().get("object").toString()).contains(alice.id(), uri);
        assertThat(flag.activity().get("content").asText()).isEqualTo("not nice");
        assertThat(flag.header("Signature")).contains("keyId=\"http://annals.test/internal/fetch#main-key\"");
    }

    @Test
    void aReportNotForwardedStaysHere() {
        User lain = user("flags");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        String aliceId = followedBy(alice, lain);
        assertThat(http.postJson("/api/v1/reports", Map.of("account_id", aliceId, "comment", "meh"),
                "Authorization", lain.bearer()).status()).isEqualTo(200);
        awaitReadModels();
        assertThat(REMOTE.deliveries().stream().filter(delivery -> delivery.activity() != null
                && "Flag".equals(delivery.activity().path("type").asText())
                && delivery.activity().path("object").toString().contains(alice.id()))).isEmpty();
    }

    @Test
    void anActorThatDeletesItselfDisappearsWithItsPostsAndFollows() {
        User lain = user("gone");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        String post = remotePostSeenBy(lain, alice);
        String aliceId = status(lain, post).at("/account/id").asText();
        followedBy(alice, lain);
        FakeRemoteServer.Actor mallory = REMOTE.actor(unique("mallory"));
        assertThat(deliver(mallory, sharedInbox(), activity(mallory, "Delete", alice.id()))).isEqualTo(202);
        assertThat(relationship(lain, aliceId).get("following").asBoolean()).isTrue();

        assertThat(deliver(alice, sharedInbox(), activity(alice, "Delete", alice.id()))).isEqualTo(202);
        assertThat(http.get("/api/v1/statuses/" + post, "Authorization", lain.bearer()).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/timelines/home", "Authorization", lain.bearer()).json()).isEmpty();
        JsonNode relationship = relationship(lain, aliceId);
        assertThat(relationship.get("following").asBoolean()).isFalse();
        assertThat(relationship.get("followed_by").asBoolean()).isFalse();
        assertThat(http.get("/api/v1/accounts/" + aliceId, "Authorization", lain.bearer()).json()
                .at("/pleroma/deactivated").asBoolean()).isTrue();
        String after = postStatusId(lain, "status", "after", "visibility", "public");
        deliver(alice, sharedInbox(), activity(alice, "Like", objectUrl(after)));
        assertThat(status(lain, after).get("favourites_count").asInt()).isZero();
    }

    @Test
    void favouritingARemotePostSendsALikeToItsAuthorAndUnfavouritingUndoesThatLike() {
        User lain = user("likes");
        FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
        String id = remotePostSeenBy(lain, alice);
        String uri = status(lain, id).get("uri").asText();

        act(lain, "/api/v1/statuses/" + id + "/favourite");
        FakeRemoteServer.Delivery like = REMOTE.awaitDelivery("/users/" + alice.username() + "/inbox", "Like");
        assertThat(like.activity().get("actor").asText()).isEqualTo(actorUrl(lain));
        assertThat(like.activity().get("object").asText()).isEqualTo(uri);

        act(lain, "/api/v1/statuses/" + id + "/unfavourite");
        FakeRemoteServer.Delivery undo = REMOTE.awaitDelivery("/users/" + alice.username() + "/inbox", "Undo");
        assertThat(undo.activity().at("/object/type").asText()).isEqualTo("Like");
        assertThat(undo.activity().at("/object/id").asText()).isEqualTo(like.activity().get("id").asText());
        assertThat(undo.activity().at("/object/object").asText()).isEqualTo(uri);
    }

    @Test
    void boostingSendsAnAnnounceToTheRemoteFollowersAndTheRemoteAuthorAndUnboostingUndoesIt() {
        User lain = user("boosts");
        FakeRemoteServer followers = new FakeRemoteServer();
        try {
            FakeRemoteServer.Actor carol = followers.actor(unique("carol"));
            deliver(followers, carol, sharedInbox(), follow(carol, actorUrl(lain)));
            FakeRemoteServer.Actor alice = REMOTE.actor(unique("alice"));
            String id = remotePostSeenBy(lain, alice);
            String uri = status(lain, id).get("uri").asText();

            act(lain, "/api/v1/statuses/" + id + "/reblog");
            FakeRemoteServer.Delivery toAuthor = REMOTE.awaitDelivery("/inbox", "Announce");
            FakeRemoteServer.Delivery toFollowers = followers.awaitDelivery("/inbox", "Announce");
            assertThat(toAuthor.activity().get("object").asText()).isEqualTo(uri);
            assertThat(toFollowers.activity().get("id").asText()).isEqualTo(toAuthor.activity().get("id").asText());
            assertThat(toAuthor.activity().get("actor").asText()).isEqualTo(actorUrl(lain));
            assertThat(toAuthor.activity().get("cc").toString()).contains(alice.id(), actorUrl(lain) + "/followers");
            JsonNode outbox = http.get("/users/" + lain.nickname() + "/outbox?page=true", "Accept",
                    "application/activity+json").json();
            assertThat(outbox.at("/orderedItems/0/type").asText()).isEqualTo("Announce");
            assertThat(outbox.at("/orderedItems/0/object").asText()).isEqualTo(uri);

            act(lain, "/api/v1/statuses/" + id + "/unreblog");
            FakeRemoteServer.Delivery undo = followers.awaitDelivery("/inbox", "Undo");
            assertThat(undo.activity().at("/object/type").asText()).isEqualTo("Announce");
            assertThat(undo.activity().at("/object/id").asText()).isEqualTo(toAuthor.activity().get("id").asText());
            REMOTE.awaitDelivery("/inbox", "Undo");
        } finally {
            followers.close();
        }
    }
}
