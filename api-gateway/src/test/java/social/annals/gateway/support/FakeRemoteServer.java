package social.annals.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import social.annals.gateway.federation.signature.HttpSignatures;
import social.annals.gateway.federation.signature.PemKeys;

/**
 * Another fediverse server, as small as a test needs: it serves actor documents for the actors a
 * test creates, keeps what is delivered to their inboxes, and signs activities they send.
 */
public final class FakeRemoteServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, JsonNode> documents = new ConcurrentHashMap<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();

    public record Actor(String id, String username, KeyPair keys) {
        public String keyId() {
            return id + "#main-key";
        }
    }

    public record Delivery(String path, Map<String, List<String>> headers, byte[] body, JsonNode activity) {

        /** The first value of a header, whatever its case. */
        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final AtomicLong requests = new AtomicLong();

    public FakeRemoteServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public Actor actor(String username) {
        return actor(username, PemKeys.generateRsa(), Map.of());
    }

    /** Serves an actor document; {@code extra} fields are added to it or replace the defaults. */
    public Actor actor(String username, KeyPair keys, Map<String, Object> extra) {
        String id = base() + "/users/" + username;
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", List.of("https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"));
        document.put("id", id);
        document.put("type", "Person");
        document.put("preferredUsername", username);
        document.put("name", username + " remote");
        document.put("summary", "<p>from elsewhere<script>alert(1)</script></p>");
        document.put("url", base() + "/@" + username);
        document.put("inbox", id + "/inbox");
        document.put("outbox", id + "/outbox");
        document.put("followers", id + "/followers");
        document.put("following", id + "/following");
        document.put("endpoints", Map.of("sharedInbox", base() + "/inbox"));
        document.put("icon", Map.of("type", "Image", "url", base() + "/avatars/" + username + ".png"));
        document.put("manuallyApprovesFollowers", false);
        document.put("publicKey", Map.of("id", id + "#main-key", "owner", id,
                "publicKeyPem", PemKeys.encode(keys.getPublic())));
        document.putAll(extra);
        documents.put("/users/" + username, JSON.valueToTree(document));
        return new Actor(id, username, keys);
    }

    /** Serves any document (a note, say) at a path of this server. */
    public void publish(String path, Object document) {
        documents.put(path, JSON.valueToTree(document));
    }

    public JsonNode document(Actor actor) {
        return documents.get("/users/" + actor.username());
    }

    public List<Delivery> deliveries() {
        return new ArrayList<>(deliveries);
    }

    /** Waits up to ten seconds for a delivery of this type to this path. */
    public Delivery awaitDelivery(String path, String type) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (Delivery delivery : deliveries) {
                if (delivery.path().equals(path) && type.equals(delivery.activity().path("type").asText())) {
                    return delivery;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No " + type + " delivered to " + path + "; got " + deliveries);
    }

    public long deliveriesOf(String type) {
        return deliveries.stream().filter(delivery -> type.equals(delivery.activity().path("type").asText())).count();
    }

    /** Posts the activity to an inbox of the server under test, signed by the actor. */
    public int deliver(Actor signer, URI inbox, Object activity) {
        return deliver(signer, inbox, bytes(activity), Instant.now(), Map.of());
    }

    /** As {@link #deliver(Actor, URI, Object)}, with the body, the signing time and headers to override given. */
    public int deliver(Actor signer, URI inbox, byte[] body, Instant signedAt, Map<String, String> overrides) {
        Map<String, String> headers = new LinkedHashMap<>(HttpSignatures.signedHeaders("POST", inbox, body,
                signer.keyId(), signer.keys().getPrivate(), signedAt));
        headers.putAll(overrides);
        headers.remove("Host");
        HttpRequest.Builder request = HttpRequest.newBuilder(inbox).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (value != null) {
                request.header(name, value);
            }
        });
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes(Object activity) {
        try {
            return JSON.writeValueAsBytes(activity);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every request this server has answered, fetches and deliveries alike. */
    public long requestCount() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestMethod().equals("POST")) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            deliveries.add(new Delivery(path, Map.copyOf(exchange.getRequestHeaders()), body, JSON.readTree(body)));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
            return;
        }
        JsonNode document = path.equals("/.well-known/webfinger") ? webfinger(exchange.getRequestURI().getQuery())
                : documents.get(path);
        if (document == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        byte[] body = JSON.writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/activity+json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** WebFinger for {@code acct:user@this-host}: the actor, when this server serves one by that name. */
    private JsonNode webfinger(String query) {
        String resource = query == null ? "" : java.net.URLDecoder.decode(query.replaceFirst("^resource=", ""),
                StandardCharsets.UTF_8);
        String prefix = "acct:";
        int at = resource.lastIndexOf('@');
        if (!resource.startsWith(prefix) || at < 0 || !resource.substring(at + 1).equals(host())) {
            return null;
        }
        String username = resource.substring(prefix.length(), at);
        if (!documents.containsKey("/users/" + username)) {
            return null;
        }
        return JSON.valueToTree(Map.of("subject", resource, "links", List.of(Map.of("rel", "self",
                "type", "application/activity+json", "href", base() + "/users/" + username))));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
