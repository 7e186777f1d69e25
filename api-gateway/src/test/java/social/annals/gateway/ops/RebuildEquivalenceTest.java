package social.annals.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import social.annals.command.CommandSideProcessing;
import social.annals.gateway.consistency.ConsistencyBarrier;
import social.annals.gateway.support.ApiTest;
import social.annals.gateway.support.Http;
import social.annals.query.notification.NotificationProjection;

/** Rebuilding every read model from the event log gives byte-identical API answers. */
class RebuildEquivalenceTest extends ApiTest {

    @Autowired
    ReadModelRebuilder rebuilder;

    @Autowired
    ConsistencyBarrier barrier;

    @Test
    void everyReadModelRebuiltFromTheLogAnswersExactlyAsBefore() {
        App app = app();
        List<String> nicknames = new ArrayList<>();
        Map<String, String> tokens = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            String nickname = unique("rebuilt");
            register(nickname);
            nicknames.add(nickname);
            tokens.put(nickname, passwordGrant(app, nickname, null).get("access_token").asText());
        }
        String mentioner = unique("mentions");
        http.postForm("/api/account/register", List.of("nickname", mentioner, "email", mentioner + "@x.org",
                "fullname", "M", "bio", "hi @" + nicknames.get(0), "password", PASSWORD, "confirm", PASSWORD));
        nicknames.add(mentioner);
        tokens.put(mentioner, passwordGrant(app, mentioner, null).get("access_token").asText());
        http.patchForm("/api/v1/accounts/update_credentials", List.of("display_name", "Renamed", "locked", "true",
                "hide_favorites", "false"), "Authorization", Http.bearer(tokens.get(nicknames.get(1))));
        String admin = unique("rebuiltadmin");
        assertThat(commandLine("new", admin, admin + "@x.org", "--password", PASSWORD, "--admin")).isZero();
        nicknames.add(admin);
        tokens.put(admin, passwordGrant(app("read write follow admin"), admin, null).get("access_token").asText());
        // The social graph: follows (one of them to a locked account), a block, a mute, a subscription.
        String n0 = nicknames.get(0);
        String n1 = nicknames.get(1);
        String n2 = nicknames.get(2);
        follow(tokens.get(n0), n1);
        follow(tokens.get(mentioner), n0);
        follow(tokens.get(n2), n0);
        follow(tokens.get(admin), n0);
        act(tokens.get(n0), "/api/v1/accounts/" + id(n2) + "/block");
        act(tokens.get(mentioner), "/api/v1/accounts/" + id(n0) + "/mute");
        act(tokens.get(admin), "/api/v1/pleroma/accounts/" + id(n0) + "/subscribe");
        // Statuses: public, followers-only, direct, a reply, favourites, a boost, reactions and a deletion.
        String first = postStatus(tokens.get(n1), "status", "hello #world :heart:");
        act(tokens.get(n1), "/api/v1/pleroma/flavour/vanilla");
        String privately = postStatus(tokens.get(n1), "status", "friends only", "visibility", "private");
        postStatus(tokens.get(mentioner), "status", "psst @" + n0, "visibility", "direct");
        postStatus(tokens.get(n0), "status", "reply", "in_reply_to_id", first);
        String doomed = postStatus(tokens.get(n0), "status", "soon gone");
        for (String reactor : List.of(n0, mentioner)) {
            assertThat(http.putJson("/api/v1/pleroma/statuses/" + first + "/reactions/%F0%9F%8E%89", "",
                    "Authorization", Http.bearer(tokens.get(reactor))).status()).isEqualTo(200);
        }
        act(tokens.get(n0), "/api/v1/statuses/" + first + "/bookmark");
        act(tokens.get(n0), "/api/v1/statuses/" + first + "/mute");
        assertThat(http.postJson("/api/v1/domain_blocks", Map.of("domain", "blocked.example"),
                "Authorization", Http.bearer(tokens.get(n0))).status()).isEqualTo(200);
        act(tokens.get(n1), "/api/v1/statuses/" + first + "/pin");
        act(tokens.get(n0), "/api/v1/statuses/" + first + "/favourite");
        act(tokens.get(admin), "/api/v1/statuses/" + first + "/favourite");
        act(tokens.get(mentioner), "/api/v1/statuses/" + first + "/reblog");
        assertThat(http.delete("/api/v1/statuses/" + doomed, "Authorization", Http.bearer(tokens.get(n0))).status())
                .isEqualTo(200);
        statuses.addAll(List.of(first, privately, doomed));
        Http.Response imported = http.postForm("/api/pleroma/follow_import", List.of("list",
                n1 + "\nnobody-by-that-name\n" + mentioner), "Authorization", Http.bearer(tokens.get(n2)));
        String importJob = imported.header("location").substring("http://annals.test".length());
        awaitCompleted(importJob, tokens.get(n2));
        // Notifications: wait until the policy delivered them all, then read, mark, dismiss and switch some off.
        barrier.awaitHead(CommandSideProcessing.NOTIFICATIONS);
        barrier.awaitHead(NotificationProjection.GROUP);
        JsonNode ofN1 = http.get("/api/v1/notifications", "Authorization", Http.bearer(tokens.get(n1))).json();
        assertThat(ofN1.size()).isGreaterThanOrEqualTo(4);
        act(tokens.get(n1), "/api/pleroma/notifications/read?id=" + ofN1.get(0).get("id").asText());
        http.postForm("/api/v1/markers", List.of("notifications[last_read_id]", ofN1.get(2).get("id").asText()),
                "Authorization", Http.bearer(tokens.get(n1)));
        act(tokens.get(n1), "/api/v1/notifications/" + ofN1.get(1).get("id").asText() + "/dismiss");
        act(tokens.get(mentioner), "/api/v1/notifications/clear");
        http.putJson("/api/pleroma/notification_settings", Map.of("follows", false, "remote", "0"),
                "Authorization", Http.bearer(tokens.get(n1)));
        String revoked = tokens.get(nicknames.get(2));
        http.postForm("/oauth/revoke", List.of("client_id", app.clientId(), "client_secret", app.clientSecret(),
                "token", revoked));

        // Moderation: tags, a deactivation undone, an invite, a report handled, a status made sensitive.
        String asAdmin = "?admin_token=" + ADMIN_TOKEN;
        http.putJson("/api/pleroma/admin/users/tag" + asAdmin, Map.of("nicknames", List.of(n2), "tags", List.of("sandbox")));
        http.patchForm("/api/pleroma/admin/users/" + mentioner + "/toggle_activation" + asAdmin, List.of());
        http.patchForm("/api/pleroma/admin/users/" + mentioner + "/toggle_activation" + asAdmin, List.of());
        http.get("/api/pleroma/admin/users/invite_token" + asAdmin + "&invite[max_use]=3");
        String report = http.postJson("/api/v1/reports", Map.of("account_id", id(n1), "status_ids", List.of(first),
                "comment", "rebuild me"), "Authorization", Http.bearer(tokens.get(n0))).json().get("id").asText();
        http.putJson("/api/pleroma/admin/reports/" + report + asAdmin, Map.of("state", "closed"));
        http.putJson("/api/pleroma/admin/statuses/" + first + asAdmin, Map.of("sensitive", true));
        barrier.awaitHead(social.annals.query.moderation.ModerationLogProjection.GROUP);

        Map<String, String> before = answers(nicknames, tokens);
        before.put("import", render(http.get(importJob, "Authorization", Http.basic(n2, PASSWORD))));
        rebuilder.rebuildAll();
        Map<String, String> after = answers(nicknames, tokens);
        after.put("import", render(http.get(importJob, "Authorization", Http.basic(n2, PASSWORD))));

        assertThat(after).isEqualTo(before);
        assertThat(before.get("verify " + nicknames.get(2))).startsWith("403");
        assertThat(before.get("verify " + nicknames.get(1))).contains("\"display_name\":\"Renamed\"");
        assertThat(before.get("/api/v1/pleroma/flavour " + n1)).contains("vanilla");
        assertThat(before.get("moderation_log")).contains("added tags: sandbox").contains("deactivated user")
                .contains("with 'closed' state").contains("set sensitive: 'true'");
        assertThat(before.get("invites")).contains("\"max_use\":3");
        assertThat(before.get("reports")).contains("\"state\":\"closed\"");
        assertThat(before.get("status " + statuses.get(0))).contains("\"shortcode\":\"heart\"");
        assertThat(before.get("custom_emojis")).contains("\"shortcode\":\"sea\"");
        assertThat(before.get("admin " + admin)).contains("\"admin\":true");
        assertThat(before.get("account " + nicknames.get(0))).contains("\"followers_count\":2");
        assertThat(before.get("/api/v1/blocks " + nicknames.get(0))).contains(nicknames.get(2));
        assertThat(before.get("/api/v1/timelines/home " + nicknames.get(0))).contains("psst").contains("reply")
                .doesNotContain("friends only");
        assertThat(before.get("status " + statuses.get(0))).contains("\"favourites_count\":2")
                .contains("\"reblogs_count\":1").contains("\"replies_count\":1").contains("\"pinned\":true")
                .contains("\"emoji_reactions\":[{\"name\":\"\\uD83C\\uDF89\",\"count\":2"); // 🎉, escaped
        // The newest (a follow request by the import) was read, the boost dismissed, the rest passed by the marker.
        assertThat(before.get("/api/v1/notifications " + n1)).contains("\"type\":\"favourite\"")
                .contains("\"type\":\"follow\"").doesNotContain("\"type\":\"reblog\"")
                .doesNotContain("\"is_seen\":false");
        assertThat(before.get("/api/v1/notifications " + admin)).contains("\"type\":\"mention\"");
        assertThat(before.get("/api/v1/markers " + n1)).contains("\"version\":1");
        assertThat(before.get("verify " + n1)).contains("\"follows\":false");
        assertThat(before.get("/api/v1/domain_blocks " + n0)).contains("blocked.example");
        assertThat(before.get("context " + statuses.get(0))).contains("reply");
        assertThat(before.get("status for " + n0 + " " + statuses.get(0))).contains("\"muted\":true");
        assertThat(before.get("/api/v1/timelines/direct " + n0)).contains("psst");
        assertThat(before.get("tag")).contains("hello");
        assertThat(before.get("import")).contains("\"followed\":1").contains("\"requested\":1").contains("\"not_found\":1");
    }

    private final List<String> statuses = new ArrayList<>();

    private String postStatus(String token, String... form) {
        Http.Response response = http.postForm("/api/v1/statuses", List.of(form), "Authorization", Http.bearer(token));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("id").asText();
    }

    private Map<String, String> answers(List<String> nicknames, Map<String, String> tokens) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("instance", render(http.get("/api/v1/instance")));
        answers.put("public", render(http.get("/api/v1/timelines/public?limit=40")));
        answers.put("tag", render(http.get("/api/v1/timelines/tag/world")));
        answers.put("search", render(http.get("/api/v2/search?q=rebuilt", "Authorization",
                Http.basic(nicknames.get(0), PASSWORD))));
        answers.put("emoji", render(http.get("/api/pleroma/emoji")));
        answers.put("custom_emojis", render(http.get("/api/v1/custom_emojis")));
        String admin = "?admin_token=" + ADMIN_TOKEN;
        answers.put("moderation_log", render(http.get("/api/pleroma/admin/moderation_log" + admin + "&page_size=1000")));
        answers.put("invites", render(http.get("/api/pleroma/admin/users/invites" + admin)));
        answers.put("reports", render(http.get("/api/pleroma/admin/reports" + admin + "&limit=40")));
        answers.put("admin users", render(http.get("/api/pleroma/admin/users" + admin + "&page_size=1000")));
        for (String status : statuses) {
            answers.put("status " + status, render(http.get("/api/v1/statuses/" + status)));
            answers.put("favourited_by " + status, render(http.get("/api/v1/statuses/" + status + "/favourited_by")));
            answers.put("reactions " + status, render(http.get("/api/v1/pleroma/statuses/" + status + "/reactions")));
            answers.put("reblogged_by " + status, render(http.get("/api/v1/statuses/" + status + "/reblogged_by")));
            answers.put("context " + status, render(http.get("/api/v1/statuses/" + status + "/context",
                    "Authorization", Http.basic(nicknames.get(0), PASSWORD))));
            answers.put("status for " + nicknames.get(0) + " " + status, render(http.get("/api/v1/statuses/" + status,
                    "Authorization", Http.basic(nicknames.get(0), PASSWORD))));
        }
        for (String nickname : nicknames) {
            answers.put("verify " + nickname, render(http.get("/api/v1/accounts/verify_credentials",
                    "Authorization", Http.bearer(tokens.get(nickname)))));
            answers.put("account " + nickname, render(http.get("/api/v1/accounts/" + nickname)));
            answers.put("basic " + nickname, render(http.get("/api/v1/accounts/verify_credentials",
                    "Authorization", Http.basic(nickname, PASSWORD))));
            answers.put("admin " + nickname, render(http.get("/api/pleroma/admin/users/" + nickname
                    + "?admin_token=" + ADMIN_TOKEN)));
            String id = id(nickname);
            answers.put("followers " + nickname, render(http.get("/api/v1/accounts/" + id + "/followers")));
            answers.put("following " + nickname, render(http.get("/api/v1/accounts/" + id + "/following")));
            String ids = nicknames.stream().map(this::id).map(other -> "id[]=" + other)
                    .collect(java.util.stream.Collectors.joining("&"));
            answers.put("relationships " + nickname, render(http.get("/api/v1/accounts/relationships?" + ids,
                    "Authorization", Http.basic(nickname, PASSWORD))));
            answers.put("statuses " + nickname, render(http.get("/api/v1/accounts/" + id + "/statuses")));
            answers.put("favourites of " + nickname, render(http.get("/api/v1/pleroma/accounts/" + id + "/favourites")));
            answers.put("admin statuses " + nickname, render(http.get("/api/pleroma/admin/users/" + nickname
                    + "/statuses?admin_token=" + ADMIN_TOKEN)));
            for (String list : List.of("/api/v1/pleroma/flavour", "/api/v1/blocks", "/api/v1/mutes", "/api/v1/follow_requests",
                    "/api/v1/timelines/home", "/api/v1/timelines/direct", "/api/v1/favourites", "/api/v1/bookmarks",
                    "/api/v1/notifications", "/api/v1/markers", "/api/v1/domain_blocks", "/api/pleroma/follow_export")) {
                answers.put(list + " " + nickname, render(http.get(list, "Authorization",
                        Http.basic(nickname, PASSWORD))));
            }
        }
        return answers;
    }

    private void awaitCompleted(String job, String token) {
        for (int i = 0; i < 200; i++) {
            if (http.get(job, "Authorization", Http.bearer(token)).body().contains("\"state\":\"completed\"")) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("import did not complete");
    }

    private String id(String nickname) {
        return http.get("/api/v1/accounts/" + nickname).json().get("id").asText();
    }

    private void follow(String token, String nickname) {
        act(token, "/api/v1/accounts/" + id(nickname) + "/follow");
    }

    private void act(String token, String path) {
        assertThat(http.postJson(path, "", "Authorization", Http.bearer(token)).status()).as(path).isEqualTo(200);
    }

    private static String render(Http.Response response) {
        return response.status() + " " + response.body();
    }
}
