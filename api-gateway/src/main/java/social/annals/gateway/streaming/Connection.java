package social.annals.gateway.streaming;

import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import social.annals.gateway.security.ApiPrincipal;

/**
 * A client's socket, who it is for and what it follows. What is sent to it waits in its own
 * outbox, written out by a shared pool of sender threads, one writer per socket at a time: the
 * feed never waits for a client. A client that stops reading is dropped once its outbox holds
 * {@link #BUFFER_LIMIT_BYTES}, or once one write has waited {@link #SEND_TIMEOUT_MS}, so it cannot
 * make the server hold its messages without end.
 */
final class Connection {

    static final int BUFFER_LIMIT_BYTES = 512 * 1024;
    static final long SEND_TIMEOUT_MS = 5_000;
    /** Tomcat's bound on one blocking write to a socket. */
    private static final String TOMCAT_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final WebSocketSession session;
    private final Executor senders;
    private final Queue<WebSocketMessage<?>> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private volatile ApiPrincipal viewer;

    Connection(WebSocketSession session, ApiPrincipal viewer, Executor senders) {
        this.session = session;
        this.viewer = viewer;
        this.senders = senders;
        Session container = session instanceof NativeWebSocketSession wrapped
                ? wrapped.getNativeSession(Session.class) : null;
        if (container != null) {
            container.getUserProperties().put(TOMCAT_SEND_TIMEOUT, SEND_TIMEOUT_MS);
        }
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

    void send(String text) {
        send(new TextMessage(text));
    }

    /** Queues the message; a client too far behind is dropped instead. Never blocks. */
    void send(WebSocketMessage<?> message) {
        if (!session.isOpen()) {
            return;
        }
        if (queuedBytes.addAndGet(message.getPayloadLength()) > BUFFER_LIMIT_BYTES) {
            outbox.clear();
            close(CloseStatus.SESSION_NOT_RELIABLE.withReason("Too far behind"));
            return;
        }
        outbox.add(message);
        if (writing.compareAndSet(false, true)) {
            senders.execute(this::writeOut);
        }
    }

    /** Writes the outbox out in order, on a sender thread; hands over when it is empty. */
    private void writeOut() {
        try {
            while (true) {
                for (WebSocketMessage<?> next = outbox.poll(); next != null; next = outbox.poll()) {
                    queuedBytes.addAndGet(-next.getPayloadLength());
                    if (session.isOpen()) {
                        session.sendMessage(next);
                    }
                }
                writing.set(false);
                // A message queued after the last poll but before the flag fell is ours to write.
                if (outbox.isEmpty() || !writing.compareAndSet(false, true)) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            outbox.clear();
            writing.set(false);
            close(CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    void close(CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException | RuntimeException e) {
            // Already gone.
        }
    }
}
