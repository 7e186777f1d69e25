package social.annals.gateway.federation.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import social.annals.gateway.federation.http.FetchRefused.Reason;
import social.annals.gateway.federation.http.GuardedHttp.Limits;
import social.annals.gateway.federation.http.GuardedHttp.Response;

/** The guards against a real server on 127.0.0.1, which the address policy is told to trust. */
class GuardedHttpTest {

    private static final int MIB = 1_048_576;
    private static final String USER_AGENT = "Annals/test";
    private static final Duration SHORT = Duration.ofMillis(300);
    /** Longer than any client here waits, shorter than the test class. */
    private static final long STALL_MS = 3_000;

    /** Keeps the address guard on while letting the test server, and only it, count as public. */
    private static final Predicate<InetAddress> ONLY_THE_TEST_SERVER_IS_PUBLIC =
            address -> address.getHostAddress().equals("127.0.0.1");

    private static HttpServer server;
    private static ExecutorService handlers;
    private static final AtomicInteger requestsSeen = new AtomicInteger();
    private static final AtomicReference<Received> lastReceived = new AtomicReference<>();

    private record Received(String method, Headers headers, byte[] body) {
    }

    private final GuardedHttp http = guarded(Duration.ofSeconds(2));

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        handle("/ok", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/activity+json");
            respond(exchange, 200, "{\"ok\":true}");
        });
        handle("/fixed/", exchange -> {
            int length = lastSegment(exchange);
            exchange.sendResponseHeaders(200, length);
            writeZeros(exchange, length);
        });
        handle("/chunked/", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            writeZeros(exchange, lastSegment(exchange));
        });
        // /redirect/3 → 2 → 1 → 0, each Location relative to the URI that answered.
        handle("/redirect/", exchange -> {
            int left = lastSegment(exchange);
            if (left == 0) {
                respond(exchange, 200, "arrived");
            } else {
                redirect(exchange, 302, String.valueOf(left - 1));
            }
        });
        handle("/to-other-loopback", exchange -> redirect(exchange, 302, "http://127.0.0.2:" + port() + "/ok"));
        handle("/to-file", exchange -> redirect(exchange, 301, "file:///etc/passwd"));
        handle("/slow-headers", exchange -> {
            stall();
            respond(exchange, 200, "late");
        });
        handle("/slow-body", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write('{');
            body.flush();
            stall();
            body.write('}');
        });
        handle("/inbox", exchange -> {
            lastReceived.set(new Received(exchange.getRequestMethod(), exchange.getRequestHeaders(),
                    exchange.getRequestBody().readAllBytes()));
            respond(exchange, 202, "");
        });
        handle("/moved-inbox", exchange -> redirect(exchange, 308, "/inbox"));
        // A handler that stalls must not hold up the others.
        handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void anAnswerComesWithItsStatusHeadersAndBody() {
        Response response = http.get(uri("/ok"), Map.of("Accept", "application/activity+json"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.finalUri()).isEqualTo(uri("/ok"));
        assertThat(response.header("CONTENT-TYPE")).isEqualTo("application/activity+json");
        assertThat(response.header("X-Absent")).isNull();
        assertThat(new String(response.body(), UTF_8)).isEqualTo("{\"ok\":true}");
    }

    @Test
    void loopbackIsRefusedByDefaultBeforeAnyConnection() {
        GuardedHttp byDefault = new GuardedHttp(Limits.defaults(false), USER_AGENT);
        int seen = requestsSeen.get();

        assertRefused(() -> byDefault.get(uri("/ok"), Map.of()), Reason.PRIVATE_ADDRESS);
        assertThat(requestsSeen.get()).isEqualTo(seen);
    }

    /** Each would hang on a connection or fail otherwise, were it attempted. */
    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.1/", "http://172.16.5.4/", "http://192.168.1.1/",
            "http://169.254.169.254/latest/meta-data/", "http://100.64.0.1/", "http://0.0.0.0/",
            "http://224.0.0.1/", "https://localhost/actor", "http://[::1]/", "http://[::]/",
            "http://[fd00::1]/", "http://[fe80::1]/", "http://[::ffff:10.0.0.1]/"})
    void privateAndLocalAddressesAreRefusedByDefault(String uri) {
        GuardedHttp byDefault = new GuardedHttp(Limits.defaults(false), USER_AGENT);

        assertRefused(() -> byDefault.get(URI.create(uri), Map.of()), Reason.PRIVATE_ADDRESS);
        assertRefused(() -> byDefault.post(URI.create(uri), Map.of(), new byte[0]), Reason.PRIVATE_ADDRESS);
    }

    @Test
    void privateAddressesAreFetchedWhenAllowed() {
        GuardedHttp inPrivateNetwork = new GuardedHttp(Limits.defaults(true), USER_AGENT);

        assertThat(inPrivateNetwork.get(uri("/ok"), Map.of()).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.org/actor", "jar:file:/x.jar!/a", "mailto:a@b.c"})
    void onlyHttpAndHttpsAreFetched(String uri) {
        assertRefused(() -> http.get(URI.create(uri), Map.of()), Reason.SCHEME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http:///actor", "/users/lain", "https:opaque"})
    void aUriWithoutSchemeOrHostIsBad(String uri) {
        assertRefused(() -> http.get(URI.create(uri), Map.of()), Reason.BAD_URI);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixed", "chunked"})
    void aBodyOfExactlyTheLimitIsAccepted(String framing) {
        assertThat(http.get(uri("/" + framing + "/" + MIB), Map.of()).body()).hasSize(MIB);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixed", "chunked"})
    void aBodyOneByteOverTheLimitIsRefused(String framing) {
        assertRefused(() -> http.get(uri("/" + framing + "/" + (MIB + 1)), Map.of()), Reason.TOO_LARGE);
    }

    @Test
    void threeRedirectsAreFollowedAndEachHopResolvedAgainstTheLast() {
        int seen = requestsSeen.get();

        Response response = http.get(uri("/redirect/3"), Map.of());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.finalUri()).isEqualTo(uri("/redirect/0"));
        assertThat(new String(response.body(), UTF_8)).isEqualTo("arrived");
        assertThat(requestsSeen.get() - seen).isEqualTo(4);
    }

    @Test
    void theFourthRedirectIsRefusedWithoutFollowingIt() {
        int seen = requestsSeen.get();

        assertRefused(() -> http.get(uri("/redirect/4"), Map.of()), Reason.TOO_MANY_REDIRECTS);
        assertThat(requestsSeen.get() - seen).isEqualTo(4);
    }

    @Test
    void aRedirectToAPrivateAddressIsRefusedThoughTheFirstHostWasAllowed() {
        assertThatThrownBy(() -> http.get(uri("/to-other-loopback"), Map.of()))
                .isInstanceOfSatisfying(FetchRefused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(Reason.PRIVATE_ADDRESS);
                    assertThat(refused.uri().getHost()).isEqualTo("127.0.0.2");
                });
    }

    @Test
    void aRedirectToAnotherSchemeIsRefused() {
        assertRefused(() -> http.get(uri("/to-file"), Map.of()), Reason.SCHEME);
    }

    @Test
    void aPostSendsItsBodyAndHeadersButLetsTheJdkWriteHost() {
        byte[] activity = "{\"type\":\"Follow\"}".getBytes(UTF_8);
        Map<String, String> headers = Map.of("Content-Type", "application/activity+json",
                "Date", "Tue, 07 Jun 2022 20:51:35 GMT", "Digest", "SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=",
                "Signature", "keyId=\"https://annals.example/users/lain#main-key\",signature=\"c2lnbmVk\"",
                "Host", "127.0.0.1:" + port());

        Response response = http.post(uri("/inbox"), headers, activity);

        assertThat(response.status()).isEqualTo(202);
        Received received = lastReceived.get();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.body()).isEqualTo(activity);
        headers.forEach((name, value) -> assertThat(received.headers().getFirst(name)).as(name).isEqualTo(value));
        assertThat(received.headers().getFirst("User-Agent")).isEqualTo(USER_AGENT);
    }

    @Test
    void aPostAnsweredWithARedirectIsReturnedAsItIs() {
        int seen = requestsSeen.get();

        Response response = http.post(uri("/moved-inbox"), Map.of(), new byte[] {1});

        assertThat(response.status()).isEqualTo(308);
        assertThat(response.header("Location")).isEqualTo("/inbox");
        assertThat(requestsSeen.get() - seen).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/slow-headers", "/slow-body"})
    void anAnswerNotCompleteWithinTheRequestTimeoutIsRefused(String path) {
        GuardedHttp impatient = guarded(SHORT);
        long started = System.nanoTime();

        assertRefused(() -> impatient.get(uri(path), Map.of()), Reason.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(STALL_MS / 2));
    }

    @Test
    void aRefusedConnectionIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }

        assertRefused(() -> http.get(URI.create("http://127.0.0.1:" + closedPort + "/"), Map.of()),
                Reason.UNREACHABLE);
    }

    @Test
    void anInterruptedRequestKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> http.get(uri("/slow-headers"), Map.of()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    private static GuardedHttp guarded(Duration requestTimeout) {
        Limits limits = new Limits(Duration.ofSeconds(1), requestTimeout, Limits.DEFAULT_MAX_REDIRECTS,
                Limits.DEFAULT_MAX_BODY_BYTES, false);
        return new GuardedHttp(limits, USER_AGENT, ONLY_THE_TEST_SERVER_IS_PUBLIC);
    }

    private static void assertRefused(ThrowingCallable request, Reason reason) {
        assertThatThrownBy(request).isInstanceOfSatisfying(FetchRefused.class,
                refused -> assertThat(refused.reason()).as(refused.getMessage()).isEqualTo(reason));
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    private static int port() {
        return server.getAddress().getPort();
    }

    private static void handle(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            requestsSeen.incrementAndGet();
            try (exchange) {
                handler.handle(exchange);
            }
        });
    }

    private static int lastSegment(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        return Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(status, -1);
    }

    private static void writeZeros(HttpExchange exchange, int length) throws IOException {
        OutputStream body = exchange.getResponseBody();
        byte[] chunk = new byte[8192];
        for (int left = length; left > 0; left -= chunk.length) {
            body.write(chunk, 0, Math.min(left, chunk.length));
        }
    }

    /** Holds the answer back; the pool's shutdown at the end interrupts it. */
    private static void stall() {
        try {
            Thread.sleep(STALL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
