package social.annals.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import social.annals.gateway.consistency.ConsistencyBarrier;

/** HTTP tests with another server beside this one: a {@link FakeRemoteServer} per test class. */
public abstract class FederationApiTest extends ApiTest {

    protected static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

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

    /** An activity of the actor with a fresh id, as the remote server would send it. */
    protected static Map<String, Object> activity(FakeRemoteServer.Actor actor, String type, Object object) {
        return Map.of("id", actor.id() + "/" + type.toLowerCase() + "s/" + unique("a"), "type", type,
                "actor", actor.id(), "object", object);
    }

    /** A fresh id for a note of the actor. */
    protected static String noteId(FakeRemoteServer.Actor author) {
        return author.id() + "/statuses/" + unique("n");
    }

    /** A public note, as Mastodon writes one; {@code extra} fields are added or replace these. */
    protected static Map<String, Object> note(FakeRemoteServer.Actor author, String id, String content,
                                              Map<String, Object> extra) {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("id", id);
        note.put("type", "Note");
        note.put("attributedTo", author.id());
        note.put("content", content);
        note.put("published", "2026-12-04T10:00:00Z");
        note.put("to", List.of(PUBLIC));
        note.put("cc", List.of(author.id() + "/followers"));
        note.putAll(extra);
        return note;
    }

    /** Delivers the note's {@code Create} to the shared inbox, addressed as the note is. */
    protected int create(FakeRemoteServer.Actor author, Map<String, Object> note) {
        return deliver(author, sharedInbox(), Map.of("id", note.get("id") + "/activity", "type", "Create",
                "actor", author.id(), "object", note, "to", note.get("to"), "cc", note.get("cc")));
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
