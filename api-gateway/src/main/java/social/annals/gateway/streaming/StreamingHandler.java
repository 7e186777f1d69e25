package social.annals.gateway.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import social.annals.gateway.security.ApiPrincipal;

/**
 * {@code /api/v1/streaming}: the streams chosen on connect, and {@code subscribe} and
 * {@code unsubscribe} messages afterwards; anything else gets an error frame, as Mastodon sends.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class StreamingHandler extends TextWebSocketHandler {

    static final String VIEWER = "annals.streaming.viewer";
    static final String INITIAL_STREAM = "annals.streaming.stream";
    static final String SINCE = "annals.streaming.since";
    private static final String CONNECTION = "annals.streaming.connection";

    private final StreamingHub hub;
    private final StreamingHandshake handshake;
    private final ObjectMapper mapper = new ObjectMapper();

    public StreamingHandler(StreamingHub hub, StreamingHandshake handshake) {
        this.hub = hub;
        this.handshake = handshake;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        Connection connection = new Connection(session, (ApiPrincipal) session.getAttributes().get(VIEWER),
                hub.senders());
        if (session.getAttributes().get(INITIAL_STREAM) instanceof Stream stream) {
            connection.streams().add(stream);
        }
        session.getAttributes().put(CONNECTION, connection);
        hub.join(connection, (Long) session.getAttributes().getOrDefault(SINCE, Long.MAX_VALUE));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        Connection connection = (Connection) session.getAttributes().get(CONNECTION);
        JsonNode json;
        try {
            json = mapper.readTree(message.getPayload());
        } catch (Exception e) {
            json = null;
        }
        String type = json == null ? null : json.path("type").asText(null);
        if ("pleroma:authenticate".equals(type)) {
            authenticate(connection, json.path("token").asText(""));
            return;
        }
        if (!"subscribe".equals(type) && !"unsubscribe".equals(type)) {
            hub.error(connection, "Unknown message: expected {\"type\":\"subscribe\"|\"unsubscribe\",\"stream\":…}", 400);
            return;
        }
        Optional<Stream> stream = Stream.of(json.path("stream").asText(null), json.path("tag").asText(null));
        if (stream.isEmpty()) {
            hub.error(connection, "Unknown stream type", 400);
        } else if (stream.get().needsViewer() && connection.viewer() == null) {
            hub.error(connection, "Missing access token", 401);
        } else if (type.equals("subscribe")) {
            connection.streams().add(stream.get());
        } else {
            connection.streams().remove(stream.get());
        }
    }

    /**
     * Pleroma's authentication after connecting, which Pleroma-FE uses: the answer is a
     * {@code pleroma:respond} event, as Pleroma sends it.
     */
    private void authenticate(Connection connection, String token) {
        String error = null;
        if (connection.viewer() != null) {
            error = "already_authenticated";
        } else {
            ApiPrincipal viewer = handshake.viewerOf(token.trim()).orElse(null);
            if (viewer == null) {
                error = "unauthorized";
            } else {
                connection.authenticate(viewer);
            }
        }
        java.util.Map<String, String> answer = new java.util.LinkedHashMap<>();
        answer.put("type", "pleroma:authenticate");
        answer.put("result", error == null ? "success" : "error");
        if (error != null) {
            answer.put("error", error);
        }
        connection.send(hub.json(java.util.Map.of("event", "pleroma:respond", "payload", hub.json(answer))));
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        if (session.getAttributes().get(CONNECTION) instanceof Connection connection) {
            connection.close(CloseStatus.SERVER_ERROR);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        if (session.getAttributes().get(CONNECTION) instanceof Connection connection) {
            hub.unregister(connection);
        }
    }
}
