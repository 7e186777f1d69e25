package social.annals.gateway.federation.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
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
        int connections = Integer.parseInt(options.getOrDefault("connections", "64"));
        int warmupSeconds = Integer.parseInt(options.getOrDefault("warmup", "20"));
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
            if (warmupSeconds > 0) {
                // The JIT compiles the hot paths during the first thousands of requests; measure after.
                List<String> ids = new ArrayList<>();
                System.out.println("warm-up:");
                run(inbox, signed(actors, local, nickname, rate * warmupSeconds, "w", inbox, ids), rate, connections);
                awaitProcessed(http, ids);
            }
            System.out.println("measured:");
            run(inbox, signed(actors, local, nickname, rate * seconds, "n", inbox, new ArrayList<>()), rate,
                    connections);
        }
    }

    private static List<byte[]> signed(List<FakeRemoteServer.Actor> actors, String local, String nickname, int total,
                                       String prefix, URI inbox, List<String> noteIds) throws Exception {
        System.out.printf("signing %d activities from %d actors...%n", total, actors.size());
        List<byte[]> requests = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            FakeRemoteServer.Actor actor = actors.get(i % actors.size());
            Map<String, Object> activity = create(actor, local, nickname, prefix + i);
            noteIds.add((String) ((Map<?, ?>) activity.get("object")).get("id"));
            byte[] body = JSON.writeValueAsBytes(activity);
            requests.add(rawPost(inbox, body, HttpSignatures.signedHeaders("POST", inbox, body, actor.keyId(),
                    actor.keys().getPrivate(), Instant.now())));
        }
        return requests;
    }

    /**
     * Waits until the server has acted on the whole warm-up: the newest public status is one of the
     * warm-up's and has not changed for five seconds (concurrent requests may be recorded out of order).
     */
    private static void awaitProcessed(Http http, List<String> noteIds) throws InterruptedException {
        long started = System.nanoTime();
        String newest = "";
        int unchanged = 0;
        while (unchanged < 5) {
            if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(10)) {
                throw new IllegalStateException("The warm-up was not processed within 10 minutes");
            }
            TimeUnit.SECONDS.sleep(1);
            String body = http.get("/api/v1/timelines/public?limit=1").body();
            boolean ours = noteIds.subList(Math.max(0, noteIds.size() - 1000), noteIds.size()).stream()
                    .anyMatch(body::contains);
            unchanged = ours && body.equals(newest) ? unchanged + 1 : 0;
            newest = body;
        }
        System.out.printf("warm-up processed after %.0f s more%n", (System.nanoTime() - started) / 1e9);
    }

    /** The whole request as it goes on the wire, built beforehand so that sending costs the generator little. */
    private static byte[] rawPost(URI uri, byte[] body, Map<String, String> signedHeaders) {
        StringBuilder head = new StringBuilder("POST ").append(uri.getRawPath()).append(" HTTP/1.1\r\n");
        signedHeaders.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    /**
     * Sends each request at its scheduled time on the first free keep-alive connection, and measures
     * from the scheduled time, so a server that falls behind is charged for the wait (no coordinated
     * omission). Plain sockets: the JDK's HTTP client cost the shared cores more than the server's parsing.
     */
    private static void run(URI inbox, List<byte[]> requests, int rate, int connections) throws Exception {
        long[] latenciesMicros = new long[requests.size()];
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        BlockingQueue<Integer> due = new LinkedBlockingQueue<>();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 100_000_000L;
        CountDownLatch done = new CountDownLatch(requests.size());
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread worker = new Thread(() -> {
                Connection connection = null;
                try {
                    while (true) {
                        int index = due.take();
                        int status;
                        try {
                            if (connection == null) {
                                connection = new Connection(inbox);
                            }
                            status = connection.exchange(requests.get(index));
                            if (connection.closedByServer) {
                                connection.close();
                                connection = null;
                            }
                        } catch (IOException e) {
                            status = -1;
                            if (connection != null) {
                                connection.close();
                            }
                            connection = null;
                        }
                        latenciesMicros[index] = (System.nanoTime() - (start + index * intervalNanos)) / 1000;
                        statuses.computeIfAbsent(status, key -> new AtomicInteger()).incrementAndGet();
                        done.countDown();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "sender-" + c);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
        for (int i = 0; i < requests.size(); i++) {
            long wait = start + i * intervalNanos - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            due.add(i);
        }
        done.await(10, TimeUnit.MINUTES);
        long elapsedNanos = System.nanoTime() - start;
        workers.forEach(Thread::interrupt);
        long[] sorted = latenciesMicros.clone();
        Arrays.sort(sorted);
        System.out.printf("sent %d at %d/s on %d connections; answered in %.1f s (%.0f/s)%n", requests.size(), rate,
                connections, elapsedNanos / 1e9, requests.size() / (elapsedNanos / 1e9));
        System.out.println("statuses: " + new TreeMap<>(statuses));
        System.out.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", percentile(sorted, 50),
                percentile(sorted, 90), percentile(sorted, 99), sorted[sorted.length - 1] / 1000.0);
    }

    /** One keep-alive HTTP/1.1 connection: writes a prepared request, reads the status and skips the body. */
    private static final class Connection {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        /** Tomcat ends a keep-alive connection after a number of requests, saying so in the answer. */
        private boolean closedByServer;

        Connection(URI uri) throws IOException {
            socket = new Socket(uri.getHost(), uri.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            long length = 0;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closedByServer = true;
                }
            }
            if (chunked) {
                for (long chunk = Long.parseLong(line().trim(), 16); chunk > 0; chunk = Long.parseLong(line().trim(), 16)) {
                    in.skipNBytes(chunk);
                    line();
                }
                line();
            } else {
                in.skipNBytes(length);
            }
            return status;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
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

    /** {@code --name=value} arguments, by name. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }
}
