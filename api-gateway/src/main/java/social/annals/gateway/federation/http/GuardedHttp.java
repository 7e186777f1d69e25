package social.annals.gateway.federation.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import social.annals.gateway.federation.http.FetchRefused.Reason;

/**
 * The HTTP client for federation: fetching remote actors, objects and WebFinger documents, and
 * delivering to remote inboxes. Every URI it is given comes from another server, so each request,
 * and each redirect hop, is checked before it is sent: http or https only, no local or private
 * addresses unless the limits allow them, a bounded body and bounded time. What it refuses is a
 * {@link FetchRefused} that says why. Thread-safe; one instance serves the whole application.
 */
public final class GuardedHttp {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final Limits limits;
    private final String userAgent;
    private final Predicate<InetAddress> isPublic;
    private final HttpClient client;

    /**
     * How far a remote server may take this instance. {@code allowPrivateAddresses} is for
     * instances federating inside a private network, and for tests.
     */
    public record Limits(Duration connectTimeout, Duration requestTimeout, int maxRedirects, long maxBodyBytes,
                         boolean allowPrivateAddresses) {

        public static final int DEFAULT_MAX_REDIRECTS = 3;
        public static final long DEFAULT_MAX_BODY_BYTES = 1_048_576;

        public Limits {
            requirePositive(connectTimeout, "connectTimeout");
            requirePositive(requestTimeout, "requestTimeout");
            if (maxRedirects < 0) {
                throw new IllegalArgumentException("maxRedirects must not be negative: " + maxRedirects);
            }
            // The body is read into one array, one byte past the limit to tell that it is too large.
            if (maxBodyBytes < 0 || maxBodyBytes >= Integer.MAX_VALUE) {
                throw new IllegalArgumentException("maxBodyBytes out of range: " + maxBodyBytes);
            }
        }

        /** Connect within 5 s, answer within 10 s, 3 redirects, 1 MiB. */
        public static Limits defaults(boolean allowPrivateAddresses) {
            return new Limits(Duration.ofSeconds(5), Duration.ofSeconds(10), DEFAULT_MAX_REDIRECTS,
                    DEFAULT_MAX_BODY_BYTES, allowPrivateAddresses);
        }

        private static void requirePositive(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + duration);
            }
        }
    }

    /** An answer: its status, the URI that gave it (the last hop after redirects), its headers and whole body. */
    public record Response(int status, URI finalUri, HttpHeaders headers, byte[] body) {

        /** The header's first value, its name compared ignoring case; null when there is none. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public GuardedHttp(Limits limits, String userAgent) {
        this(limits, userAgent, PublicAddresses::isPublic);
    }

    /** {@code isPublic} replaces the address policy in tests, which need a "public" server on loopback. */
    GuardedHttp(Limits limits, String userAgent, Predicate<InetAddress> isPublic) {
        this.limits = Objects.requireNonNull(limits, "limits");
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("a user agent is required");
        }
        this.userAgent = userAgent;
        this.isPublic = Objects.requireNonNull(isPublic, "isPublic");
        // Redirects are followed here, not by the JDK, so that every hop is checked like the first.
        this.client = HttpClient.newBuilder()
                .connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * GETs {@code uri}, following up to {@code maxRedirects} redirects. The caller's headers go to
     * every hop, so a signature over the host and path verifies only at the first.
     */
    public Response get(URI uri, Map<String, String> headers) {
        URI current = uri;
        for (int redirects = 0; ; redirects++) {
            long deadline = deadline();
            HttpResponse<InputStream> response = send(current, headers, null);
            Optional<String> location = REDIRECTS.contains(response.statusCode())
                    ? response.headers().firstValue("Location") : Optional.empty();
            if (location.isEmpty()) {
                return read(current, response, deadline);
            }
            // A redirect's body says nothing the Location does not, and may be as large as it likes.
            closeQuietly(response.body());
            if (redirects == limits.maxRedirects()) {
                throw new FetchRefused(Reason.TOO_MANY_REDIRECTS, current,
                        "more than " + redirects + " redirects from " + uri);
            }
            current = resolve(current, location.get());
        }
    }

    /**
     * POSTs {@code body} to {@code uri}. A redirect is returned as it is: a delivery signed for one
     * inbox is not sent on to another.
     */
    public Response post(URI uri, Map<String, String> headers, byte[] body) {
        Objects.requireNonNull(body, "body");
        long deadline = deadline();
        return read(uri, send(uri, headers, body), deadline);
    }

    private long deadline() {
        return System.nanoTime() + limits.requestTimeout().toNanos();
    }

    /** Sends a GET, or a POST when there is a body, and returns once the headers are in. */
    private HttpResponse<InputStream> send(URI uri, Map<String, String> headers, byte[] body) {
        check(uri);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(limits.requestTimeout())
                .header("User-Agent", userAgent);
        headers.forEach((name, value) -> {
            // The JDK refuses to set Host (short of a system property) and sends the URI's
            // authority instead, which is what the caller signed; so the entry is dropped.
            if (!name.equalsIgnoreCase("Host")) {
                request.setHeader(name, value);
            }
        });
        if (body == null) {
            request.GET();
        } else {
            request.POST(BodyPublishers.ofByteArray(body));
        }
        try {
            return client.send(request.build(), BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new FetchRefused(Reason.TIMEOUT, uri, e);
        } catch (IOException e) {
            throw new FetchRefused(Reason.UNREACHABLE, uri, e);
        } catch (InterruptedException e) {
            throw interrupted(uri, e);
        }
    }

    /** Refuses a URI this client may not request; every hop passes here before it is sent. */
    private void check(URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null) {
            throw new FetchRefused(Reason.BAD_URI, uri, "not an absolute URI");
        }
        if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
            throw new FetchRefused(Reason.SCHEME, uri, "only http and https are fetched");
        }
        if (uri.getHost() == null) {
            throw new FetchRefused(Reason.BAD_URI, uri, "no host");
        }
        if (limits.allowPrivateAddresses()) {
            return;
        }
        // Best effort: the JDK client resolves the name again when it connects, so a name whose
        // answer changes in between (DNS rebinding) can still reach a private address. Literal
        // addresses and names that plainly point inside are stopped.
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new FetchRefused(Reason.UNREACHABLE, uri, e);
        }
        for (InetAddress address : addresses) {
            if (!isPublic.test(address)) {
                throw new FetchRefused(Reason.PRIVATE_ADDRESS, uri, "resolves to " + address.getHostAddress());
            }
        }
    }

    /** The whole body, refused if longer than the limit, and read by the request's deadline. */
    private Response read(URI uri, HttpResponse<InputStream> response, long deadline) {
        InputStream body = response.body();
        if (declaredLength(response.headers()) > limits.maxBodyBytes()) {
            closeQuietly(body);
            throw new FetchRefused(Reason.TOO_LARGE, uri, "Content-Length over " + limits.maxBodyBytes() + " bytes");
        }
        // The JDK's request timeout ends when the headers arrive; without this, a body that
        // trickles in would hold the caller's thread for as long as the remote server likes.
        // Closing the stream wakes a read blocked on it.
        AtomicBoolean expired = new AtomicBoolean();
        CompletableFuture<Void> cutOff = CompletableFuture.runAsync(() -> {
            expired.set(true);
            closeQuietly(body);
        }, CompletableFuture.delayedExecutor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        try (body) {
            byte[] bytes = body.readNBytes((int) limits.maxBodyBytes() + 1);
            if (bytes.length > limits.maxBodyBytes()) {
                throw new FetchRefused(Reason.TOO_LARGE, uri, "body over " + limits.maxBodyBytes() + " bytes");
            }
            return new Response(response.statusCode(), uri, response.headers(), bytes);
        } catch (IOException e) {
            // The JDK's stream answers an interrupt with an IOException and the flag set again.
            if (Thread.currentThread().isInterrupted()) {
                throw interrupted(uri, e);
            }
            throw new FetchRefused(expired.get() ? Reason.TIMEOUT : Reason.UNREACHABLE, uri, e);
        } finally {
            cutOff.cancel(false);
        }
    }

    /** The Content-Length, or -1; a malformed one is ignored, since the read is capped anyway. */
    private static long declaredLength(HttpHeaders headers) {
        try {
            return headers.firstValueAsLong("Content-Length").orElse(-1);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A Location, a relative one resolved against the URI that answered with it. */
    private static URI resolve(URI current, String location) {
        try {
            return current.resolve(new URI(location));
        } catch (URISyntaxException e) {
            throw new FetchRefused(Reason.BAD_URI, current, "redirect to " + location);
        }
    }

    private static IllegalStateException interrupted(URI uri, Exception e) {
        Thread.currentThread().interrupt();
        return new IllegalStateException("interrupted while requesting " + uri, e);
    }

    /** Abandons a body that will not be read; a failure to close it changes nothing for the caller. */
    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the connection is dropped either way
        }
    }
}
