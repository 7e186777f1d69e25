package social.annals.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import social.annals.gateway.support.ApiTest;
import social.annals.gateway.support.Http;
import social.annals.query.status.StatusProjection;

class StatusesApiTest extends ApiTest {

    @Autowired
    EventProcessingConfiguration processing;

    /** A rebuild, a database blip or a node taking over can hold the read model back; the post is saved all the same. */
    @Test
    void aPostIsAnsweredFromItsDecisionWhileTheStatusesReadModelIsBehind() {
        User author = user("ahead");
        StreamingEventProcessor readModel = processing.eventProcessor(StatusProjection.GROUP,
                StreamingEventProcessor.class).orElseThrow();
        readModel.shutDown();
        Http.Response posted;
        try {
            posted = postStatus(author, "status", "saved #anyway", "spoiler_text", "cw", "visibility", "unlisted");
        } finally {
            readModel.start();
        }
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        JsonNode status = posted.json();
        assertThat(status.get("content").asText()).contains("saved", "data-tag=\"anyway\"");
        assertThat(status.get("spoiler_text").asText()).isEqualTo("cw");
        assertThat(status.get("visibility").asText()).isEqualTo("unlisted");
        assertThat(status.get("account").get("id").asText()).isEqualTo(author.id());
        String id = status.get("id").asText();
        JsonNode stored = eventually(() -> http.get("/api/v1/statuses/" + id), r -> r.status() == 200,
                "the status in the read model").json();
        assertThat(stored.get("created_at").asText()).isEqualTo(status.get("created_at").asText());
        assertThat(stored.get("content").asText()).isEqualTo(status.get("content").asText());
    }

    private int statusFor(User viewer, String statusId) {
        return viewer == null ? http.get("/api/v1/statuses/" + statusId).status()
                : http.get("/api/v1/statuses/" + statusId, "Authorization", viewer.bearer()).status();
    }

    private static String reactionPath(String statusId, String emoji) {
        return "/api/v1/pleroma/statuses/" + statusId + "/reactions/"
                + java.net.URLEncoder.encode(emoji, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void emojiReactionsAreCountedPerEmojiListedWithTheirAccountsAndTakenBack() {
        User author = user("reacted");
        User fan = user("fan");
        User other = user("otherfan");
        User outsider = user("outsider");
        String statusId = postStatusId(author, "status", "react to me");
        String secret = postStatusId(author, "status", "only for @" + fan.nickname(), "visibility", "direct");

        Http.Response reacted = http.putJson(reactionPath(statusId, "👍"), "", "Authorization", fan.bearer());
        assertThat(reacted.status()).as(reacted.body()).isEqualTo(200);
        assertThat(reacted.json().get("pleroma").get("emoji_reactions").toString())
                .isEqualTo("[{\"name\":\"👍\",\"count\":1,\"me\":true}]");
        assertThat(http.putJson(reactionPath(statusId, "👍"), "", "Authorization", fan.bearer()).status())
                .isEqualTo(200);
        http.putJson(reactionPath(statusId, "🎉"), "", "Authorization", other.bearer());
        http.putJson(reactionPath(statusId, "👍"), "", "Authorization", other.bearer());

        JsonNode seenByAnyone = http.get("/api/v1/statuses/" + statusId).json().get("pleroma").get("emoji_reactions");
        assertThat(seenByAnyone.toString()).isEqualTo("[{\"name\":\"👍\",\"count\":2,\"me\":false},"
                + "{\"name\":\"🎉\",\"count\":1,\"me\":false}]");
        JsonNode listed = http.get("/api/v1/pleroma/statuses/" + statusId + "/reactions", "Authorization",
                other.bearer()).json();
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("name").asText()).isEqualTo("👍");
        assertThat(listed.get(0).get("me").asBoolean()).isTrue();
        assertThat(ids(listed.get(0).get("accounts"))).containsExactly(fan.id(), other.id());
        assertThat(ids(http.get(reactionPath(statusId, "🎉")).json().get(0).get("accounts")))
                .containsExactly(other.id());

        Http.Response takenBack = http.delete(reactionPath(statusId, "👍"), "Authorization", fan.bearer());
        assertThat(takenBack.status()).isEqualTo(200);
        assertThat(takenBack.json().get("pleroma").get("emoji_reactions").get(0).get("count").asInt()).isEqualTo(1);
        assertThat(takenBack.json().get("pleroma").get("emoji_reactions").get(0).get("me").asBoolean()).isFalse();

        // Pleroma's refusals: 400 for anything but one emoji, for a reaction that is not there, and for
        // a status the caller cannot see (it does not tell those apart); the listing is then empty.
        for (String notOne : List.of("ab", "👍👍", ":blobcat:")) {
            Http.Response refused = http.putJson(reactionPath(statusId, notOne), "", "Authorization", fan.bearer());
            assertThat(refused.status()).as(notOne).isEqualTo(400);
            assertThat(refused.json().get("error").asText()).isEqualTo("Could not add reaction emoji");
        }
        Http.Response notThere = http.delete(reactionPath(statusId, "👍"), "Authorization", fan.bearer());
        assertThat(notThere.status()).isEqualTo(400);
        assertThat(notThere.json().get("error").asText()).isEqualTo("Could not remove reaction emoji");
        assertThat(http.putJson(reactionPath(secret, "👍"), "", "Authorization", outsider.bearer()).status())
                .isEqualTo(400);
        assertThat(http.putJson(reactionPath("garbage", "👍"), "", "Authorization", fan.bearer()).status())
                .isEqualTo(400);
        assertThat(http.putJson(reactionPath(statusId, "👍"), "").status()).isEqualTo(403);
        http.putJson(reactionPath(secret, "👍"), "", "Authorization", fan.bearer());
        assertThat(http.get("/api/v1/pleroma/statuses/" + secret + "/reactions", "Authorization",
                outsider.bearer()).body()).isEqualTo("[]");
        assertThat(http.get("/api/v1/pleroma/statuses/nope/reactions").body()).isEqualTo("[]");
    }

    @Test
    void theAuthorPinsOnePublicStatusAndADeletedOneFreesItsPlace() {
        User author = user("pinner");
        User other = user("pinwatcher");
        String first = postStatusId(author, "status", "pin me");
        String second = postStatusId(author, "status", "pin me instead");
        String hidden = postStatusId(author, "status", "friends only", "visibility", "private");
        String pinnedOnly = "/api/v1/accounts/" + author.id() + "/statuses?pinned=true";

        Http.Response pinned = act(author, "/api/v1/statuses/" + first + "/pin");
        assertThat(pinned.json().get("pinned").asBoolean()).isTrue();
        act(author, "/api/v1/statuses/" + first + "/pin");
        assertThat(ids(http.get(pinnedOnly))).containsExactly(first);
        assertThat(http.get(pinnedOnly).header("link")).isNull();
        assertThat(http.get(pinnedOnly + "&max_id=" + first).json()).isEmpty(); // one page only
        String boost = act(other, "/api/v1/statuses/" + second + "/reblog").json().get("id").asText();
        assertThat(http.postJson("/api/v1/statuses/" + boost + "/pin", "", "Authorization", other.bearer()).json()
                .get("error").asText()).isEqualTo("Could not pin");
        assertThat(http.get("/api/v1/statuses/" + first).json().get("pinned").asBoolean()).isTrue();

        Http.Response full = http.postJson("/api/v1/statuses/" + second + "/pin", "", "Authorization", author.bearer());
        assertThat(full.status()).isEqualTo(400);
        assertThat(full.json().get("error").asText()).isEqualTo("You have already pinned the maximum number of statuses");
        Http.Response notTheirs = http.postJson("/api/v1/statuses/" + first + "/pin", "", "Authorization",
                other.bearer());
        assertThat(notTheirs.status()).isEqualTo(400);
        assertThat(notTheirs.json().get("error").asText()).isEqualTo("Could not pin");
        act(author, "/api/v1/statuses/" + first + "/unpin");
        assertThat(http.postJson("/api/v1/statuses/" + hidden + "/pin", "", "Authorization", author.bearer())
                .json().get("error").asText()).isEqualTo("Could not pin");
        assertThat(ids(http.get(pinnedOnly))).isEmpty();

        act(author, "/api/v1/statuses/" + second + "/pin");
        assertThat(http.delete("/api/v1/statuses/" + second, "Authorization", author.bearer()).status())
                .isEqualTo(200);
        assertThat(act(author, "/api/v1/statuses/" + first + "/pin").json().get("pinned").asBoolean()).isTrue();
        assertThat(http.postJson("/api/v1/statuses/garbage/pin", "", "Authorization", author.bearer()).status())
                .isEqualTo(404);
    }

    @Test
    void bookmarksAreListedForTheirOwnerOnlyFlaggedAndIdempotent() {
        User author = user("bookmarked");
        User reader = user("bookmarker");
        String older = postStatusId(author, "status", "keep this");
        String newer = postStatusId(author, "status", "and this");
        String secret = postStatusId(author, "status", "not for the reader", "visibility", "direct");

        Http.Response marked = act(reader, "/api/v1/statuses/" + older + "/bookmark");
        assertThat(marked.json().get("bookmarked").asBoolean()).isTrue();
        act(reader, "/api/v1/statuses/" + older + "/bookmark");
        act(reader, "/api/v1/statuses/" + newer + "/bookmark");
        assertThat(http.get("/api/v1/statuses/" + older, "Authorization", author.bearer()).json().get("bookmarked")
                .asBoolean()).isFalse();

        Http.Response listed = http.get("/api/v1/bookmarks?limit=1", "Authorization", reader.bearer());
        assertThat(ids(listed)).containsExactly(newer);
        assertThat(listed.header("link")).contains("/api/v1/bookmarks?limit=1&max_id=" + newer).contains("rel=\"prev\"");
        assertThat(ids(http.get("/api/v1/bookmarks", "Authorization", reader.bearer()))).containsExactly(newer, older);
        assertThat(ids(http.get("/api/v1/bookmarks", "Authorization", author.bearer()))).isEmpty();
        assertThat(http.get("/api/v1/bookmarks").status()).isEqualTo(403);

        assertThat(act(reader, "/api/v1/statuses/" + newer + "/unbookmark").json().get("bookmarked").asBoolean())
                .isFalse();
        act(reader, "/api/v1/statuses/" + newer + "/unbookmark");
        assertThat(ids(http.get("/api/v1/bookmarks", "Authorization", reader.bearer()))).containsExactly(older);
        assertThat(http.postJson("/api/v1/statuses/" + secret + "/bookmark", "", "Authorization", reader.bearer())
                .status()).isEqualTo(404);
        assertThat(http.postJson("/api/v1/statuses/garbage/bookmark", "", "Authorization", reader.bearer())
                .status()).isEqualTo(404);
    }

    /** Pleroma-FE asks for a preview as the user types: the same multipart post with preview=true. */
    @Test
    void aPreviewIsRenderedLikeAPostButNothingIsPosted() {
        User author = user("previewer");
        User friend = user("previewed");
        Http.Response preview = http.postMultipart("/api/v1/statuses", List.of("status", "draft for @"
                + friend.nickname() + " #idea", "source", "Pleroma FE", "visibility", "private", "content_type",
                "text/plain", "preview", "true"), "Authorization", author.bearer());
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("content").asText()).contains("data-user=\"" + friend.id() + "\"")
                .contains("#idea");
        assertThat(preview.json().get("visibility").asText()).isEqualTo("private");
        assertThat(preview.json().get("account").get("id").asText()).isEqualTo(author.id());

        assertThat(http.get("/api/v1/statuses/" + preview.json().get("id").asText(), "Authorization",
                author.bearer()).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/accounts/" + author.id() + "/statuses", "Authorization", author.bearer()).json())
                .isEmpty();
        Http.Response empty = http.postMultipart("/api/v1/statuses", List.of("status", " ", "preview", "true"),
                "Authorization", author.bearer());
        assertThat(empty.status()).isEqualTo(422);
    }

    @Test
    void postingAnswersTheWholeStatusEntity() {
        User author = user("poster");
        User friend = user("friend");
        Http.Response response = postStatus(author, "status", "hello @" + friend.nickname() + " #Cofe https://example.org",
                "spoiler_text", "2hu", "visibility", "unlisted", "sensitive", "true");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode status = response.json();
        assertThat(status.get("id").asText()).hasSize(18);
        assertThat(status.get("content").asText())
                .startsWith("hello <span class=\"h-card\"><a class=\"u-url mention\" data-user=\"" + friend.id())
                .contains("<a class=\"hashtag\" data-tag=\"cofe\" href=\"http://annals.test/tag/cofe\" rel=\"tag ugc\">#Cofe</a>")
                .contains("<a href=\"https://example.org\" rel=\"ugc\">https://example.org</a>");
        assertThat(status.get("spoiler_text").asText()).isEqualTo("2hu");
        assertThat(status.get("visibility").asText()).isEqualTo("unlisted");
        assertThat(status.get("sensitive").asBoolean()).isTrue();
        assertThat(status.get("reblog").isNull()).isTrue();
        assertThat(status.get("account").get("id").asText()).isEqualTo(author.id());
        assertThat(status.get("account").get("statuses_count").asInt()).isEqualTo(1);
        assertThat(status.get("mentions").get(0).get("acct").asText()).isEqualTo(friend.nickname());
        assertThat(status.get("tags").get(0).get("name").asText()).isEqualTo("cofe");
        assertThat(status.get("media_attachments").isArray()).isTrue();
        assertThat(status.get("emojis").isArray()).isTrue();
        assertThat(status.get("application").get("name").asText()).isEqualTo("tests");
        assertThat(status.get("url").asText()).isEqualTo("http://annals.test/notice/" + status.get("id").asText());
        JsonNode pleroma = status.get("pleroma");
        assertThat(pleroma.get("local").asBoolean()).isTrue();
        assertThat(pleroma.get("content").get("text/plain").asText())
                .isEqualTo("hello @" + friend.nickname() + " #Cofe https://example.org");
        assertThat(pleroma.get("spoiler_text").get("text/plain").asText()).isEqualTo("2hu");
        assertThat(pleroma.get("conversation_id").asText()).isEqualTo(status.get("id").asText());
        for (String field : List.of("uri", "created_at", "in_reply_to_id", "in_reply_to_account_id", "reblogs_count",
                "favourites_count", "replies_count", "favourited", "reblogged", "muted", "pinned", "bookmarked",
                "card", "language")) {
            assertThat(status.has(field)).as(field).isTrue();
        }
    }

    @Test
    void customEmojiShortcodesBecomeEmojiObjectsAndUnknownOnesStayText() {
        User author = user("emojiwriter");
        JsonNode status = postStatus(author, "status", "love :heart: and :heart:, not :nosuchemoji:",
                "spoiler_text", "cw :firefox:").json();
        assertThat(status.get("content").asText()).contains(":heart:").contains(":nosuchemoji:");
        assertThat(status.get("emojis").toString()).isEqualTo("[{\"shortcode\":\"heart\","
                + "\"url\":\"http://annals.test/emoji/custom/heart.png\","
                + "\"static_url\":\"http://annals.test/emoji/custom/heart.png\",\"visible_in_picker\":false},"
                + "{\"shortcode\":\"firefox\",\"url\":\"http://annals.test/emoji/Firefox.gif\","
                + "\"static_url\":\"http://annals.test/emoji/Firefox.gif\",\"visible_in_picker\":false}]");
        JsonNode shown = http.get("/api/v1/statuses/" + status.get("id").asText()).json();
        assertThat(shown.get("emojis")).isEqualTo(status.get("emojis"));
    }

    @Test
    void emptyAndTooLongStatusesAreRefusedAndTheLimitItselfIsAccepted() {
        User author = user("limits");
        for (List<String> form : List.of(List.of("status", "   "), List.of("spoiler_text", "x"), List.<String>of())) {
            Http.Response empty = http.postForm("/api/v1/statuses", form, "Authorization", author.bearer());
            assertThat(empty.status()).isEqualTo(422);
            assertThat(empty.json().get("error").asText()).isEqualTo("Cannot post an empty status without attachments");
        }
        Http.Response tooLong = postStatus(author, "status", "x".repeat(4999), "spoiler_text", "ab");
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("error").asText()).isEqualTo("The status is over the character limit");
        assertThat(postStatus(author, "status", "x".repeat(4998), "spoiler_text", "ab").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/accounts/" + author.id()).json().get("statuses_count").asInt()).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyAnswersTheSameStatus() {
        User author = user("idem");
        Http.Response first = http.postForm("/api/v1/statuses", List.of("status", "cofe"), "Authorization",
                author.bearer(), "Idempotency-Key", "Pikachu rocks!");
        Http.Response again = http.postForm("/api/v1/statuses", List.of("status", "cofe"), "Authorization",
                author.bearer(), "idempotency-key", "Pikachu rocks!");
        Http.Response other = http.postForm("/api/v1/statuses", List.of("status", "cofe"), "Authorization",
                author.bearer());
        assertThat(again.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        assertThat(other.json().get("id").asText()).isNotEqualTo(first.json().get("id").asText());
        assertThat(http.get("/api/v1/accounts/" + author.id()).json().get("statuses_count").asInt()).isEqualTo(2);
    }

    @Test
    void repliesKeepTheThreadAndItsVisibilityAndAnEmptyReplyIdIsIgnored() {
        User author = user("threader");
        User other = user("replier");
        String root = postStatusId(author, "status", "root", "visibility", "unlisted");
        JsonNode reply = postStatus(other, "status", "reply", "in_reply_to_id", root).json();
        assertThat(reply.get("in_reply_to_id").asText()).isEqualTo(root);
        assertThat(reply.get("in_reply_to_account_id").asText()).isEqualTo(author.id());
        assertThat(reply.get("visibility").asText()).isEqualTo("unlisted");
        assertThat(reply.get("pleroma").get("conversation_id").asText()).isEqualTo(root);
        assertThat(reply.get("pleroma").get("in_reply_to_account_acct").asText()).isEqualTo(author.nickname());
        assertThat(http.get("/api/v1/statuses/" + root).json().get("replies_count").asInt()).isEqualTo(1);
        JsonNode plain = postStatus(other, "status", "not a reply", "in_reply_to_id", "").json();
        assertThat(plain.get("in_reply_to_id").isNull()).isTrue();
        assertThat(postStatus(other, "status", "x", "visibility", "galactic").json().get("visibility").asText())
                .isEqualTo("public");
    }

    @Test
    void aThreadsContextHasItsAncestorsAndDescendantsTheViewerMaySee() {
        User a = user("ctxa");
        User b = user("ctxb");
        User c = user("ctxc");
        String root = postStatusId(a, "status", "root");
        String reply = postStatusId(b, "status", "reply", "in_reply_to_id", root);
        String deeper = postStatusId(a, "status", "deeper", "in_reply_to_id", reply);
        String sibling = postStatusId(c, "status", "sibling", "in_reply_to_id", root);
        String hidden = postStatusId(c, "status", "psst @" + b.nickname(), "in_reply_to_id", root, "visibility", "direct");

        JsonNode context = http.get("/api/v1/statuses/" + reply + "/context").json();
        assertThat(ids(context.get("ancestors"))).containsExactly(root);
        assertThat(ids(context.get("descendants"))).containsExactly(deeper);
        JsonNode fromRoot = http.get("/api/v1/statuses/" + root + "/context").json();
        assertThat(fromRoot.get("ancestors")).isEmpty();
        assertThat(ids(fromRoot.get("descendants"))).containsExactly(reply, deeper, sibling);
        JsonNode forB = http.get("/api/v1/statuses/" + root + "/context", "Authorization", b.bearer()).json();
        assertThat(ids(forB.get("descendants"))).containsExactly(reply, deeper, sibling, hidden);
        assertThat(http.get("/api/v1/statuses/9eoozpwTul5mjSEDRI/context").status()).isEqualTo(404);
    }

    @Test
    void tagAndDirectTimelinesAndBoosters() {
        User a = user("taga");
        User b = user("tagb");
        String tag = "tag" + a.nickname().substring(4);
        String tagged = postStatusId(a, "status", "about #" + tag.toUpperCase());
        postStatusId(a, "status", "quietly #" + tag, "visibility", "unlisted");
        assertThat(ids(http.get("/api/v1/timelines/tag/" + tag))).containsExactly(tagged);
        assertThat(http.get("/api/v1/timelines/tag/nothing-here-" + tag).body()).isEqualTo("[]");

        String dm = postStatusId(a, "status", "hi @" + b.nickname(), "visibility", "direct");
        assertThat(ids(http.get("/api/v1/timelines/direct", "Authorization", b.bearer()))).containsExactly(dm);
        assertThat(ids(http.get("/api/v1/timelines/direct", "Authorization", a.bearer()))).containsExactly(dm);
        assertThat(http.get("/api/v1/timelines/direct").status()).isEqualTo(403);

        act(b, "/api/v1/statuses/" + tagged + "/reblog");
        List<String> boosters = new ArrayList<>();
        http.get("/api/v1/statuses/" + tagged + "/reblogged_by").json()
                .forEach(account -> boosters.add(account.get("id").asText()));
        assertThat(boosters).containsExactly(b.id());
    }

    @Test
    void searchFindsAccountsHashtagsAndVisibleStatuses() {
        User a = user("seeker");
        User b = user("Findable");
        String word = "zq" + b.nickname().substring(8).toLowerCase();
        String visible = postStatusId(b, "status", "public " + word + " #" + word);
        postStatusId(b, "status", "secret " + word, "visibility", "direct");
        JsonNode accounts = http.get("/api/v1/accounts/search?q=@" + b.nickname().toLowerCase(), "Authorization",
                a.bearer()).json();
        assertThat(accounts.get(0).get("id").asText()).isEqualTo(b.id());
        JsonNode result = http.get("/api/v2/search?q=" + word).json();
        assertThat(ids(result.get("statuses"))).containsExactly(visible);
        assertThat(result.get("hashtags").get(0).get("name").asText()).isEqualTo(word);
        assertThat(result.get("accounts").isArray()).isTrue();
        assertThat(http.get("/api/v2/search?q=%25_%25").json().get("statuses")).isEmpty();
        assertThat(http.get("/api/v1/accounts/search").status()).isEqualTo(400);
    }

    @Test
    void visibilityMatrix() {
        User author = user("vauthor");
        User follower = user("vfollower");
        User stranger = user("vstranger");
        User mentioned = user("vmentioned");
        User blocked = user("vblocked");
        act(follower, "/api/v1/accounts/" + author.id() + "/follow");
        act(blocked, "/api/v1/accounts/" + author.id() + "/follow");
        act(blocked, "/api/v1/accounts/" + author.id() + "/block");

        String publicId = postStatusId(author, "status", "public @" + mentioned.nickname());
        String unlisted = postStatusId(author, "status", "unlisted @" + mentioned.nickname(), "visibility", "unlisted");
        String privateId = postStatusId(author, "status", "private @" + mentioned.nickname(), "visibility", "private");
        String direct = postStatusId(author, "status", "direct @" + mentioned.nickname(), "visibility", "direct");

        // status → [author, follower, stranger, mentioned, blocked viewer, anonymous]
        Map<String, List<Integer>> expected = Map.of(
                publicId, List.of(200, 200, 200, 200, 404, 200),
                unlisted, List.of(200, 200, 200, 200, 404, 200),
                privateId, List.of(200, 200, 404, 200, 404, 404),
                direct, List.of(200, 404, 404, 200, 404, 404));
        expected.forEach((id, statuses) -> {
            List<User> viewers = new ArrayList<>(List.of(author, follower, stranger, mentioned, blocked));
            List<Integer> actual = new ArrayList<>();
            viewers.forEach(viewer -> actual.add(statusFor(viewer, id)));
            actual.add(statusFor(null, id));
            assertThat(actual).as(id).isEqualTo(statuses);
        });

        assertThat(ids(http.get("/api/v1/accounts/" + author.id() + "/statuses", "Authorization", follower.bearer())))
                .containsExactly(privateId, unlisted, publicId);
        assertThat(ids(http.get("/api/v1/accounts/" + author.id() + "/statuses", "Authorization", mentioned.bearer())))
                .containsExactly(direct, privateId, unlisted, publicId);
        assertThat(ids(http.get("/api/v1/accounts/" + author.id() + "/statuses")))
                .containsExactly(unlisted, publicId);
        assertThat(ids(http.get("/api/v1/timelines/public"))).contains(publicId).doesNotContain(unlisted, privateId,
                direct);
    }

    @Test
    void onlyTheAuthorDeletesAndADeletedStatusIsGone() {
        User author = user("deleter");
        User other = user("notdeleter");
        String id = postStatusId(author, "status", "bye");
        Http.Response refused = http.delete("/api/v1/statuses/" + id, "Authorization", other.bearer());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asText()).isEqualTo("Can't delete this post");
        Http.Response deleted = http.delete("/api/v1/statuses/" + id, "Authorization", author.bearer());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{}");
        assertThat(http.get("/api/v1/statuses/" + id).status()).isEqualTo(404);
        assertThat(http.delete("/api/v1/statuses/" + id, "Authorization", author.bearer()).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/accounts/" + author.id()).json().get("statuses_count").asInt()).isZero();
    }

    @Test
    void favouritesAreIdempotentAndCounted() {
        User author = user("favauthor");
        User fan = user("favfan");
        String id = postStatusId(author, "status", "like me");
        JsonNode favourited = http.postJson("/api/v1/statuses/" + id + "/favourite", "", "Authorization",
                fan.bearer()).json();
        assertThat(favourited.get("favourited").asBoolean()).isTrue();
        assertThat(favourited.get("favourites_count").asInt()).isEqualTo(1);
        assertThat(http.postJson("/api/v1/statuses/" + id + "/favourite", "", "Authorization", fan.bearer()).json()
                .get("favourites_count").asInt()).isEqualTo(1);
        assertThat(ids(http.get("/api/v1/statuses/" + id + "/favourited_by"))).containsExactly(fan.id());
        JsonNode unfavourited = http.postJson("/api/v1/statuses/" + id + "/unfavourite", "", "Authorization",
                fan.bearer()).json();
        assertThat(unfavourited.get("favourited").asBoolean()).isFalse();
        assertThat(unfavourited.get("favourites_count").asInt()).isZero();
        assertThat(http.postJson("/api/v1/statuses/" + id + "/unfavourite", "", "Authorization", fan.bearer())
                .status()).isEqualTo(200);
        for (String bad : List.of("9eoozpwTul5mjSEDRI", "garbage")) {
            Http.Response missing = http.postJson("/api/v1/statuses/" + bad + "/favourite", "", "Authorization",
                    fan.bearer());
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().get("error").asText()).isEqualTo("Record not found");
        }
        String direct = postStatusId(author, "status", "secret", "visibility", "direct");
        assertThat(http.postJson("/api/v1/statuses/" + direct + "/favourite", "", "Authorization", fan.bearer())
                .status()).isEqualTo(404);
    }

    @Test
    void boostsAnswerTheWrapperAndOnlyPublicOrUnlistedStatusesCanBeBoosted() {
        User author = user("boosted");
        User booster = user("booster");
        String id = postStatusId(author, "status", "boost me");
        JsonNode wrapper = http.postJson("/api/v1/statuses/" + id + "/reblog", "", "Authorization",
                booster.bearer()).json();
        assertThat(wrapper.get("id").asText()).isNotEqualTo(id);
        assertThat(wrapper.get("account").get("id").asText()).isEqualTo(booster.id());
        assertThat(wrapper.get("reblog").get("id").asText()).isEqualTo(id);
        assertThat(wrapper.get("reblog").get("reblogged").asBoolean()).isTrue();
        assertThat(wrapper.get("reblog").get("reblogs_count").asInt()).isEqualTo(1);
        JsonNode again = http.postJson("/api/v1/statuses/" + id + "/reblog", "", "Authorization",
                booster.bearer()).json();
        assertThat(again.get("id").asText()).isEqualTo(wrapper.get("id").asText());
        assertThat(ids(http.get("/api/v1/accounts/" + booster.id() + "/statuses")))
                .containsExactly(wrapper.get("id").asText());

        JsonNode undone = http.postJson("/api/v1/statuses/" + id + "/unreblog", "", "Authorization",
                booster.bearer()).json();
        assertThat(undone.get("id").asText()).isEqualTo(id);
        assertThat(undone.get("reblogged").asBoolean()).isFalse();
        assertThat(undone.get("reblogs_count").asInt()).isZero();

        String privateId = postStatusId(author, "status", "mine only", "visibility", "private");
        Http.Response refused = http.postJson("/api/v1/statuses/" + privateId + "/reblog", "", "Authorization",
                author.bearer());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("error").asText()).isEqualTo("Could not repeat");
    }

    @Test
    void theHomeTimelineHasOwnFollowedAndMentioningStatusesAndRespectsBlocksAndMutes() {
        User me = user("home");
        User followed = user("homefollowed");
        User stranger = user("homestranger");
        User muted = user("homemuted");
        act(me, "/api/v1/accounts/" + followed.id() + "/follow");
        act(me, "/api/v1/accounts/" + muted.id() + "/follow");
        act(me, "/api/v1/accounts/" + muted.id() + "/mute");
        String own = postStatusId(me, "status", "mine");
        String fromFollowed = postStatusId(followed, "status", "followed", "visibility", "private");
        String fromStranger = postStatusId(stranger, "status", "stranger");
        String mention = postStatusId(stranger, "status", "hey @" + me.nickname(), "visibility", "direct");
        String fromMuted = postStatusId(muted, "status", "muted");

        List<String> home = ids(http.get("/api/v1/timelines/home", "Authorization", me.bearer()));
        assertThat(home).containsExactly(mention, fromFollowed, own).doesNotContain(fromStranger, fromMuted);
        assertThat(ids(http.get("/api/v1/timelines/home?with_muted=true", "Authorization", me.bearer())))
                .contains(fromMuted);

        act(me, "/api/v1/accounts/" + followed.id() + "/block");
        assertThat(ids(http.get("/api/v1/timelines/home", "Authorization", me.bearer()))).doesNotContain(fromFollowed);
        assertThat(http.get("/api/v1/timelines/home").status()).isEqualTo(403);
    }

    @Test
    void timelinesArePagedByStatusIdWithLinks() {
        User author = user("pager");
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posted.add(postStatusId(author, "status", "n" + i));
        }
        String path = "/api/v1/accounts/" + author.id() + "/statuses";
        Http.Response first = http.get(path + "?limit=2");
        assertThat(ids(first)).containsExactly(posted.get(4), posted.get(3));
        assertThat(first.header("link")).contains("max_id=" + posted.get(3)).contains("min_id=" + posted.get(4))
                .contains("rel=\"next\"").contains("rel=\"prev\"");
        assertThat(ids(http.get(path + "?limit=2&max_id=" + posted.get(3))))
                .containsExactly(posted.get(2), posted.get(1));
        assertThat(ids(http.get(path + "?limit=2&min_id=" + posted.get(0))))
                .containsExactly(posted.get(2), posted.get(1));
        assertThat(ids(http.get(path + "?since_id=" + posted.get(2)))).containsExactly(posted.get(4), posted.get(3));
        assertThat(ids(http.get(path + "?limit=nope&max_id=%27garbage"))).hasSize(5);
        Http.Response empty = http.get(path + "?since_id=" + posted.get(4));
        assertThat(empty.body()).isEqualTo("[]");
        assertThat(empty.header("link")).isNull();
        assertThat(http.get("/api/v1/accounts/nobody/statuses").status()).isEqualTo(404);
    }

    @Test
    void anotherAccountsFavouritesAreHiddenByDefaultAndFilteredForTheViewer() {
        User owner = user("favowner");
        User author = user("favposter");
        User friend = user("favfriend");
        act(friend, "/api/v1/accounts/" + author.id() + "/follow");
        act(owner, "/api/v1/accounts/" + author.id() + "/follow");
        String publicId = postStatusId(author, "status", "public");
        String privateId = postStatusId(author, "status", "followers", "visibility", "private");
        String directToOwner = postStatusId(author, "status", "dm @" + owner.nickname(), "visibility", "direct");
        for (String id : List.of(publicId, privateId, directToOwner)) {
            act(owner, "/api/v1/statuses/" + id + "/favourite");
        }
        String path = "/api/v1/pleroma/accounts/" + owner.id() + "/favourites";
        Http.Response hidden = http.get(path);
        assertThat(hidden.status()).isEqualTo(403);
        assertThat(hidden.json().get("error").asText()).isEqualTo("Can't get favorites");

        http.patchForm("/api/v1/accounts/update_credentials", List.of("hide_favorites", "false"), "Authorization",
                owner.bearer());
        assertThat(ids(http.get(path))).containsExactly(publicId);
        assertThat(ids(http.get(path, "Authorization", friend.bearer()))).containsExactly(privateId, publicId);
        assertThat(ids(http.get(path, "Authorization", owner.bearer()))).containsExactly(directToOwner, privateId,
                publicId);
        assertThat(http.get(path + "?limit=1").header("link")).contains("http://annals.test" + path);
        assertThat(ids(http.get("/api/v1/favourites", "Authorization", owner.bearer()))).hasSize(3);
        for (String unknown : List.of("test", "9eoozpwTul5mjSEDRI")) {
            Http.Response missing = http.get("/api/v1/pleroma/accounts/" + unknown + "/favourites");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().get("error").asText()).isEqualTo("Record not found");
        }
    }
}
