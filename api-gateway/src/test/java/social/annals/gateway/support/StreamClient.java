package social.annals.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A streaming client as Mastodon clients are: it connects, collects frames, and can be asked for the next one. */
public final class StreamClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    /** Connects, or answers the HTTP status the handshake was refused with. */
    public static Object connect(int port, String pathAndQuery, String... subprotocols) {
        StreamClient client = new StreamClient();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0]);
        }
        try {
            client.socket = builder.buildAsync(URI.create("ws://localhost:" + port + pathAndQuery), client.listener())
                    .join();
            return client;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    public static StreamClient open(int port, String pathAndQuery, String... subprotocols) {
        Object connected = connect(port, pathAndQuery, subprotocols);
        if (connected instanceof StreamClient client) {
            return client;
        }
        throw new AssertionError("handshake refused with " + connected);
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next frame, parsed, or null if none came within the time. */
    public JsonNode next(long seconds) {
        try {
            String frame = frames.poll(seconds, TimeUnit.SECONDS);
            return frame == null ? null : JSON.readTree(frame);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The next frame of {@code event}, skipping others; fails after 10 s. */
    public JsonNode nextEvent(String event) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode frame = next(1);
            if (frame != null && event.equals(frame.path("event").asText())) {
                return frame;
            }
        }
        throw new AssertionError("no " + event + " event within 10 s");
    }

    /** The payload of a frame, itself JSON in a string, as Mastodon sends it. */
    public static JsonNode payload(JsonNode frame) {
        try {
            return JSON.readTree(frame.get("payload").asText());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The close code the server sent, waiting up to the time; null if still open. */
    public Integer closeCode(long seconds) {
        try {
            return closed.get(seconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    frames.add(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete(-1);
            }
        };
    }
}
