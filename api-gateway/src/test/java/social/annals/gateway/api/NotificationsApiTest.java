package social.annals.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import social.annals.gateway.support.ApiTest;
import social.annals.gateway.support.Http;

class NotificationsApiTest extends ApiTest {

    @Autowired
    EventProcessingConfiguration processing;


    private JsonNode list(User recipient, String query) {
        Http.Response response = http.get("/api/v1/notifications" + query, "Authorization", recipient.bearer());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode list(User recipient) {
        return list(recipient, "");
    }

    /** "type from-account-id" for each notification, newest first. */
    private static List<String> summary(JsonNode notifications) {
        List<String> out = new ArrayList<>();
        notifications.forEach(n -> out.add(n.get("type").asText() + " " + n.get("account").get("id").asText()));
        return out;
    }

    /**
     * Waits until the notification policy and the read model have dealt with everything before
     * now: they handle events in order, so once a fresh witness is notified of a fresh mention,
     * every earlier event has had its notifications delivered and listed.
     */
    private void settle() {
        User witness = user("witness");
        postStatusId(user("sentinel"), "status", "ping @" + witness.nickname(), "visibility", "direct");
        awaitCount(witness, 1);
    }

    /** {@code author} posts each text mentioning {@code reader}; answers the reader's notifications once all are there. */
    private JsonNode mentioned(User reader, User author, String... texts) {
        for (String text : texts) {
            postStatusId(author, "status", text + " @" + reader.nickname());
        }
        return awaitCount(reader, texts.length);
    }

    private JsonNode awaitCount(User recipient, int count) {
        return eventually(() -> list(recipient, "?limit=40"), notifications -> notifications.size() >= count,
                count + " notifications");
    }

    @Test
    void followsMentionsFavouritesAndReblogsNotifyTheirTargetWithTheWholeEntity() {
        User alice = user("alice");
        User bob = user("bob");
        act(bob, "/api/v1/accounts/" + alice.id() + "/follow");
        String own = postStatusId(alice, "status", "my post");
        String mention = postStatusId(bob, "status", "hi @" + alice.nickname());
        act(bob, "/api/v1/statuses/" + own + "/favourite");
        act(bob, "/api/v1/statuses/" + own + "/reblog");

        JsonNode notifications = awaitCount(alice, 4);
        assertThat(summary(notifications)).containsExactly("reblog " + bob.id(), "favourite " + bob.id(),
                "mention " + bob.id(), "follow " + bob.id());
        JsonNode reblog = notifications.get(0);
        assertThat(reblog.get("id").asText()).matches("\\d+");
        assertThat(reblog.get("status").get("id").asText()).isEqualTo(own);
        assertThat(reblog.get("pleroma").get("is_seen").asBoolean()).isFalse();
        assertThat(reblog.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(reblog.get("account").get("pleroma").get("relationship").get("followed_by").asBoolean()).isTrue();
        assertThat(notifications.get(1).get("status").get("favourited").asBoolean()).isFalse();
        assertThat(notifications.get(2).get("status").get("id").asText()).isEqualTo(mention);
        assertThat(notifications.get(3).has("status")).isFalse();
        List<Long> numeric = ids(notifications).stream().map(Long::valueOf).toList();
        assertThat(numeric).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(numeric).allMatch(id -> id < (1L << 53));
    }

    /** A moderator makes a post private: a subscriber who does not follow its author may no longer see it. */
    @Test
    void aNotificationWhoseStatusTheRecipientMayNoLongerSeeIsLeftOut() {
        User author = user("madeprivate");
        User subscriber = user("outsider");
        act(subscriber, "/api/v1/pleroma/accounts/" + author.id() + "/subscribe");
        String status = postStatusId(author, "status", "public for now");
        // The notification policy delivers to subscribers after the post: wait for it.
        assertThat(awaitCount(subscriber, 1)).extracting(n -> n.get("status").get("id").asText()).contains(status);

        String admin = unique("privatiser");
        assertThat(commandLine("new", admin, admin + "@example.org", "--password", PASSWORD, "--admin")).isZero();
        assertThat(http.putJson("/api/pleroma/admin/statuses/" + status, Map.of("visibility", "private"),
                "Authorization", Http.basic(admin, PASSWORD)).status()).isEqualTo(200);

        assertThat(list(subscriber)).extracting(n -> n.get("status").get("id").asText()).doesNotContain(status);
    }

    @Test
    void subscribersAreNotifiedOnceOfEachPostTheyMaySee() {
        User author = user("author");
        User subscriber = user("subscriber");
        User followingSubscriber = user("fansub");
        act(subscriber, "/api/v1/pleroma/accounts/" + author.id() + "/subscribe");
        act(followingSubscriber, "/api/v1/accounts/" + author.id() + "/follow");
        act(followingSubscriber, "/api/v1/pleroma/accounts/" + author.id() + "/subscribe");

        String open = postStatusId(author, "status", "public news");
        String mentioning = postStatusId(author, "status", "hey @" + followingSubscriber.nickname());
        postStatusId(author, "status", "secret", "visibility", "direct");
        String followersOnly = postStatusId(author, "status", "for followers", "visibility", "private");
        settle();

        assertThat(statusIds(list(subscriber))).containsExactly(mentioning, open);
        assertThat(statusIds(list(followingSubscriber))).containsExactly(followersOnly, mentioning, open);
        assertThat(summary(list(subscriber))).allMatch(s -> s.equals("mention " + author.id()));
    }

    private static List<String> statusIds(JsonNode notifications) {
        List<String> out = new ArrayList<>();
        notifications.forEach(n -> out.add(n.get("status").get("id").asText()));
        return out;
    }

    /**
     * Each switch set to false (and Pleroma 2.x's block_from_strangers, which is not one: ignored)
     * against each relationship of the actor to the recipient: which mentions arrive (pleroma-api §2.11).
     * Every activity here is local.
     */
    @Test
    void notificationSettingsDropExactlyTheirClassForEachRelationship() {
        Map<String, User> recipients = new LinkedHashMap<>();
        for (String setting : List.of("none", "followers", "follows", "local", "remote", "block_from_strangers")) {
            User recipient = user("r" + setting.charAt(0));
            if (!setting.equals("none")) {
                Http.Response response = http.putJson("/api/pleroma/notification_settings",
                        Map.of(setting, setting.equals("block_from_strangers")), "Authorization", recipient.bearer());
                assertThat(response.json().get("status").asText()).isEqualTo("success");
            }
            recipients.put(setting, recipient);
        }
        User follower = user("xfollower");
        User followee = user("xfollowee");
        User mutual = user("xmutual");
        User stranger = user("xstranger");
        for (User recipient : recipients.values()) {
            act(follower, "/api/v1/accounts/" + recipient.id() + "/follow");
            act(recipient, "/api/v1/accounts/" + followee.id() + "/follow");
            act(mutual, "/api/v1/accounts/" + recipient.id() + "/follow");
            act(recipient, "/api/v1/accounts/" + mutual.id() + "/follow");
        }
        settle();
        for (User recipient : recipients.values()) {
            act(recipient, "/api/v1/notifications/clear");
        }
        String everyone = recipients.values().stream().map(r -> "@" + r.nickname()).collect(Collectors.joining(" "));
        for (User actor : List.of(follower, followee, mutual, stranger)) {
            postStatusId(actor, "status", "hello " + everyone);
        }
        settle();

        Map<String, String> names = Map.of(follower.id(), "follower", followee.id(), "followee", mutual.id(), "mutual",
                stranger.id(), "stranger");
        Map<String, List<String>> notifiedBy = new LinkedHashMap<>();
        recipients.forEach((setting, recipient) -> {
            List<String> from = new ArrayList<>();
            list(recipient).forEach(n -> from.add(names.get(n.get("account").get("id").asText())));
            java.util.Collections.sort(from);
            notifiedBy.put(setting, from);
        });
        assertThat(notifiedBy).containsExactly(
                Map.entry("none", List.of("followee", "follower", "mutual", "stranger")),
                Map.entry("followers", List.of("followee", "stranger")),
                Map.entry("follows", List.of("follower", "stranger")),
                Map.entry("local", List.of()),
                Map.entry("remote", List.of("followee", "follower", "mutual", "stranger")),
                Map.entry("block_from_strangers", List.of("followee", "follower", "mutual", "stranger")));
    }

    @Test
    void blocksMutesAndSelfActionsNotifyNobody() {
        User recipient = user("quiet");
        User blocked = user("blocked");
        User muted = user("muted");
        User mutedKeepingNotifications = user("softmuted");
        act(recipient, "/api/v1/accounts/" + blocked.id() + "/block");
        act(recipient, "/api/v1/accounts/" + muted.id() + "/mute");
        assertThat(http.postForm("/api/v1/accounts/" + mutedKeepingNotifications.id() + "/mute",
                List.of("notifications", "false"), "Authorization", recipient.bearer()).status()).isEqualTo(200);
        String own = postStatusId(recipient, "status", "talking to myself @" + recipient.nickname());
        act(recipient, "/api/v1/statuses/" + own + "/favourite");
        act(recipient, "/api/v1/statuses/" + own + "/reblog");
        for (User actor : List.of(blocked, muted, mutedKeepingNotifications)) {
            postStatusId(actor, "status", "psst @" + recipient.nickname());
        }
        act(muted, "/api/v1/statuses/" + own + "/favourite");
        settle();

        assertThat(summary(list(recipient))).containsExactly("mention " + mutedKeepingNotifications.id());
    }

    @Test
    void aRepeatedFollowNotifiesOnceWhileTheFirstNotificationExists() {
        User followed = user("followed");
        User fickle = user("fickle");
        act(fickle, "/api/v1/accounts/" + followed.id() + "/follow");
        act(fickle, "/api/v1/accounts/" + followed.id() + "/unfollow");
        act(fickle, "/api/v1/accounts/" + followed.id() + "/follow");
        settle();
        JsonNode notifications = list(followed);
        assertThat(summary(notifications)).containsExactly("follow " + fickle.id());

        act(followed, "/api/v1/notifications/" + notifications.get(0).get("id").asText() + "/dismiss");
        act(fickle, "/api/v1/accounts/" + followed.id() + "/unfollow");
        act(fickle, "/api/v1/accounts/" + followed.id() + "/follow");
        settle();
        assertThat(summary(list(followed))).containsExactly("follow " + fickle.id());
    }

    private User lockedAccount(String prefix) {
        User locked = user(prefix);
        assertThat(http.patchForm("/api/v1/accounts/update_credentials", List.of("locked", "true"),
                "Authorization", locked.bearer()).status()).isEqualTo(200);
        return locked;
    }

    @Test
    void aFollowRequestNotifiesAsAFollowOnceEvenWhenAuthorized() {
        User locked = lockedAccount("locked");
        User requester = user("requester");
        act(requester, "/api/v1/accounts/" + locked.id() + "/follow");
        settle();
        act(locked, "/api/v1/follow_requests/" + requester.id() + "/authorize");
        settle();
        assertThat(summary(list(locked))).containsExactly("follow " + requester.id());
    }

    @Test
    void authorizingARequestWhoseNotificationWasDismissedNotifiesNothingNew() {
        User locked = lockedAccount("dismisser");
        User requester = user("patient");
        act(requester, "/api/v1/accounts/" + locked.id() + "/follow");
        String request = awaitCount(locked, 1).get(0).get("id").asText();
        assertThat(http.postJson("/api/v1/notifications/" + request + "/dismiss", Map.of(),
                "Authorization", locked.bearer()).status()).isEqualTo(200);

        act(locked, "/api/v1/follow_requests/" + requester.id() + "/authorize");
        settle();
        assertThat(list(locked)).isEmpty();
    }

    @Test
    void notificationsGoWhenTheirCauseIsUndone() {
        User author = user("undone");
        User fan = user("fan");
        String liked = postStatusId(author, "status", "like me");
        String doomed = postStatusId(fan, "status", "soon gone @" + author.nickname());
        act(fan, "/api/v1/statuses/" + liked + "/favourite");
        act(fan, "/api/v1/statuses/" + liked + "/reblog");
        awaitCount(author, 3);

        act(fan, "/api/v1/statuses/" + liked + "/unfavourite");
        act(fan, "/api/v1/statuses/" + liked + "/unreblog");
        assertThat(http.delete("/api/v1/statuses/" + doomed, "Authorization", fan.bearer()).status()).isEqualTo(200);
        settle();
        assertThat(list(author)).isEmpty();
    }

    @Test
    void markingOneNotificationReadLeavesTheOthersUnread() {
        User reader = user("reader");
        User chatty = user("chatty");
        JsonNode notifications = mentioned(reader, chatty, "one", "two");
        String newer = notifications.get(0).get("id").asText();
        String older = notifications.get(1).get("id").asText();

        Http.Response read = http.postForm("/api/pleroma/notifications/read", List.of("id", older),
                "Authorization", reader.bearer());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().toString()).isEqualTo("{\"status\":\"success\"}");
        JsonNode after = list(reader);
        assertThat(after.get(0).get("pleroma").get("is_seen").asBoolean()).isFalse();
        assertThat(after.get(1).get("pleroma").get("is_seen").asBoolean()).isTrue();
        assertThat(http.get("/api/v1/notifications/" + older, "Authorization", reader.bearer()).json()
                .get("pleroma").get("is_seen").asBoolean()).isTrue();

        Http.Response foreign = http.postForm("/api/pleroma/notifications/read", List.of("id", newer),
                "Authorization", chatty.bearer());
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().get("error").asText()).isEqualTo("Cannot get notification");
        assertThat(http.postForm("/api/pleroma/notifications/read", List.of("id", "999999"),
                "Authorization", reader.bearer()).status()).isEqualTo(403);
        for (List<String> bad : List.of(List.<String>of(), List.of("id", "abc"), List.of("id", "1e9"))) {
            Http.Response refused = http.postForm("/api/pleroma/notifications/read", bad,
                    "Authorization", reader.bearer());
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.json().has("error")).isTrue();
        }
        assertThat(http.postForm("/api/pleroma/notifications/read", List.of("id", older)).status()).isEqualTo(403);
    }

    /** A mark is written in the command's own transaction: shown at once, even with the notifications read model stopped. */
    @Test
    void aNotificationMarkedReadIsShownSeenAtOnceWhileTheReadModelIsBehind() {
        User reader = user("instant");
        JsonNode notifications = mentioned(reader, user("instantpal"), "one", "two", "three");
        String newest = notifications.get(0).get("id").asText();
        String middle = notifications.get(1).get("id").asText();
        StreamingEventProcessor readModel = processing.eventProcessor("notifications", StreamingEventProcessor.class)
                .orElseThrow();
        readModel.shutDown();
        try {
            assertThat(http.postForm("/api/pleroma/notifications/read", List.of("id", middle),
                    "Authorization", reader.bearer()).status()).isEqualTo(200);
            JsonNode answered = http.postJson("/api/v1/pleroma/notifications/read", Map.of("id", newest),
                    "Authorization", reader.bearer()).json();

            assertThat(answered.get("pleroma").get("is_seen").asBoolean()).isTrue();
            assertThat(list(reader)).extracting(n -> n.get("pleroma").get("is_seen").asBoolean())
                    .containsExactly(true, true, false);
            assertThat(http.get("/api/v1/markers?timeline[]=notifications", "Authorization", reader.bearer()).json()
                    .get("notifications").get("pleroma").get("unread_count").asInt()).isEqualTo(1);
        } finally {
            readModel.start();
        }
        settle();
        assertThat(list(reader)).extracting(n -> n.get("pleroma").get("is_seen").asBoolean())
                .containsExactly(true, true, false);
    }

    @Test
    void readingUpToAnIdMarksEverythingBeforeItAndAnswersThoseNotifications() {
        User reader = user("bulk");
        User chatty = user("chatter");
        for (int i = 0; i < 3; i++) {
            postStatusId(chatty, "status", "msg " + i + " @" + reader.nickname());
        }
        JsonNode notifications = awaitCount(reader, 3);
        String middle = notifications.get(1).get("id").asText();

        Http.Response read = http.postMultipart("/api/v1/pleroma/notifications/read", List.of("max_id", middle),
                "Authorization", reader.bearer());
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(ids(read.json())).containsExactly(middle, notifications.get(2).get("id").asText());
        assertThat(read.json().get(0).get("pleroma").get("is_seen").asBoolean()).isTrue();
        List<Boolean> seen = new ArrayList<>();
        list(reader).forEach(n -> seen.add(n.get("pleroma").get("is_seen").asBoolean()));
        assertThat(seen).containsExactly(false, true, true);

        Http.Response one = http.postJson("/api/v1/pleroma/notifications/read",
                Map.of("id", notifications.get(0).get("id").asText()), "Authorization", reader.bearer());
        assertThat(one.json().get("id").asText()).isEqualTo(notifications.get(0).get("id").asText());
        assertThat(one.json().get("pleroma").get("is_seen").asBoolean()).isTrue();

        for (Map<String, String> bad : List.of(Map.of("id", "12345"), Map.of("max_id", "x"), Map.<String, String>of())) {
            Http.Response refused = http.postJson("/api/v1/pleroma/notifications/read", bad,
                    "Authorization", reader.bearer());
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.json().has("error")).isTrue();
        }
    }

    /** mastodon-core §3: "read (sic, also for the mutating ones)". */
    @Test
    void aReadOnlyTokenListsDismissesAndClears() {
        User reader = user("readonly");
        JsonNode two = mentioned(reader, user("readonlypal"), "one", "two");
        String readOnly = Http.bearer(passwordGrant(app("read"), reader.nickname(), "read").get("access_token")
                .asText());

        assertThat(http.postJson("/api/v1/notifications/dismiss", Map.of("id", two.get(0).get("id").asText()),
                "Authorization", readOnly).status()).isEqualTo(200);
        assertThat(http.postJson("/api/v1/notifications/clear", Map.of(), "Authorization", readOnly).status())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/notifications", "Authorization", readOnly).json()).isEmpty();
        String writeOnly = Http.bearer(passwordGrant(app("write"), reader.nickname(), "write").get("access_token")
                .asText());
        assertThat(http.postJson("/api/v1/notifications/clear", Map.of(), "Authorization", writeOnly).status())
                .isEqualTo(403);
    }

    @Test
    void readingUpToAnIdFromTheFutureLeavesLaterNotificationsUnread() {
        User reader = user("ahead");
        User chatty = user("aheadpal");
        mentioned(reader, chatty, "before");

        Http.Response read = http.postJson("/api/v1/pleroma/notifications/read",
                Map.of("max_id", "9007199254740991"), "Authorization", reader.bearer());
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        postStatusId(chatty, "status", "after @" + reader.nickname());

        List<Boolean> seen = new ArrayList<>();
        awaitCount(reader, 2).forEach(n -> seen.add(n.get("pleroma").get("is_seen").asBoolean()));
        assertThat(seen).containsExactly(false, true);
    }

    @Test
    void markersFollowTheReadPositionAndOnlyMoveForward() {
        User reader = user("marker");
        User chatty = user("markerpal");
        postStatusId(chatty, "status", "a @" + reader.nickname());
        postStatusId(chatty, "status", "b @" + reader.nickname());
        JsonNode notifications = awaitCount(reader, 2);
        String newer = notifications.get(0).get("id").asText();
        String older = notifications.get(1).get("id").asText();

        JsonNode initial = http.get("/api/v1/markers?timeline[]=notifications", "Authorization", reader.bearer()).json();
        assertThat(initial.get("notifications").get("last_read_id").asText()).isEqualTo("0");
        assertThat(initial.get("notifications").get("version").asInt()).isZero();
        assertThat(initial.get("notifications").get("pleroma").get("unread_count").asInt()).isEqualTo(2);

        JsonNode moved = http.postForm("/api/v1/markers", List.of("notifications[last_read_id]", newer),
                "Authorization", reader.bearer()).json();
        assertThat(moved.get("notifications").get("last_read_id").asText()).isEqualTo(newer);
        assertThat(moved.get("notifications").get("version").asInt()).isEqualTo(1);
        assertThat(moved.get("notifications").get("pleroma").get("unread_count").asInt()).isZero();

        JsonNode back = http.postJson("/api/v1/markers", Map.of("notifications", Map.of("last_read_id", older)),
                "Authorization", reader.bearer()).json();
        assertThat(back.get("notifications").get("last_read_id").asText()).isEqualTo(newer);
        assertThat(back.get("notifications").get("version").asInt()).isEqualTo(1);
        assertThat(http.postForm("/api/v1/markers", List.of("notifications[last_read_id]", "nope"),
                "Authorization", reader.bearer()).status()).isEqualTo(400);
    }

    @Test
    void pagesByIdInBothDirectionsWithLinksThatKeepOtherParameters() {
        User reader = user("pager");
        User chatty = user("pagerpal");
        for (int i = 0; i < 4; i++) {
            postStatusId(chatty, "status", "page " + i + " @" + reader.nickname());
        }
        List<String> all = ids(awaitCount(reader, 4));
        String n4 = all.get(0);
        String n3 = all.get(1);
        String n2 = all.get(2);
        String n1 = all.get(3);
        assertThat(ids(list(reader, "?limit=2&min_id=" + n1))).containsExactly(n3, n2);
        assertThat(ids(list(reader, "?limit=2&since_id=" + n1))).containsExactly(n4, n3);
        assertThat(ids(list(reader, "?limit=2&max_id=" + n4))).containsExactly(n3, n2);
        assertThat(ids(list(reader, "?max_id=garbage&since_id=-1&limit=abc"))).containsExactly(n4, n3, n2, n1);
        assertThat(ids(list(reader, "?limit=0"))).containsExactly(n4);

        Http.Response page = http.get("/api/v1/notifications?media_only=true&limit=2&max_id=" + n4,
                "Authorization", reader.bearer());
        assertThat(page.headers().get("link")).hasSize(1);
        assertThat(page.header("link")).contains("media_only=true").contains("max_id=" + n2)
                .contains("min_id=" + n3).contains("rel=\"next\"").contains("rel=\"prev\"");
        assertThat(http.get("/api/v1/notifications?since_id=" + n4, "Authorization", reader.bearer())
                .headers().get("link")).isNull();
    }

    @Test
    void filtersByTypeIgnoringUnknownTypes() {
        User author = user("typed");
        User other = user("typer");
        String own = postStatusId(author, "status", "typed post");
        act(other, "/api/v1/accounts/" + author.id() + "/follow");
        postStatusId(other, "status", "hi @" + author.nickname());
        act(other, "/api/v1/statuses/" + own + "/favourite");
        act(other, "/api/v1/statuses/" + own + "/reblog");
        awaitCount(author, 4);
        List<String> types = List.of("mention", "favourite", "reblog", "follow");
        for (String kept : types) {
            String query = types.stream().filter(t -> !t.equals(kept)).map(t -> "exclude_types[]=" + t)
                    .collect(Collectors.joining("&", "?", "&exclude_types[]=bogus"));
            assertThat(summary(list(author, query))).containsExactly(kept + " " + other.id());
        }
        assertThat(summary(list(author, "?types[]=follow&types[]=mention")))
                .containsExactly("mention " + other.id(), "follow " + other.id());
        assertThat(summary(list(author, "?include_types[]=reblog"))).containsExactly("reblog " + other.id());
        assertThat(list(author, "?types[]=bogus")).isEmpty();
    }

    @Test
    void oneNotificationIsShownOnlyToItsRecipient() {
        User reader = user("single");
        User chatty = user("singlepal");
        postStatusId(chatty, "status", "only @" + reader.nickname());
        String id = awaitCount(reader, 1).get(0).get("id").asText();
        assertThat(http.get("/api/v1/notifications/" + id, "Authorization", reader.bearer()).json()
                .get("type").asText()).isEqualTo("mention");
        for (String other : List.of(id + "0", "abc", "-1", "99999999999999999999")) {
            Http.Response refused = http.get("/api/v1/notifications/" + other, "Authorization", reader.bearer());
            assertThat(refused.status()).as(other).isEqualTo(403);
            assertThat(refused.json().get("error").asText()).isEqualTo("Cannot get notification");
        }
        assertThat(http.get("/api/v1/notifications/" + id, "Authorization", chatty.bearer()).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/notifications/" + id).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/notifications").status()).isEqualTo(403);
    }

    @Test
    void dismissingClearingAndDestroyingTouchOnlyTheCallersNotifications() {
        User reader = user("dismisser");
        User other = user("bystander");
        User chatty = user("noisy");
        for (int i = 0; i < 4; i++) {
            postStatusId(chatty, "status", "n" + i + " @" + reader.nickname() + " @" + other.nickname());
        }
        List<String> mine = ids(awaitCount(reader, 4));
        List<String> theirs = ids(awaitCount(other, 4));

        Http.Response dismissed = http.postForm("/api/v1/notifications/dismiss", List.of("id", mine.get(0)),
                "Authorization", reader.bearer());
        assertThat(dismissed.status()).isEqualTo(200);
        assertThat(dismissed.body()).isEqualTo("{}");
        Http.Response again = http.postForm("/api/v1/notifications/dismiss", List.of("id", mine.get(0)),
                "Authorization", reader.bearer());
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.json().get("error").asText()).isEqualTo("Cannot dismiss notification");
        assertThat(http.postForm("/api/v1/notifications/dismiss", List.of("id", theirs.get(0)),
                "Authorization", reader.bearer()).status()).isEqualTo(403);
        assertThat(http.postForm("/api/v1/notifications/dismiss", List.of(), "Authorization", reader.bearer())
                .status()).isEqualTo(403);
        act(reader, "/api/v1/notifications/" + mine.get(1) + "/dismiss");

        Http.Response destroyed = http.delete("/api/v1/notifications/destroy_multiple?ids[]=" + mine.get(2)
                + "&ids[]=" + theirs.get(2) + "&ids[]=bogus", "Authorization", reader.bearer());
        assertThat(destroyed.status()).isEqualTo(200);
        assertThat(ids(list(reader))).containsExactly(mine.get(3));
        assertThat(ids(list(other))).containsExactlyElementsOf(theirs);

        Http.Response cleared = act(reader, "/api/v1/notifications/clear");
        assertThat(cleared.body()).isEqualTo("{}");
        assertThat(list(reader)).isEmpty();
        assertThat(ids(list(other))).containsExactlyElementsOf(theirs);
    }

    @Test
    void notificationSettingsAcceptBooleansFromEverySourceAndRefuseOtherValues() {
        User account = user("settings");
        Http.Response json = http.putJson("/api/pleroma/notification_settings",
                Map.of("remote", false, "followers", false, "bar", 1), "Authorization", account.bearer());
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().toString()).isEqualTo("{\"status\":\"success\"}");
        assertThat(settings(account)).isEqualTo("{\"followers\":false,\"follows\":true,\"remote\":false,\"local\":true}");

        assertThat(http.putForm("/api/pleroma/notification_settings", List.of("follows", "False", "followers", "1"),
                "Authorization", account.bearer()).status()).isEqualTo(200);
        assertThat(settings(account)).isEqualTo("{\"followers\":true,\"follows\":false,\"remote\":false,\"local\":true}");

        assertThat(http.putForm("/api/pleroma/notification_settings?local=0&remote=TRUE", List.of(),
                "Authorization", account.bearer()).status()).isEqualTo(200);
        assertThat(settings(account)).isEqualTo(AFTER_QUERY);

        // Pleroma-FE 2.x sends its own switches as multipart strings: other keys, ignored whatever their value.
        assertThat(http.putMultipart("/api/pleroma/notification_settings", List.of("block_from_strangers", "true",
                "hide_notification_contents", "maybe", "followers", "true"), "Authorization", account.bearer())
                .status()).isEqualTo(200);
        assertThat(settings(account)).isEqualTo(AFTER_QUERY);

        Http.Response refused = http.putForm("/api/pleroma/notification_settings",
                List.of("followers", "false", "follows", "maybe"), "Authorization", account.bearer());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).contains("follows");
        assertThat(settings(account)).isEqualTo(AFTER_QUERY);

        assertThat(http.putJson("/api/pleroma/notification_settings", Map.of(), "Authorization", account.bearer())
                .status()).isEqualTo(200);
        assertThat(http.putJson("/api/pleroma/notification_settings", Map.of("local", true)).status()).isEqualTo(403);
    }

    private static final String AFTER_QUERY = "{\"followers\":true,\"follows\":false,\"remote\":true,\"local\":false}";

    private String settings(User account) {
        return http.get("/api/v1/accounts/verify_credentials", "Authorization", account.bearer()).json()
                .get("pleroma").get("notification_settings").toString();
    }

    @Test
    void aMutedThreadNotifiesNothingAndShowsAsMutedUntilUnmuted() {
        User author = user("threadstarter");
        User talker = user("talker");
        String root = postStatusId(author, "status", "hello @" + talker.nickname());
        awaitCount(talker, 1);

        Http.Response muted = act(talker, "/api/v1/statuses/" + root + "/mute");
        assertThat(muted.json().get("muted").asBoolean()).isTrue();
        assertThat(muted.json().get("pleroma").get("thread_muted").asBoolean()).isTrue();
        postStatusId(author, "status", "again @" + talker.nickname(), "in_reply_to_id", root);
        act(author, "/api/v1/statuses/" + root + "/mute");
        act(talker, "/api/v1/statuses/" + root + "/favourite");
        String elsewhere = postStatusId(author, "status", "new thread @" + talker.nickname());
        settle();
        assertThat(summary(list(talker))).containsExactly("mention " + author.id(), "mention " + author.id());
        assertThat(list(talker).get(0).get("status").get("id").asText()).isEqualTo(elsewhere);
        assertThat(list(author)).isEmpty();

        Http.Response unmuted = act(talker, "/api/v1/statuses/" + root + "/unmute");
        assertThat(unmuted.json().get("muted").asBoolean()).isFalse();
        assertThat(unmuted.json().get("pleroma").get("thread_muted").asBoolean()).isFalse();
        postStatusId(author, "status", "and again @" + talker.nickname(), "in_reply_to_id", root);
        awaitCount(talker, 3);
        assertThat(http.postJson("/api/v1/statuses/nope/mute", "", "Authorization", talker.bearer()).status())
                .isEqualTo(404);
    }

    @Test
    void aReactionNotifiesTheAuthorWithItsEmojiUntilItIsTakenBack() {
        User author = user("reactee");
        User reactor = user("reactor");
        String statusId = postStatusId(author, "status", "react to this");
        String path = "/api/v1/pleroma/statuses/" + statusId + "/reactions/%F0%9F%8E%89"; // 🎉
        assertThat(http.putJson(path, "", "Authorization", reactor.bearer()).status()).isEqualTo(200);
        JsonNode notification = awaitCount(author, 1).get(0);
        assertThat(notification.get("type").asText()).isEqualTo("pleroma:emoji_reaction");
        assertThat(notification.get("emoji").asText()).isEqualTo("🎉");
        assertThat(notification.get("account").get("id").asText()).isEqualTo(reactor.id());
        assertThat(notification.get("status").get("id").asText()).isEqualTo(statusId);
        assertThat(list(author, "?exclude_types[]=pleroma:emoji_reaction")).isEmpty();

        assertThat(http.delete(path, "Authorization", reactor.bearer()).status()).isEqualTo(200);
        settle();
        assertThat(list(author)).isEmpty();
    }

    @Test
    void notificationsFromADeactivatedAccountAreHiddenUntilItIsActiveAgain() {
        User recipient = user("watcher");
        User actor = user("fading");
        postStatusId(actor, "status", "hi @" + recipient.nickname());
        awaitCount(recipient, 1);
        String toggle = "/api/pleroma/admin/users/" + actor.nickname() + "/toggle_activation?admin_token=" + ADMIN_TOKEN;
        assertThat(http.patchForm(toggle, List.of()).status()).isEqualTo(200);
        assertThat(list(recipient)).isEmpty();
        http.patchForm(toggle, List.of());
        assertThat(summary(list(recipient))).containsExactly("mention " + actor.id());
    }
}
