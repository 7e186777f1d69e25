package social.annals.gateway.streaming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;

/** The connections this node holds, and how an event is written to them (Mastodon's frame). */
@Component
public class StreamingHub {

    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final ObjectMapper mapper;

    public StreamingHub(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void register(Connection connection) {
        connections.put(connection.id(), connection);
    }

    void unregister(Connection connection) {
        connections.remove(connection.id());
    }

    Collection<Connection> connections() {
        return connections.values();
    }

    public int size() {
        return connections.size();
    }

    /** {@code {"stream":["hashtag","cats"],"event":"update","payload":"<the entity as a JSON string>"}}. */
    void send(Connection connection, Stream stream, String event, String payload) {
        connection.send(json(Map.of("stream", stream.label(), "event", event, "payload", payload)));
    }

    void error(Connection connection, String message, int status) {
        connection.send(json(Map.of("error", message, "status", status)));
    }

    /** Ends the streams of whoever matches (a revoked token, a deactivated account). */
    void close(Predicate<Connection> which) {
        List.copyOf(connections.values()).stream().filter(which)
                .forEach(connection -> connection.close(CloseStatus.POLICY_VIOLATION));
    }

    /** Keeps idle connections open through proxies that drop silent ones, and finds the dead. */
    @Scheduled(fixedDelayString = "${annals.streaming.heartbeat-ms:30000}")
    void heartbeat() {
        connections.values().forEach(connection -> connection.send(new PingMessage()));
    }

    String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
