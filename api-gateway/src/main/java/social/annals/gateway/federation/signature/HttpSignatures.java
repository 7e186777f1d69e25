package social.annals.gateway.federation.signature;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * HTTP Signatures as the fediverse uses them (draft-cavage-http-signatures-12, rsa-sha256, with a SHA-256
 * {@code Digest}): signing outgoing requests and verifying incoming ones.
 *
 * <p>Header lookups take a function from a lower-case header name to the request's value (all values of a
 * repeated header already joined with ", "), or null when absent; it must match names case-insensitively, as
 * {@code HttpServletRequest::getHeader} does.
 */
public final class HttpSignatures {

    /** The algorithm this server signs with. */
    public static final String ALGORITHM = "rsa-sha256";
    /** What the draft calls "derive it from the key"; Mastodon treats it as rsa-sha256, and so must we. */
    private static final String HS2019 = "hs2019";
    private static final String JAVA_ALGORITHM = "SHA256withRSA";
    private static final String REQUEST_TARGET = "(request-target)";
    private static final String CREATED = "(created)";
    private static final String EXPIRES = "(expires)";
    private static final String AUTHORIZATION_SCHEME = "Signature ";
    private static final String ACTIVITY_JSON = "application/activity+json";
    private static final List<String> REQUIRED = List.of(REQUEST_TARGET, "host", "date");
    private static final List<String> REQUIRED_WITH_BODY = List.of(REQUEST_TARGET, "host", "date", "digest");
    /**
     * IMF-fixdate ("Sun, 05 Jan 2014 21:31:40 GMT"). RFC_1123_DATE_TIME would write "Sun, 5 Jan 2014" on the first
     * nine days of a month, which Mastodon's Time.httpdate rejects; it is only used to read what peers send.
     */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private HttpSignatures() {
    }

    /**
     * The text that is signed: one {@code name: value} line per header, in the listed order, joined by newlines.
     *
     * @throws IllegalArgumentException when a listed header is absent
     */
    public static String signingString(List<String> headers, String method, String pathAndQuery,
                                       Function<String, String> headerValue) {
        List<String> lines = new ArrayList<>(headers.size());
        for (String header : headers) {
            String name = header.toLowerCase(Locale.ROOT);
            String value = name.equals(REQUEST_TARGET)
                    ? method.toLowerCase(Locale.ROOT) + " " + pathAndQuery
                    : headerValue.apply(name);
            if (value == null) {
                throw new IllegalArgumentException("signed header '" + name + "' is missing");
            }
            lines.add(name + ": " + value.strip());
        }
        return String.join("\n", lines);
    }

    /**
     * The headers to send with a signed request, in this order: Host, Date and, when there is a body, Digest and
     * Content-Type (activity+json), then Signature over (request-target), host, date and, with a body, digest and
     * content-type.
     *
     * @param bodyOrNull the exact bytes that will be sent, or null for a request without a body (a GET)
     * @throws IllegalArgumentException when the URI has no host or the key is not an RSA private key
     */
    public static Map<String, String> signedHeaders(String method, URI uri, byte[] bodyOrNull, String keyId,
                                                    PrivateKey key, Instant now) {
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("URI has no host: " + uri);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
        headers.put("Date", HTTP_DATE.format(now));
        List<String> signed = new ArrayList<>(REQUIRED);
        if (bodyOrNull != null) {
            headers.put("Digest", BodyDigest.sha256(bodyOrNull));
            headers.put("Content-Type", ACTIVITY_JSON);
            signed.addAll(List.of("digest", "content-type"));
        }
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        byte[] signature = sign(signingString(signed, method, pathAndQuery(uri), byName::get), key);
        headers.put("Signature", new SignatureHeader(keyId, ALGORITHM, signed, signature).format());
        return Collections.unmodifiableMap(headers);
    }

    /**
     * The request's signature, from {@code Signature} or else {@code Authorization: Signature ...}, so a caller can
     * fetch the key named by its keyId before verifying. Empty when there is none or it does not parse; the other
     * {@code verify} overload tells the two apart.
     */
    public static Optional<SignatureHeader> header(Function<String, String> headerValue) {
        String raw = rawSignature(headerValue);
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SignatureHeader.parse(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Verifies the request's signature with this key. Never throws for what the client sent: every failure is an
     * outcome.
     *
     * @param body         the request body as received, or null (or empty) when there is none
     * @param maxAge       how old the Date header may be
     * @param maxSkewAhead how far ahead of {@code now} the Date header (or created) may be, for clock skew
     */
    public static Verification verify(String method, String pathAndQuery, Function<String, String> headerValue,
                                      byte[] body, PublicKey key, Instant now, Duration maxAge,
                                      Duration maxSkewAhead) {
        String raw = rawSignature(headerValue);
        if (raw == null) {
            return Verification.MISSING_SIGNATURE;
        }
        SignatureHeader signature;
        try {
            signature = SignatureHeader.parse(raw);
        } catch (IllegalArgumentException e) {
            return Verification.MALFORMED_SIGNATURE;
        }
        return verify(signature, method, pathAndQuery, headerValue, body, key, now, maxAge, maxSkewAhead);
    }

    /** As the other overload, for a signature already read with {@link #header}. */
    public static Verification verify(SignatureHeader signature, String method, String pathAndQuery,
                                      Function<String, String> headerValue, byte[] body, PublicKey key,
                                      Instant now, Duration maxAge, Duration maxSkewAhead) {
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        Objects.requireNonNull(headerValue, "headerValue");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(maxSkewAhead, "maxSkewAhead");
        if (!isRsaSha256(signature.algorithm())) {
            return Verification.MALFORMED_SIGNATURE;
        }
        byte[] content = body == null ? new byte[0] : body;
        List<String> covered = signature.headers();
        if (!covered.containsAll(content.length > 0 ? REQUIRED_WITH_BODY : REQUIRED)) {
            return Verification.MISSING_REQUIRED_HEADER;
        }
        // (created) and (expires) are signed as the parameters' values.
        Function<String, String> values = name -> switch (name) {
            case CREATED -> signature.created();
            case EXPIRES -> signature.expires();
            default -> headerValue.apply(name);
        };
        String signingString;
        try {
            signingString = signingString(covered, method, pathAndQuery, values);
        } catch (IllegalArgumentException e) {
            return Verification.MISSING_REQUIRED_HEADER;
        }
        if (!isFresh(headerValue.apply("date"), signature, now, maxAge, maxSkewAhead)) {
            return Verification.STALE_DATE;
        }
        boolean digestApplies = content.length > 0 || covered.contains("digest");
        if (digestApplies && !BodyDigest.matches(headerValue.apply("digest"), content)) {
            return Verification.DIGEST_MISMATCH;
        }
        return verifies(signingString, signature.signature(), key) ? Verification.VALID : Verification.BAD_SIGNATURE;
    }

    private static String rawSignature(Function<String, String> headerValue) {
        String signature = headerValue.apply("signature");
        if (signature != null) {
            return signature;
        }
        String authorization = headerValue.apply("authorization");
        boolean signatureScheme = authorization != null
                && authorization.regionMatches(true, 0, AUTHORIZATION_SCHEME, 0, AUTHORIZATION_SCHEME.length());
        return signatureScheme ? authorization.substring(AUTHORIZATION_SCHEME.length()) : null;
    }

    private static boolean isRsaSha256(String algorithm) {
        return algorithm == null || algorithm.equalsIgnoreCase(ALGORITHM) || algorithm.equalsIgnoreCase(HS2019);
    }

    /** The date is covered by the signature, so present; created and expires count only when covered too. */
    private static boolean isFresh(String date, SignatureHeader signature, Instant now, Duration maxAge,
                                   Duration maxSkewAhead) {
        Instant sent;
        try {
            sent = ZonedDateTime.parse(date.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            return false;
        }
        Instant latest = now.plus(maxSkewAhead);
        if (sent.isBefore(now.minus(maxAge)) || sent.isAfter(latest)) {
            return false;
        }
        if (signature.headers().contains(CREATED) && unixTime(signature.created()).compareTo(unixTime(latest)) > 0) {
            return false;
        }
        return !signature.headers().contains(EXPIRES) || unixTime(signature.expires()).compareTo(unixTime(now)) > 0;
    }

    // Exact and overflow-free, since expires may be fractional and neither is bounded.
    private static BigDecimal unixTime(String seconds) {
        return new BigDecimal(seconds);
    }

    private static BigDecimal unixTime(Instant instant) {
        return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9));
    }

    private static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static byte[] sign(String signingString, PrivateKey key) {
        try {
            Signature signer = Signature.getInstance(JAVA_ALGORITHM);
            signer.initSign(key);
            signer.update(signingString.getBytes(StandardCharsets.UTF_8));
            return signer.sign();
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not an RSA private key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + JAVA_ALGORITHM, e);
        }
    }

    private static boolean verifies(String signingString, byte[] signature, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(JAVA_ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signingString.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (InvalidKeyException | SignatureException e) {
            return false; // a key of another type, or a signature of the wrong length for this key
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot verify with " + JAVA_ALGORITHM, e);
        }
    }
}
