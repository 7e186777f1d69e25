package social.annals.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** HTTP tests with another server beside this one: a {@link FakeRemoteServer} per test class. */
public abstract class FederationApiTest extends ApiTest {

    protected static FakeRemoteServer REMOTE;

    @BeforeAll
    static void startRemote() {
        REMOTE = new FakeRemoteServer();
    }

    @AfterAll
    static void stopRemote() {
        REMOTE.close();
    }

    protected URI sharedInbox() {
        return URI.create("http://localhost:" + port + "/inbox");
    }

    protected static String actorUrl(User user) {
        return "http://annals.test/users/" + user.nickname();
    }

    protected static Map<String, Object> follow(FakeRemoteServer.Actor actor, String target) {
        return Map.of("@context", "https://www.w3.org/ns/activitystreams", "id", actor.id() + "/follows/" + unique("f"),
                "type", "Follow", "actor", actor.id(), "object", target);
    }

    /** Has the remote actor follow the user, so that it is known here; answers its account id. */
    protected String followedBy(FakeRemoteServer.Actor remote, User user) {
        assertThat(REMOTE.deliver(remote, sharedInbox(), follow(remote, actorUrl(user)))).isEqualTo(202);
        JsonNode followers = http.get("/api/v1/accounts/" + user.id() + "/followers", "Authorization", user.bearer())
                .json();
        for (JsonNode follower : followers) {
            if (follower.get("username").asText().equals(remote.username())) {
                return follower.get("id").asText();
            }
        }
        throw new AssertionError("not a follower: " + remote);
    }
}
