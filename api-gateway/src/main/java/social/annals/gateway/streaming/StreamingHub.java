package social.annals.gateway.streaming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.util.Collection;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.PingMessage;

/** The connections this node holds, and how an event is written to them (Mastodon's frame). */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class StreamingHub {

    private static final int SENDER_THREADS = 8;

    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    /** Connections opened since the feed last looked, with the log position their handshake saw. */
    private final Queue<Joining> joining = new ConcurrentLinkedQueue<>();
    private final ObjectMapper mapper;
    /** Writes to the sockets, so the feed never waits for a client; a stalled one holds a thread at most 5 s. */
    private final ExecutorService senders = Executors.newFixedThreadPool(SENDER_THREADS, runnable -> {
        Thread thread = new Thread(runnable, "streaming-send");
        thread.setDaemon(true);
        return thread;
    });

    public StreamingHub(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Executor senders() {
        return senders;
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }

    record Joining(Connection connection, long since) {
    }

    /**
     * A new connection waits here for the feed, which first sends it what it has dispatched since
     * {@code since} (a client may post the moment its socket opens, before this point is reached)
     * and then adds it: all sending happens on the feed's thread, so nothing is missed or sent twice.
     */
    void join(Connection connection, long since) {
        joining.add(new Joining(connection, since));
    }

    /** Hands each connection that joined to {@code catchUp}, then counts it in. */
    void admit(java.util.function.Consumer<Joining> catchUp) {
        for (Joining next = joining.poll(); next != null; next = joining.poll()) {
            if (next.connection().isOpen()) {
                catchUp.accept(next);
                connections.put(next.connection().id(), next.connection());
            }
        }
    }

    void unregister(Connection connection) {
        connections.remove(connection.id());
    }

    Collection<Connection> connections() {
        return connections.values();
    }

    public int size() {
        return connections.size() + joining.size();
    }

    /** {@code {"stream":["hashtag","cats"],"event":"update","payload":"<the entity as a JSON string>"}}. */
    void send(Connection connection, Stream stream, String event, String payload) {
        connection.send(frame(stream, event, payload));
    }

    /** One frame, to send as it is to every connection on the same stream. */
    String frame(Stream stream, String event, String payload) {
        return json(Map.of("stream", stream.label(), "event", event, "payload", payload));
    }

    void error(Connection connection, String message, int status) {
        connection.send(json(Map.of("error", message, "status", status)));
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
