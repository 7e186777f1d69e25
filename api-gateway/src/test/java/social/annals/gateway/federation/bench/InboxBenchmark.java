package social.annals.gateway.federation.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import social.annals.gateway.federation.signature.HttpSignatures;
import social.annals.gateway.support.FakeRemoteServer;
import social.annals.gateway.support.Http;

/**
 * Load on the shared inbox: signed {@code Create(Note)} activities from many remote actors (served
 * by a fake server on this machine), each a public post mentioning one local account, sent at a
 * fixed rate. Latency is measured from each request's scheduled time, so a server that falls
 * behind is charged for the wait (no coordinated omission). Run by scripts/federation-bench.sh
 * against a running server started with FEDERATION_ALLOW_PRIVATE_ADDRESSES=true.
 */
public final class InboxBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        URI base = URI.create(options.getOrDefault("url", "http://localhost:4000"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "300"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int actorCount = Integer.parseInt(options.getOrDefault("actors", "50"));
        URI inbox = base.resolve("/inbox");

        try (FakeRemoteServer remote = new FakeRemoteServer()) {
            String nickname = "bench" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
            Http http = new Http(base.getPort());
            Http.Response registered = http.postForm("/api/account/register", List.of("nickname", nickname,
                    "email", nickname + "@example.org", "fullname", nickname, "password", "benchmark-password",
                    "confirm", "benchmark-password"));
            if (registered.status() != 200) {
                throw new IllegalStateException("Registration failed: " + registered.body());
            }
            String local = base + "/users/" + nickname;
            List<FakeRemoteServer.Actor> actors = new ArrayList<>();
            for (int i = 0; i < actorCount; i++) {
                actors.add(remote.actor("poster" + i));
            }
            // Warm-up: each actor's key is fetched once, as on a live server.
            for (FakeRemoteServer.Actor actor : actors) {
                int status = remote.deliver(actor, inbox, create(actor, local, nickname, "warmup"));
                if (status != 202) {
                    throw new IllegalStateException("Warm-up delivery answered " + status);
                }
            }
            int total = rate * seconds;
            System.out.printf("signing %d activities from %d actors...%n", total, actorCount);
            List<HttpRequest> requests = new ArrayList<>(total);
            for (int i = 0; i < total; i++) {
                FakeRemoteServer.Actor actor = actors.get(i % actorCount);
                byte[] body = JSON.writeValueAsBytes(create(actor, local, nickname, "n" + i));
                HttpRequest.Builder request = HttpRequest.newBuilder(inbox).timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                HttpSignatures.signedHeaders("POST", inbox, body, actor.keyId(), actor.keys().getPrivate(),
                        Instant.now()).forEach((name, value) -> {
                            if (!name.equalsIgnoreCase("Host")) {
                                request.header(name, value);
                            }
                        });
                requests.add(request.build());
            }
            run(requests, rate);
        }
    }

    private static void run(List<HttpRequest> requests, int rate) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(16)).build();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long[] latenciesMicros = new long[requests.size()];
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(requests.size());
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 100_000_000L;
        for (int i = 0; i < requests.size(); i++) {
            int index = i;
            long scheduled = start + i * intervalNanos;
            clock.schedule(() -> client.sendAsync(requests.get(index), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        latenciesMicros[index] = (System.nanoTime() - scheduled) / 1000;
                        statuses.computeIfAbsent(failure != null ? -1 : response.statusCode(),
                                status -> new AtomicInteger()).incrementAndGet();
                        done.countDown();
                    }), scheduled - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        done.await(10, TimeUnit.MINUTES);
        long elapsedNanos = System.nanoTime() - start;
        clock.shutdownNow();
        long[] sorted = latenciesMicros.clone();
        Arrays.sort(sorted);
        System.out.printf("sent %d at %d/s; answered in %.1f s (%.0f/s)%n", requests.size(), rate,
                elapsedNanos / 1e9, requests.size() / (elapsedNanos / 1e9));
        System.out.println("statuses: " + new TreeMap<>(statuses));
        System.out.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", percentile(sorted, 50),
                percentile(sorted, 90), percentile(sorted, 99), sorted[sorted.length - 1] / 1000.0);
    }

    private static double percentile(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }

    private static Map<String, Object> create(FakeRemoteServer.Actor actor, String local, String nickname,
                                              String suffix) {
        String id = actor.id() + "/statuses/" + System.nanoTime() + "-" + suffix;
        Map<String, Object> note = Map.of("id", id, "type", "Note", "attributedTo", actor.id(),
                "content", "<p>benchmark post " + suffix + " for <a href=\"" + local + "\">@" + nickname + "</a></p>",
                "published", Instant.now().toString(), "to", List.of("https://www.w3.org/ns/activitystreams#Public"),
                "cc", List.of(actor.id() + "/followers", local),
                "tag", List.of(Map.of("type", "Mention", "href", local, "name", "@" + nickname)));
        return Map.of("id", id + "/activity", "type", "Create", "actor", actor.id(), "object", note,
                "to", note.get("to"), "cc", note.get("cc"));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }
}
