package social.annals.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import social.annals.gateway.support.ApiTest;
import social.annals.gateway.support.Http;

/** The admin API's user management and the moderation log built from its events. */
class AdminApiTest extends ApiTest {

    private static final String ADMIN = "/api/pleroma/admin";

    private String admin;
    private String adminId;
    private String auth;

    @BeforeEach
    void anAdmin() {
        admin = unique("root");
        assertThat(commandLine("new", admin, admin + "@example.org", "--password", PASSWORD, "--admin")).isZero();
        auth = Http.basic(admin, PASSWORD);
        adminId = http.get("/api/v1/accounts/verify_credentials", "Authorization", auth).json().get("id").asText();
    }

    /** The log entries this test's admin made, newest first. */
    private List<String> messages() {
        JsonNode log = http.get(ADMIN + "/moderation_log?user_id=" + adminId, "Authorization", auth).json();
        List<String> messages = new ArrayList<>();
        log.forEach(entry -> messages.add(entry.get("message").asText()));
        return messages;
    }

    @Test
    void everyEndpointRefusesNonAdmins() {
        User user = user("plain");
        for (String path : List.of(ADMIN + "/users", ADMIN + "/moderation_log", ADMIN + "/users/" + user.nickname())) {
            Http.Response anonymous = http.get(path);
            assertThat(anonymous.status()).isEqualTo(403);
            assertThat(anonymous.json().get("error").asText()).isEqualTo("Invalid credentials.");
            Http.Response notAdmin = http.get(path, "Authorization", user.bearer());
            assertThat(notAdmin.status()).isEqualTo(403);
            assertThat(notAdmin.json().get("error").asText()).isEqualTo("User is not admin.");
        }
        assertThat(http.putJson(ADMIN + "/users/tag", Map.of("nicknames", List.of(user.nickname()),
                "tags", List.of("x")), "Authorization", user.bearer()).status()).isEqualTo(403);
    }

    @Test
    void usersAreListedByNicknameWithFiltersAndPages() {
        String prefix = unique("lst");
        List<String> nicknames = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            nicknames.add(prefix + "n" + i);
            register(prefix + "n" + i);
        }
        JsonNode page = http.get(ADMIN + "/users?query=" + prefix.toUpperCase() + "&page_size=2", "Authorization", auth)
                .json();
        assertThat(page.get("count").asInt()).isEqualTo(3);
        assertThat(page.get("page_size").asInt()).isEqualTo(2);
        assertThat(page.get("users").size()).isEqualTo(2);
        assertThat(page.get("users").get(0).get("nickname").asText()).isEqualTo(nicknames.get(0));
        assertThat(page.get("users").get(0).get("tags").isArray()).isTrue();
        JsonNode second = http.get(ADMIN + "/users?query=" + prefix + "&page_size=2&page=2abc", "Authorization", auth)
                .json();
        assertThat(second.get("users").get(0).get("nickname").asText()).isEqualTo(nicknames.get(2));
        assertThat(http.get(ADMIN + "/users?query=" + prefix + "&page=9", "Authorization", auth).json()
                .get("users").size()).isZero();
        assertThat(http.get(ADMIN + "/users?query=" + prefix + "&filters=external", "Authorization", auth).json()
                .get("count").asInt()).isZero();
        assertThat(http.get(ADMIN + "/users?filters=is_admin&query=" + admin, "Authorization", auth).json()
                .get("count").asInt()).isEqualTo(1);
        assertThat(http.get(ADMIN + "/users?email=" + nicknames.get(1) + "@example.org", "Authorization", auth).json()
                .get("users").get(0).get("nickname").asText()).isEqualTo(nicknames.get(1));
        assertThat(http.get(ADMIN + "/users?email=" + nicknames.get(1), "Authorization", auth).json()
                .get("count").asInt()).as("an e-mail filter never matches a nickname").isZero();
        assertThat(http.get(ADMIN + "/users?page=x&page_size=y&query=" + prefix, "Authorization", auth).json()
                .get("page_size").asInt()).isEqualTo(50);
    }

    /** As in Pleroma: a deactivated account's posts are gone for everyone but an admin, and it gets no new token. */
    @Test
    void aDeactivatedAccountsPostsAreHiddenAndItsGrantsRefused() {
        App app = app();
        String nickname = unique("silenced");
        register(nickname);
        JsonNode grant = passwordGrant(app, nickname, null);
        User user = new User(grant.get("me").asText(), nickname, Http.bearer(grant.get("access_token").asText()));
        String id = postStatusId(user, "status", "soon hidden");
        String accountId = http.get("/api/v1/statuses/" + id).json().get("account").get("id").asText();
        http.patchForm(ADMIN + "/users/" + nickname + "/toggle_activation", List.of(), "Authorization", auth);

        assertThat(http.get("/api/v1/statuses/" + id).status()).isEqualTo(404);
        assertThat(ids(http.get("/api/v1/timelines/public?limit=40"))).doesNotContain(id);
        assertThat(http.get("/api/v1/accounts/" + accountId + "/statuses").body()).doesNotContain(id);
        assertThat(http.get(ADMIN + "/users/" + nickname + "/statuses?godmode=true", "Authorization", auth).body())
                .contains(id);
        Http.Response refreshed = http.postForm("/oauth/token", List.of("grant_type", "refresh_token",
                "client_id", app.clientId(), "client_secret", app.clientSecret(),
                "refresh_token", grant.get("refresh_token").asText()));
        assertThat(refreshed.status()).isEqualTo(403);
        assertThat(refreshed.json().get("error").asText()).isEqualTo("Your account is currently disabled");

        http.patchForm(ADMIN + "/users/" + nickname + "/toggle_activation", List.of(), "Authorization", auth);
        assertThat(http.get("/api/v1/statuses/" + id).status()).isEqualTo(200);
    }

    @Test
    void deactivationRefusesTheAccountEverywhereAndIsLoggedFromTheRequestedState() {
        User user = user("switched");
        Http.Response toggled = http.patchForm(ADMIN + "/users/" + user.nickname() + "/toggle_activation", List.of(),
                "Authorization", auth);
        assertThat(toggled.json().get("deactivated").asBoolean()).isTrue();
        assertThat(http.get("/api/v1/accounts/verify_credentials", "Authorization", user.bearer()).status())
                .isEqualTo(403);
        assertThat(http.get(ADMIN + "/users?filters=deactivated&query=" + user.nickname(), "Authorization", auth)
                .json().get("count").asInt()).isEqualTo(1);
        Http.Response again = http.putJson(ADMIN + "/users/" + user.nickname() + "/activation_status",
                Map.of("status", "false"), "Authorization", auth);
        assertThat(again.status()).isEqualTo(204);
        assertThat(again.body()).isEmpty();
        assertThat(http.putJson(ADMIN + "/activation_status/" + user.nickname(), Map.of("status", true),
                "Authorization", auth).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/accounts/verify_credentials", "Authorization", user.bearer()).status())
                .isEqualTo(200);
        Http.Response bad = http.putJson(ADMIN + "/users/" + user.nickname() + "/activation_status",
                Map.of("status", "maybe"), "Authorization", auth);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo("\"Invalid parameters\"");
        assertThat(http.putJson(ADMIN + "/users/nobody-here/activation_status", Map.of("status", true),
                "Authorization", auth).body()).isEqualTo("\"Not found\"");
        assertThat(messages()).containsExactly("@" + admin + " activated user @" + user.nickname(),
                "@" + admin + " deactivated user @" + user.nickname(),
                "@" + admin + " deactivated user @" + user.nickname());
        JsonNode granted = http.get(ADMIN + "/moderation_log?subject_id=" + adminId, "Authorization", auth).json();
        assertThat(granted.get(0).get("message").asText()).isEqualTo("@command-line made @" + admin + " admin");
    }

    @Test
    void tagsAreAddedAndRemovedForKnownNicknamesInOneLogEntryEach() {
        User first = user("tagged");
        User second = user("tagged");
        Http.Response tagged = http.putJson(ADMIN + "/users/tag", Map.of("nicknames",
                List.of(first.nickname(), second.nickname(), "ghost-of-nobody"), "tags", List.of("Force_NSFW", "sandbox")),
                "Authorization", auth);
        assertThat(tagged.status()).isEqualTo(204);
        assertThat(http.get(ADMIN + "/users/" + first.nickname(), "Authorization", auth).json().get("tags").toString())
                .isEqualTo("[\"force_nsfw\",\"sandbox\"]");
        assertThat(http.get(ADMIN + "/users?tags[]=sandbox&query=" + second.nickname(), "Authorization", auth).json()
                .get("count").asInt()).isEqualTo(1);
        http.delete(ADMIN + "/users/tag?nicknames[]=" + first.nickname() + "&tags[]=sandbox", "Authorization", auth);
        assertThat(http.get(ADMIN + "/users/" + first.nickname(), "Authorization", auth).json().get("tags").toString())
                .isEqualTo("[\"force_nsfw\"]");
        assertThat(http.get("/api/v1/accounts/" + first.id()).json().get("pleroma").get("tags").toString())
                .isEqualTo("[\"force_nsfw\"]");
        assertThat(messages().subList(0, 2)).containsExactly(
                "@" + admin + " removed tags: sandbox from users: @" + first.nickname(),
                "@" + admin + " added tags: force_nsfw, sandbox to users: @" + first.nickname() + ", @"
                        + second.nickname());
        assertThat(http.putJson(ADMIN + "/users/tag", Map.of("tags", List.of("x")), "Authorization", auth).status())
                .isEqualTo(400);
    }

    @Test
    void permissionGroupsAreGrantedAndRevokedButNeverFromOneself() {
        User user = user("promoted");
        String groups = ADMIN + "/users/" + user.nickname() + "/permission_group";
        assertThat(http.get(groups, "Authorization", auth).body())
                .isEqualTo("{\"is_admin\":false,\"is_moderator\":false}");
        assertThat(http.postJson(groups + "/moderator", "", "Authorization", auth).body())
                .isEqualTo("{\"is_moderator\":true}");
        assertThat(http.get(ADMIN + "/permission_group/" + user.nickname(), "Authorization", auth).body())
                .isEqualTo("{\"is_admin\":false,\"is_moderator\":true}");
        assertThat(http.delete(groups + "/moderator", "Authorization", auth).body())
                .isEqualTo("{\"is_moderator\":false}");
        Http.Response unknown = http.postJson(groups + "/overlord", "", "Authorization", auth);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isEqualTo("No such permission_group");
        Http.Response self = http.delete(ADMIN + "/users/" + admin + "/permission_group/admin", "Authorization", auth);
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.json().get("error").asText()).isEqualTo("You can't revoke your own admin status.");
        assertThat(messages().subList(0, 2)).containsExactly(
                "@" + admin + " revoked moderator role from @" + user.nickname(),
                "@" + admin + " made @" + user.nickname() + " moderator");
    }

    @Test
    void forcedFollowsChangeTheRelationshipAndUnknownNicknamesAreIgnored() {
        User follower = user("forced");
        User followed = user("locked");
        http.patchForm("/api/v1/accounts/update_credentials", List.of("locked", "true"), "Authorization",
                followed.bearer());
        assertThat(http.postForm(ADMIN + "/users/follow", List.of("follower", follower.nickname(), "followed",
                followed.nickname()), "Authorization", auth).body()).isEqualTo("\"ok\"");
        assertThat(http.get("/api/v1/accounts/relationships?id=" + followed.id(), "Authorization", follower.bearer())
                .json().get(0).get("following").asBoolean()).isTrue();
        http.postForm(ADMIN + "/users/unfollow", List.of("follower", follower.nickname(), "followed",
                followed.nickname()), "Authorization", auth);
        assertThat(http.get("/api/v1/accounts/relationships?id=" + followed.id(), "Authorization", follower.bearer())
                .json().get(0).get("following").asBoolean()).isFalse();
        assertThat(http.postForm(ADMIN + "/users/follow", List.of("follower", "nobody-at-all", "followed",
                followed.nickname()), "Authorization", auth).body()).isEqualTo("\"ok\"");
        assertThat(messages().subList(0, 2)).containsExactly(
                "@" + admin + " made @" + follower.nickname() + " unfollow @" + followed.nickname(),
                "@" + admin + " made @" + follower.nickname() + " follow @" + followed.nickname());
        assertThat(messages()).hasSize(2);
    }

    @Test
    void usersAreCreatedAllOrNone() {
        String a = unique("made");
        String b = unique("made");
        Http.Response created = http.postJson(ADMIN + "/users", Map.of("users", List.of(
                Map.of("nickname", a, "email", a + "@example.org", "password", "secret"),
                Map.of("nickname", b, "email", b + "@example.org", "password", "secret"))), "Authorization", auth);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).isEqualTo("[{\"type\":\"success\",\"code\":200,\"data\":{\"nickname\":\"" + a
                + "\",\"email\":\"" + a + "@example.org\"}},{\"type\":\"success\",\"code\":200,\"data\":{\"nickname\":\""
                + b + "\",\"email\":\"" + b + "@example.org\"}}]");
        assertThat(http.get("/api/v1/accounts/verify_credentials", "Authorization", Http.basic(a, "secret")).status())
                .isEqualTo(200);

        String c = unique("made");
        Http.Response conflict = http.postJson(ADMIN + "/users", Map.of("users", List.of(
                Map.of("nickname", c, "email", c + "@example.org", "password", "secret"),
                Map.of("nickname", b, "email", "other-" + b + "@example.org", "password", "secret"))),
                "Authorization", auth);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get(0).get("error").asText()).isEmpty();
        assertThat(conflict.json().get(1).get("error").asText()).isEqualTo("nickname has already been taken");
        assertThat(http.get(ADMIN + "/users/" + c, "Authorization", auth).status()).isEqualTo(404);

        String single = unique("single");
        Http.Response old = http.postForm(ADMIN + "/user", List.of("nickname", single, "email", single + "@x.org",
                "password", "secret"), "Authorization", auth);
        assertThat(old.body()).isEqualTo("\"" + single + "\"");
        assertThat(http.get(ADMIN + "/users/" + single, "Authorization", auth).json().get("display_name").asText())
                .isEqualTo(single);
        assertThat(messages().subList(0, 2)).containsExactly("@" + admin + " created users: @" + single,
                "@" + admin + " created users: @" + a + ", @" + b);
    }

    @Test
    void deletingAUserRunsTheDeletionAndTheLogKeepsItsNickname() {
        User doomed = user("banned");
        Http.Response deleted = http.delete(ADMIN + "/users?nickname=" + doomed.nickname(), "Authorization", auth);
        assertThat(deleted.body()).isEqualTo("\"" + doomed.nickname() + "\"");
        assertThat(http.get("/api/v1/accounts/verify_credentials", "Authorization", doomed.bearer()).status())
                .isEqualTo(403);
        assertThat(http.delete(ADMIN + "/users?nickname=nobody-home", "Authorization", auth).status()).isEqualTo(404);
        JsonNode entry = http.get(ADMIN + "/moderation_log?subject_id=" + doomed.id(), "Authorization", auth).json()
                .get(0);
        assertThat(entry.get("message").asText()).isEqualTo("@" + admin + " deleted user @" + doomed.nickname());
        assertThat(entry.get("data").get("subject").toString()).isEqualTo("{\"id\":\"" + doomed.id()
                + "\",\"nickname\":\"" + doomed.nickname() + "\",\"type\":\"user\"}");
        assertThat(entry.get("time").isIntegralNumber()).isTrue();
    }

    @Test
    void theLogIsFilteredPagedAndExported() {
        User user = user("watched");
        http.patchForm(ADMIN + "/users/" + user.nickname() + "/toggle_activation", List.of(), "Authorization", auth);
        http.patchForm(ADMIN + "/users/" + user.nickname() + "/toggle_activation?admin_token=" + ADMIN_TOKEN,
                List.of());
        Http.Response logged = http.get(ADMIN + "/moderation_log?subject_id=" + user.id() + "&page_size=1",
                "Authorization", auth);
        assertThat(logged.header("x-total-count")).isEqualTo("2");
        JsonNode bySubject = http.get(ADMIN + "/moderation_log?subject_id=" + user.id(), "Authorization", auth).json();
        assertThat(bySubject.size()).isEqualTo(2);
        assertThat(bySubject.get(0).get("message").asText())
                .isEqualTo("@admin_token activated user @" + user.nickname());
        assertThat(http.get(ADMIN + "/moderation_log?subject_id=" + user.id() + "&action=deactivate",
                "Authorization", auth).json().size()).isEqualTo(1);
        assertThat(http.get(ADMIN + "/moderation_log?subject_id=" + user.id() + "&page_size=1&page=2",
                "Authorization", auth).json().get(0).get("data").get("action").asText()).isEqualTo("deactivate");
        assertThat(http.get(ADMIN + "/moderation_log?subject_id=" + user.id() + "&start_date=2999-01-01",
                "Authorization", auth).json().size()).isZero();
        assertThat(http.get(ADMIN + "/moderation_log?start_date=yesterday", "Authorization", auth).status())
                .isEqualTo(400);
        assertThat(http.get(ADMIN + "/moderation_log?action=explode", "Authorization", auth).status()).isEqualTo(400);

        Http.Response csv = http.get(ADMIN + "/moderation_log/export?format=csv&subject_id=" + user.id(),
                "Authorization", auth);
        assertThat(csv.header("content-type")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("time,action,actor_id,actor_nickname,message,data");
        assertThat(lines).hasSize(3);
        assertThat(lines[2]).contains(",deactivate," + adminId + "," + admin + ",@" + admin + " deactivated user @"
                + user.nickname() + ",\"{");
        Http.Response json = http.get(ADMIN + "/moderation_log/export?subject_id=" + user.id(), "Authorization", auth);
        assertThat(json.json().size()).isEqualTo(2);
    }

    @Test
    void statusesAreModeratedAndDeletedWithOneLogEntryEach() {
        User author = user("moderated");
        String status = postStatusId(author, "status", "questionable");
        Http.Response changed = http.putJson(ADMIN + "/statuses/" + status, Map.of("visibility", "private",
                "sensitive", "true"), "Authorization", auth);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("visibility").asText()).isEqualTo("private");
        assertThat(changed.json().get("sensitive").asBoolean()).isTrue();
        assertThat(http.get("/api/v1/statuses/" + status).status()).isEqualTo(404);
        http.putJson(ADMIN + "/statuses/" + status, Map.of("sensitive", false), "Authorization", auth);
        Http.Response direct = http.putJson(ADMIN + "/statuses/" + status, Map.of("visibility", "direct"),
                "Authorization", auth);
        assertThat(direct.status()).isEqualTo(400);
        assertThat(direct.body()).isEqualTo("\"Unsupported visibility\"");
        assertThat(http.putJson(ADMIN + "/statuses/nope", Map.of("sensitive", true), "Authorization", auth).body())
                .isEqualTo("\"Not found\"");

        Http.Response deleted = http.delete(ADMIN + "/statuses/" + status, "Authorization", auth);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{}");
        assertThat(http.get("/api/v1/statuses/" + status, "Authorization", author.bearer()).status()).isEqualTo(404);
        Http.Response again = http.delete(ADMIN + "/statuses/" + status, "Authorization", auth);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).isEqualTo("\"Could not delete\"");
        assertThat(http.putJson(ADMIN + "/statuses/" + status, Map.of("sensitive", true), "Authorization", auth)
                .status()).isEqualTo(404);
        assertThat(messages()).containsExactly("@" + admin + " deleted status #" + status,
                "@" + admin + " updated status #" + status + ", set sensitive: 'false'",
                "@" + admin + " updated status #" + status + ", set sensitive: 'true', visibility: 'private'");
    }

    @Test
    void aPasswordResetTokenSetsANewPasswordOnceAndEndsTheOldTokens() {
        User user = user("forgetful");
        Http.Response issued = http.get(ADMIN + "/users/" + user.nickname() + "/password_reset", "Authorization", auth);
        String token = issued.json().asText();
        assertThat(token).hasSize(44).endsWith("=");
        assertThat(http.get(ADMIN + "/password_reset?nickname=nobody-by-that-name", "Authorization", auth).body())
                .isEqualTo("\"Not found\"");

        Http.Response form = http.get("/api/pleroma/password_reset/" + token);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.header("content-type")).startsWith("text/html");
        assertThat(form.body()).contains("name=\"data[password]\"").contains(token);
        Http.Response mismatch = http.postForm("/api/pleroma/password_reset", List.of("data[token]", token,
                "data[password]", "new secret", "data[password_confirmation]", "other"));
        assertThat(mismatch.status()).isEqualTo(400);
        Http.Response reset = http.postForm("/api/pleroma/password_reset", List.of("data[token]", token,
                "data[password]", "new secret", "data[password_confirmation]", "new secret"));
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.body()).contains("Password changed!");

        assertThat(http.get("/api/v1/accounts/verify_credentials", "Authorization", user.bearer()).status())
                .isEqualTo(403);
        assertThat(http.get("/api/v1/accounts/verify_credentials", "Authorization",
                Http.basic(user.nickname(), "new secret")).status()).isEqualTo(200);
        assertThat(http.postForm("/api/pleroma/password_reset", List.of("data[token]", token, "data[password]", "x",
                "data[password_confirmation]", "x")).status()).isEqualTo(404);
        assertThat(http.get("/api/pleroma/password_reset/" + token).status()).isEqualTo(404);
        assertThat(messages()).isEmpty();
    }

    @Test
    void aUsersStatusesAreListedAsAnonymousOrAllWithGodmode() {
        User author = user("prolific");
        String open = postStatusId(author, "status", "for all");
        String secret = postStatusId(author, "status", "for me", "visibility", "direct");
        String path = ADMIN + "/users/" + author.nickname() + "/statuses";
        assertThat(ids(http.get(path, "Authorization", auth))).containsExactly(open);
        assertThat(ids(http.get(path + "?godmode=true", "Authorization", auth))).containsExactly(secret, open);
        assertThat(ids(http.get(path + "?godmode=true&page_size=1", "Authorization", auth))).containsExactly(secret);
        assertThat(http.get(ADMIN + "/users/nobody-there/statuses", "Authorization", auth).status()).isEqualTo(404);
    }
}
