package social.annals.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import social.annals.gateway.consistency.ConsistencyBarrier;

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

    @Autowired
    private ConsistencyBarrier barrier;

    @Autowired
    private EventProcessingConfiguration processing;

    /**
     * Delivers as the remote server would, then waits until every read model has what the
     * delivery did: the inbox answers at its commit, since other servers do not read our read models.
     */
    protected int deliver(FakeRemoteServer.Actor signer, URI inbox, Object activity) {
        return deliver(REMOTE, signer, inbox, activity);
    }

    /** As {@link #deliver(FakeRemoteServer.Actor, URI, Object)}, from another remote server. */
    protected int deliver(FakeRemoteServer server, FakeRemoteServer.Actor signer, URI inbox, Object activity) {
        int status = server.deliver(signer, inbox, activity);
        awaitReadModels();
        return status;
    }

    /**
     * Until every processor has everything: the inbox process acts on what was received, the
     * notification policy on what that did, and the read models show all of it.
     */
    protected void awaitReadModels() {
        String[] groups = processing.eventProcessors().keySet().toArray(String[]::new);
        for (int round = 0; round < 4; round++) {
            barrier.awaitHead(groups);
        }
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
        assertThat(deliver(remote, sharedInbox(), follow(remote, actorUrl(user)))).isEqualTo(202);
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
