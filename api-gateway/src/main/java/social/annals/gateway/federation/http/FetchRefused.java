package social.annals.gateway.federation.http;

import java.net.URI;

/** A federation request that {@link GuardedHttp} would not make or could not finish, and why. */
public final class FetchRefused extends RuntimeException {

    /** Why; {@code TIMEOUT} and {@code UNREACHABLE} may pass on a later try, the others will not. */
    public enum Reason {
        /** Neither http nor https. */
        SCHEME,
        /** The host is, or resolves to, a loopback, private, link-local or otherwise local address. */
        PRIVATE_ADDRESS,
        /** The body is longer than the limit, by its Content-Length or by what arrived. */
        TOO_LARGE,
        TOO_MANY_REDIRECTS,
        /** No connection, or no complete answer, within the limits. */
        TIMEOUT,
        /** The name did not resolve, the connection was refused, or it broke. */
        UNREACHABLE,
        /** Not an absolute URI with a host, or a redirect to something that is not a URI. */
        BAD_URI,
        /** An instance policy forbids contacting the host. */
        POLICY
    }

    private final Reason reason;
    private final URI uri;

    FetchRefused(Reason reason, URI uri, String detail) {
        super(reason + " " + uri + ": " + detail);
        this.reason = reason;
        this.uri = uri;
    }

    FetchRefused(Reason reason, URI uri, Throwable cause) {
        super(reason + " " + uri + ": " + cause, cause);
        this.reason = reason;
        this.uri = uri;
    }

    /** The host is one an admin's instance policy ({@code policy}) keeps us away from. */
    public static FetchRefused byPolicy(URI uri, String policy) {
        return new FetchRefused(Reason.POLICY, uri, "the instance policy " + policy + " applies to its host");
    }

    public Reason reason() {
        return reason;
    }

    /** The URI refused: after redirects, the hop that failed rather than the one first asked for. */
    public URI uri() {
        return uri;
    }
}
