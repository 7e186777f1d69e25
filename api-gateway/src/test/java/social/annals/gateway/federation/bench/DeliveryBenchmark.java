package social.annals.gateway.federation.bench;

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
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import social.annals.gateway.federation.signature.HttpSignatures;
import social.annals.gateway.federation.signature.PemKeys;
import social.annals.gateway.federation.signature.Verification;
import social.annals.gateway.support.Http;

/**
 * Delivery at scale: a fleet of fake servers on this machine (one HTTP server per host, each
 * verifying the signature of every POST it gets and counting it) whose accounts follow one local
 * account; then that account posts, and the benchmark measures when each host's shared inbox got
 * the {@code Create}. A second post is made with some hosts refusing connections and some never
 * answering, to show the others are not held up; then those hosts come back and the benchmark waits
 * for the retries. Run by scripts/delivery-bench.sh against a running server.
 */
public final class DeliveryBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = InboxBenchmark.options(args);
        URI base = URI.create(options.getOrDefault("url", "http://localhost:4000"));
        int hostCount = Integer.parseInt(options.getOrDefault("hosts", "200"));
        int followerCount = Integer.parseInt(options.getOrDefault("followers", "10000"));
        int refusing = Integer.parseInt(options.getOrDefault("refusing", "10"));
        int hanging = Integer.parseInt(options.getOrDefault("hanging", "10"));
        Http http = new Http(base.getPort());

        String nickname = "fanout" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        String token = register(http, nickname);
        String local = base + "/users/" + nickname;
        PublicKey localKey = PemKeys.publicKey(JSON.readTree(http.get("/users/" + nickname, "Accept",
                "application/activity+json").body()).at("/publicKey/publicKeyPem").asText());

        KeyPair keys = PemKeys.generateRsa();
        ExecutorService handlers = Executors.newFixedThreadPool(32);
        List<FakeHost> fleet = new ArrayList<>();
        for (int i = 0; i < hostCount; i++) {
            fleet.add(new FakeHost(keys, localKey, handlers));
        }
        try {
            follow(fleet, followerCount, local, base.resolve("/inbox"));
            awaitFollowers(http, token, nickname, followerCount);
            awaitQueueEmpty(http);
            System.out.printf("%d followers on %d hosts; %d signatures verified by the fleet so far, %d refused%n",
                    followerCount, hostCount, FakeHost.verified.get(), FakeHost.badSignatures.get());

            System.out.println("post 1, every host answering:");
            Map<FakeHost, Long> first = post(http, token, fleet, List.of(), "first");
            long firstAll = report(first, fleet.size());

            List<FakeHost> refusers = fleet.subList(0, refusing);
            List<FakeHost> hangers = fleet.subList(refusing, refusing + hanging);
            refusers.forEach(FakeHost::stop);
            hangers.forEach(host -> host.hang = true);
            List<FakeHost> failing = new ArrayList<>(refusers);
            failing.addAll(hangers);
            System.out.printf("post 2, %d hosts refusing connections and %d never answering:%n", refusing, hanging);
            long posted = System.nanoTime();
            Map<FakeHost, Long> second = post(http, token, fleet, failing, "second");
            long secondAll = report(second, fleet.size() - failing.size());
            System.out.printf("the answering hosts' last delivery: %.2f s, against %.2f s with every host answering "
                    + "(%+.2f s)%n", secondAll / 1e3, firstAll / 1e3, (secondAll - firstAll) / 1e3);

            refusers.forEach(FakeHost::start);
            hangers.forEach(host -> host.hang = false);
            long back = System.nanoTime();
            System.out.println("the failing hosts answer again; waiting for the retries...");
            awaitCreates(failing, "second", TimeUnit.MINUTES.toNanos(10));
            System.out.printf("all %d failing hosts got the post by retry %.1f s after they came back "
                    + "(%.1f s after it was posted)%n", failing.size(), (System.nanoTime() - back) / 1e9,
                    (System.nanoTime() - posted) / 1e9);
            System.out.printf("fleet: %d signatures verified, %d refused%n", FakeHost.verified.get(),
                    FakeHost.badSignatures.get());
        } finally {
            fleet.forEach(FakeHost::stop);
            handlers.shutdownNow();
        }
    }

    /** Registers the account that posts, and answers a token of it. */
    private static String register(Http http, String nickname) throws IOException {
        Http.Response registered = http.postForm("/api/account/register", List.of("nickname", nickname,
                "email", nickname + "@example.org", "fullname", nickname, "password", "benchmark-password",
                "confirm", "benchmark-password"));
        if (registered.status() != 200) {
            throw new IllegalStateException("Registration failed: " + registered.body());
        }
        JsonNode app = JSON.readTree(http.postForm("/api/v1/apps", List.of("client_name", "bench", "redirect_uris",
                "urn:ietf:wg:oauth:2.0:oob", "scopes", "read write")).body());
        Http.Response token = http.postForm("/oauth/token", List.of("grant_type", "password",
                "client_id", app.get("client_id").asText(), "client_secret", app.get("client_secret").asText(),
                "username", nickname, "password", "benchmark-password"));
        return JSON.readTree(token.body()).get("access_token").asText();
    }

    /** Each host's accounts follow the local account, 16 Follows in flight at once. */
    private static void follow(List<FakeHost> fleet, int followers, String local, URI inbox) throws Exception {
        long started = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(16);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Future<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < followers; i++) {
            FakeHost host = fleet.get(i % fleet.size());
            String actor = host.actor("follower" + (i / fleet.size()));
            sent.add(senders.submit(() -> host.send(client, inbox, Map.of("id", actor + "/follows/1", "type", "Follow",
                    "actor", actor, "object", local))));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Future<Integer> status : sent) {
            statuses.merge(status.get(), 1, Integer::sum);
        }
        senders.shutdown();
        System.out.printf("%d follows sent in %.1f s: %s%n", followers, (System.nanoTime() - started) / 1e9, statuses);
    }

    private static void awaitFollowers(Http http, String token, String nickname, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode account = JSON.readTree(http.get("/api/v1/accounts/lookup?acct=" + nickname, "Authorization",
                    "Bearer " + token).body());
            if (account.path("followers_count").asInt() >= expected) {
                return;
            }
            TimeUnit.SECONDS.sleep(1);
        }
        throw new IllegalStateException("The follows were not all recorded within 10 minutes");
    }

    /** Until the Accepts of the follows are all delivered (the queue gauge on /actuator/prometheus is 0). */
    private static void awaitQueueEmpty(Http http) throws Exception {
        long started = System.nanoTime();
        while (System.nanoTime() - started < TimeUnit.MINUTES.toNanos(10)) {
            for (String line : http.get("/actuator/prometheus").body().split("\n")) {
                if (line.startsWith("annals_federation_delivery_queue ") && Double.parseDouble(line.split(" ")[1]) == 0) {
                    System.out.printf("the follows' Accepts delivered %.1f s later%n",
                            (System.nanoTime() - started) / 1e9);
                    return;
                }
            }
            TimeUnit.SECONDS.sleep(1);
        }
        throw new IllegalStateException("The delivery queue did not empty within 10 minutes");
    }

    /**
     * Posts a public status and waits until every answering host's shared inbox has its Create;
     * answers when each got it, in milliseconds after the post was sent.
     */
    private static Map<FakeHost, Long> post(Http http, String token, List<FakeHost> fleet, List<FakeHost> failing,
                                            String text) throws Exception {
        long sent = System.nanoTime();
        Http.Response posted = http.postForm("/api/v1/statuses", List.of("status", text, "visibility", "public"),
                "Authorization", "Bearer " + token);
        long answered = System.nanoTime();
        if (posted.status() != 200) {
            throw new IllegalStateException("Posting failed: " + posted.body());
        }
        System.out.printf("  the post answered in %.0f ms%n", (answered - sent) / 1e6);
        List<FakeHost> answering = new ArrayList<>(fleet);
        answering.removeAll(failing);
        awaitCreates(answering, text, TimeUnit.MINUTES.toNanos(2));
        Map<FakeHost, Long> arrivals = new LinkedHashMap<>();
        for (FakeHost host : answering) {
            arrivals.put(host, (host.creates.get(text) - sent) / 1_000_000);
        }
        return arrivals;
    }

    private static void awaitCreates(List<FakeHost> hosts, String text, long timeoutNanos) throws Exception {
        long deadline = System.nanoTime() + timeoutNanos;
        while (hosts.stream().anyMatch(host -> !host.creates.containsKey(text))) {
            if (System.nanoTime() > deadline) {
                long missing = hosts.stream().filter(host -> !host.creates.containsKey(text)).count();
                throw new IllegalStateException(missing + " hosts did not get the post in time");
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** Prints when the hosts got the post; answers the last arrival, in ms. */
    private static long report(Map<FakeHost, Long> arrivals, int expected) {
        long[] sorted = arrivals.values().stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("  %d of %d shared inboxes got it: first %.2f s, median %.2f s, p90 %.2f s, last %.2f s%n",
                sorted.length, expected, sorted[0] / 1e3, sorted[sorted.length / 2] / 1e3,
                sorted[(int) Math.ceil(sorted.length * 0.9) - 1] / 1e3, sorted[sorted.length - 1] / 1e3);
        return sorted[sorted.length - 1];
    }

    /**
     * One fake server: actor documents for its accounts (all with one key pair, each its own key
     * id), a shared inbox and the accounts' inboxes, each POST's signature checked with the local
     * account's key. {@code hang} keeps requests open without an answer; {@link #stop} closes the
     * port, so that connections are refused, and {@link #start} opens it again.
     */
    private static final class FakeHost {

        static final AtomicLong verified = new AtomicLong();
        static final AtomicLong badSignatures = new AtomicLong();

        private final KeyPair keys;
        private final PublicKey localKey;
        private final ExecutorService handlers;
        private final int port;
        private final Map<String, Long> creates = new ConcurrentHashMap<>();
        private final List<HttpExchange> held = new ArrayList<>();
        private volatile boolean hang;
        private HttpServer server;

        FakeHost(KeyPair keys, PublicKey localKey, ExecutorService handlers) {
            this.keys = keys;
            this.localKey = localKey;
            this.handlers = handlers;
            this.server = open(0);
            this.port = server.getAddress().getPort();
        }

        private HttpServer open(int at) {
            try {
                HttpServer opened = HttpServer.create(new InetSocketAddress("127.0.0.1", at), 256);
                opened.createContext("/", this::handle);
                opened.setExecutor(handlers);
                opened.start();
                return opened;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String base() {
            return "http://127.0.0.1:" + port;
        }

        String actor(String username) {
            return base() + "/users/" + username;
        }

        synchronized void stop() {
            if (server != null) {
                server.stop(0);
                server = null;
            }
            held.forEach(HttpExchange::close);
            held.clear();
        }

        synchronized void start() {
            if (server == null) {
                server = open(port);
            }
            held.forEach(HttpExchange::close);
            held.clear();
        }

        int send(HttpClient client, URI inbox, Map<String, Object> activity) throws Exception {
            byte[] body = JSON.writeValueAsBytes(activity);
            String actor = (String) activity.get("actor");
            HttpRequest.Builder request = HttpRequest.newBuilder(inbox).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            HttpSignatures.signedHeaders("POST", inbox, body, actor + "#main-key", keys.getPrivate(), Instant.now())
                    .forEach((name, value) -> {
                        if (!name.equalsIgnoreCase("host")) {
                            request.header(name, value);
                        }
                    });
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        private void handle(HttpExchange exchange) throws IOException {
            if (hang) {
                synchronized (this) {
                    held.add(exchange);
                }
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("POST")) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Verification verification = HttpSignatures.verify("POST", exchange.getRequestURI().getRawPath(),
                        name -> exchange.getRequestHeaders().getFirst(name), body, localKey, Instant.now(),
                        Duration.ofHours(1), Duration.ofHours(1));
                if (!verification.isValid()) {
                    badSignatures.incrementAndGet();
                    exchange.sendResponseHeaders(401, -1);
                    exchange.close();
                    return;
                }
                verified.incrementAndGet();
                JsonNode activity = JSON.readTree(body);
                if (path.equals("/inbox") && activity.path("type").asText().equals("Create")) {
                    creates.putIfAbsent(activity.at("/object/content").asText().replaceAll("<[^>]*>", ""),
                            System.nanoTime());
                }
                exchange.sendResponseHeaders(202, -1);
                exchange.close();
                return;
            }
            if (!path.startsWith("/users/")) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            String id = base() + path;
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("@context", List.of("https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"));
            document.put("id", id);
            document.put("type", "Person");
            document.put("preferredUsername", path.substring("/users/".length()));
            document.put("inbox", id + "/inbox");
            document.put("outbox", id + "/outbox");
            document.put("followers", id + "/followers");
            document.put("endpoints", Map.of("sharedInbox", base() + "/inbox"));
            document.put("publicKey", Map.of("id", id + "#main-key", "owner", id,
                    "publicKeyPem", PemKeys.encode(keys.getPublic())));
            byte[] body = JSON.writeValueAsBytes(document);
            exchange.getResponseHeaders().add("Content-Type", "application/activity+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }
    }
}
