package social.annals.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import social.annals.gateway.support.ApiTest;
import social.annals.gateway.support.Http;
import social.annals.gateway.support.StreamClient;

/** Mastodon's streaming API over a real WebSocket, as megalodon's and Pleroma-FE's clients use it. */
class StreamingApiTest extends ApiTest {

    private static String token(User user) {
        return user.bearer().substring("Bearer ".length());
    }

    @Test
    void aFollowersHomeStreamGetsThePostThenItsDeletion() {
        User reader = user("streamer");
        User author = user("streamed");
        act(reader, "/api/v1/accounts/" + author.id() + "/follow");
        try (StreamClient stream = StreamClient.open(port, "/api/v1/streaming?stream=user&access_token=" + token(reader))) {
            String id = postStatusId(author, "status", "live from the log");
            JsonNode update = stream.nextEvent("update");
            assertThat(update.get("stream").toString()).isEqualTo("[\"user\"]");
            JsonNode status = StreamClient.payload(update);
            assertThat(status.get("id").asText()).isEqualTo(id);
            assertThat(status.get("account").get("id").asText()).isEqualTo(author.id());
            assertThat(status.get("content").asText()).contains("live from the log");

            assertThat(http.delete("/api/v1/statuses/" + id, "Authorization", author.bearer()).status()).isEqualTo(200);
            assertThat(stream.nextEvent("delete").get("payload").asText()).isEqualTo(id);
        }
    }

    @Test
    void notificationsArriveOnTheNotificationStreamAsTheRestApiRendersThem() {
        User target = user("notified");
        User follower = user("follower");
        try (StreamClient stream = StreamClient.open(port,
                "/api/v1/streaming?stream=user:notification&access_token=" + token(target))) {
            act(follower, "/api/v1/accounts/" + target.id() + "/follow");
            JsonNode frame = stream.nextEvent("notification");
            assertThat(frame.get("stream").toString()).isEqualTo("[\"user:notification\"]");
            JsonNode notification = StreamClient.payload(frame);
            assertThat(notification.get("type").asText()).isEqualTo("follow");
            assertThat(notification.get("account").get("id").asText()).isEqualTo(follower.id());
            JsonNode listed = http.get("/api/v1/notifications", "Authorization", target.bearer()).json().get(0);
            assertThat(notification.get("id").asText()).isEqualTo(listed.get("id").asText());
        }
    }

    @Test
    void thePublicStreamIsOpenToAnonymousClientsAndCarriesOnlyPublicPosts() {
        User author = user("loud");
        try (StreamClient stream = StreamClient.open(port, "/api/v1/streaming?stream=public")) {
            postStatusId(author, "status", "not for the public stream", "visibility", "unlisted");
            String visible = postStatusId(author, "status", "for everyone");
            JsonNode update = stream.nextEvent("update");
            assertThat(StreamClient.payload(update).get("id").asText()).isEqualTo(visible);
        }
    }

    @Test
    void aHashtagStreamCanBeSubscribedAfterConnectingAndWithTheTokenAsSubprotocol() {
        User reader = user("tagreader");
        User author = user("tagwriter");
        try (StreamClient stream = StreamClient.open(port, "/api/v1/streaming", token(reader))) {
            assertThat(stream.subprotocol()).isEqualTo(token(reader));
            stream.send("{\"type\":\"subscribe\",\"stream\":\"hashtag\",\"tag\":\"Cats\"}");
            postStatusId(author, "status", "about #dogs");
            String cats = postStatusId(author, "status", "about #cats");
            JsonNode update = stream.nextEvent("update");
            assertThat(update.get("stream").toString()).isEqualTo("[\"hashtag\",\"cats\"]");
            assertThat(StreamClient.payload(update).get("id").asText()).isEqualTo(cats);
        }
    }

    @Test
    void badHandshakesAreRefusedWithTheirStatus() {
        User user = user("handshaker");
        assertThat(StreamClient.connect(port, "/api/v1/streaming?stream=nope")).isEqualTo(400);
        assertThat(StreamClient.connect(port, "/api/v1/streaming?stream=hashtag")).isEqualTo(400);
        assertThat(StreamClient.connect(port, "/api/v1/streaming?stream=user")).isEqualTo(401);
        assertThat(StreamClient.connect(port, "/api/v1/streaming?stream=public&access_token=wrong")).isEqualTo(401);
        assertThat(StreamClient.connect(port, "/api/v1/streaming?stream=user", "wrong-token")).isEqualTo(401);
        String writeOnly = passwordGrant(app("write"), user.nickname(), null).get("access_token").asText();
        assertThat(StreamClient.connect(port, "/api/v1/streaming?stream=user&access_token=" + writeOnly))
                .isEqualTo(401);
        assertThat(http.get("/api/v1/streaming/health").body()).isEqualTo("OK");
    }

    @Test
    void garbageGetsErrorFramesAndAnOversizedFrameClosesTheSocket() {
        try (StreamClient stream = StreamClient.open(port, "/api/v1/streaming")) {
            for (String garbage : List.of("not json", "[]", "{\"type\":\"dance\"}",
                    "{\"type\":\"subscribe\",\"stream\":\"nope\"}", "{\"type\":\"subscribe\",\"stream\":\"hashtag\"}")) {
                stream.send(garbage);
                JsonNode error = stream.next(5);
                assertThat(error).as(garbage).isNotNull();
                assertThat(error.get("status").asInt()).as(garbage).isEqualTo(400);
            }
            stream.send("{\"type\":\"subscribe\",\"stream\":\"user\"}");
            assertThat(stream.next(5).get("status").asInt()).isEqualTo(401);
            stream.send("x".repeat(100_000));
            assertThat(stream.closeCode(5)).isEqualTo(1009);
        }
    }

    @Test
    void aRevokedTokenEndsItsStreams() {
        App app = app();
        User user = user("revoked");
        JsonNode grant = passwordGrant(app, user.nickname(), null);
        String token = grant.get("access_token").asText();
        try (StreamClient stream = StreamClient.open(port, "/api/v1/streaming?stream=user&access_token=" + token)) {
            assertThat(http.postForm("/oauth/revoke", List.of("client_id", app.clientId(),
                    "client_secret", app.clientSecret(), "token", token)).status()).isEqualTo(200);
            assertThat(stream.closeCode(10)).isEqualTo(1008);
        }
    }

    /** Pleroma-FE's way: a trailing slash, the token in the query; a muted author's posts never reach the viewer. */
    @Test
    void pleromaFrontendsConnectionGetsWhatTheRestApiWouldShowIt() {
        User reader = user("feviewer");
        User muted = user("fenoisy");
        User other = user("fequiet");
        act(reader, "/api/v1/accounts/" + muted.id() + "/mute");
        try (StreamClient stream = StreamClient.open(port,
                "/api/v1/streaming/?access_token=" + token(reader) + "&stream=public")) {
            postStatusId(muted, "status", "you will not see this");
            String shown = postStatusId(other, "status", "but this");
            assertThat(StreamClient.payload(stream.nextEvent("update")).get("id").asText()).isEqualTo(shown);
        }
    }

    @Test
    void deactivatingAnAccountEndsItsStreams() {
        String admin = unique("streamadmin");
        assertThat(commandLine("new", admin, admin + "@example.org", "--password", PASSWORD, "--admin")).isZero();
        User user = user("deactivated");
        try (StreamClient stream = StreamClient.open(port, "/api/v1/streaming?stream=user&access_token=" + token(user))) {
            http.patchForm("/api/pleroma/admin/users/" + user.nickname() + "/toggle_activation", List.of(),
                    "Authorization", Http.basic(admin, PASSWORD));
            assertThat(stream.closeCode(10)).isEqualTo(1008);
        }
    }

    /** What Pleroma-FE 2.x sends: connect, then pleroma:authenticate, then subscribe once it is answered. */
    @Test
    void pleromaFrontendsAuthenticateAfterConnectingThenSubscribe() {
        User reader = user("fereader");
        User author = user("feauthor");
        act(reader, "/api/v1/accounts/" + author.id() + "/follow");
        try (StreamClient stream = StreamClient.open(port, "/api/v1/streaming")) {
            stream.send("{\"type\":\"pleroma:authenticate\",\"token\":\"" + token(reader) + "\"}");
            JsonNode answer = stream.nextEvent("pleroma:respond");
            assertThat(StreamClient.payload(answer).toString())
                    .isEqualTo("{\"type\":\"pleroma:authenticate\",\"result\":\"success\"}");
            stream.send("{\"type\":\"subscribe\",\"stream\":\"user\"}");
            String id = postStatusId(author, "status", "for the frontend");
            assertThat(StreamClient.payload(stream.nextEvent("update")).get("id").asText()).isEqualTo(id);
        }
        try (StreamClient stream = StreamClient.open(port, "/api/v1/streaming?access_token=" + token(reader))) {
            stream.send("{\"type\":\"pleroma:authenticate\",\"token\":\"" + token(reader) + "\"}");
            assertThat(StreamClient.payload(stream.nextEvent("pleroma:respond")).get("error").asText())
                    .isEqualTo("already_authenticated");
        }
        try (StreamClient stream = StreamClient.open(port, "/api/v1/streaming")) {
            stream.send("{\"type\":\"pleroma:authenticate\",\"token\":\"wrong\"}");
            assertThat(StreamClient.payload(stream.nextEvent("pleroma:respond")).get("error").asText())
                    .isEqualTo("unauthorized");
        }
    }
}
