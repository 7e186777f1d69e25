package social.annals.gateway.streaming;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import social.annals.gateway.security.ApiPrincipal;

/**
 * A client's socket, who it is for and what it follows. Sends go through a bounded buffer: a
 * client that stops reading is dropped once the buffer is full or a send has waited too long, so
 * it cannot make the server hold its messages without end.
 */
final class Connection {

    static final int SEND_TIME_LIMIT_MS = 10_000;
    static final int BUFFER_LIMIT_BYTES = 512 * 1024;

    private final WebSocketSession session;
    private volatile ApiPrincipal viewer;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();

    Connection(WebSocketSession session, ApiPrincipal viewer) {
        this.session = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES,
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
        this.viewer = viewer;
    }

    String id() {
        return session.getId();
    }

    boolean isOpen() {
        return session.isOpen();
    }

    ApiPrincipal viewer() {
        return viewer;
    }

    /** Pleroma's {@code pleroma:authenticate}: a socket opened without a token gets its viewer afterwards. */
    void authenticate(ApiPrincipal viewer) {
        this.viewer = viewer;
    }

    String viewerId() {
        return viewer == null ? null : viewer.accountId();
    }

    Set<Stream> streams() {
        return streams;
    }

    boolean follows(String streamName) {
        return streams.stream().anyMatch(stream -> stream.name().equals(streamName));
    }

    /** Sends if the socket is open; a failed send closes it (the client is gone or too slow). */
    void send(String text) {
        send(new TextMessage(text));
    }

    void send(WebSocketMessage<?> message) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.sendMessage(message);
        } catch (IOException | IllegalStateException e) {
            close(CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    void close(CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException e) {
            // Already gone.
        }
    }
}
