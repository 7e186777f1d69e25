package social.annals.gateway.federation.signature;

import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The value of a draft-cavage-12 {@code Signature} header (or of {@code Authorization: Signature ...}).
 *
 * @param keyId     where the verifier finds the key, for ActivityPub the URL of the actor's key
 * @param algorithm as declared, or null when absent
 * @param headers   lower-cased names of the signed headers, in signing order
 * @param signature the raw signature bytes
 * @param created   the {@code created} parameter as sent (Unix seconds), or null when absent
 * @param expires   the {@code expires} parameter as sent (Unix seconds, maybe fractional), or null when absent
 */
public record SignatureHeader(String keyId, String algorithm, List<String> headers, byte[] signature,
                              String created, String expires) {

    /** What an absent {@code headers} means to Mastodon and Pleroma, as in drafts before 12 (which says (created)). */
    private static final List<String> DEFAULT_HEADERS = List.of("date");
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    /** A lower-case header field name, or a parenthesised pseudo-header such as (request-target). */
    private static final Predicate<String> HEADER_NAME =
            Pattern.compile("\\([a-z-]+\\)|[a-z0-9!#$%&'*+.^_`|~-]+").asMatchPredicate();
    private static final Pattern UNIX_TIME = Pattern.compile("\\d+(\\.\\d+)?");

    public SignatureHeader {
        requireQuotable("keyId", keyId);
        if (keyId.isBlank()) {
            throw new IllegalArgumentException("keyId is blank");
        }
        if (algorithm != null) {
            requireQuotable("algorithm", algorithm);
        }
        headers = List.copyOf(Objects.requireNonNull(headers, "headers"));
        if (headers.isEmpty() || headers.stream().anyMatch(name -> !HEADER_NAME.test(name))) {
            throw new IllegalArgumentException("headers must be non-empty lower-case names: " + headers);
        }
        Objects.requireNonNull(signature, "signature");
        if (signature.length == 0) {
            throw new IllegalArgumentException("signature is empty");
        }
        signature = signature.clone();
        requireUnixTime("created", created);
        requireUnixTime("expires", expires);
    }

    /** Without {@code created} and {@code expires}, as Mastodon and Pleroma sign. */
    public SignatureHeader(String keyId, String algorithm, List<String> headers, byte[] signature) {
        this(keyId, algorithm, headers, signature, null, null);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /**
     * Parses {@code name="value"} (or {@code name=token}) parameters separated by commas, in any order; unknown
     * parameters are ignored.
     *
     * @throws IllegalArgumentException when the value is malformed, or lacks keyId or a base64 signature
     */
    public static SignatureHeader parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("no signature header");
        }
        Map<String, String> parameters = parameters(value);
        String keyId = parameters.get("keyId");
        String signature = parameters.get("signature");
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("signature header lacks keyId");
        }
        if (signature == null || signature.isEmpty()) {
            throw new IllegalArgumentException("signature header lacks signature");
        }
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signature is not base64: " + e.getMessage(), e);
        }
        String headers = parameters.get("headers");
        List<String> headerNames = headers == null
                ? DEFAULT_HEADERS
                : List.of(headers.strip().toLowerCase(Locale.ROOT).split("\\s+"));
        return new SignatureHeader(keyId, parameters.get("algorithm"), headerNames, signatureBytes,
                parameters.get("created"), parameters.get("expires"));
    }

    /** The header value, parameters in the order Mastodon writes them. */
    public String format() {
        StringBuilder out = new StringBuilder("keyId=\"").append(keyId).append('"');
        if (algorithm != null) {
            out.append(",algorithm=\"").append(algorithm).append('"');
        }
        if (created != null) {
            out.append(",created=").append(created);
        }
        if (expires != null) {
            out.append(",expires=").append(expires);
        }
        return out.append(",headers=\"").append(String.join(" ", headers)).append('"')
                .append(",signature=\"").append(Base64.getEncoder().encodeToString(signature)).append('"')
                .toString();
    }

    private static Map<String, String> parameters(String value) {
        Map<String, String> parameters = new HashMap<>();
        int at = skipWhitespace(value, 0);
        while (at < value.length()) {
            int equals = value.indexOf('=', at);
            if (equals < 0) {
                throw new IllegalArgumentException("parameter without '=' at offset " + at);
            }
            String name = value.substring(at, equals).strip();
            if (!PARAMETER_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("bad parameter name '" + name + "'");
            }
            at = skipWhitespace(value, equals + 1);
            String parameter;
            if (at < value.length() && value.charAt(at) == '"') {
                int close = value.indexOf('"', at + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("unterminated quote in " + name);
                }
                parameter = value.substring(at + 1, close);
                at = close + 1;
            } else {
                // created and expires are bare numbers in the draft's own examples.
                int end = at;
                while (end < value.length() && value.charAt(end) != ',' && !Character.isWhitespace(value.charAt(end))) {
                    end++;
                }
                if (end == at) {
                    throw new IllegalArgumentException("empty value for " + name);
                }
                parameter = value.substring(at, end);
                at = end;
            }
            if (parameters.putIfAbsent(name, parameter) != null) {
                throw new IllegalArgumentException("repeated parameter " + name);
            }
            at = skipWhitespace(value, at);
            if (at < value.length()) {
                if (value.charAt(at) != ',') {
                    throw new IllegalArgumentException("expected ',' after " + name + " at offset " + at);
                }
                at = skipWhitespace(value, at + 1);
            }
        }
        return parameters;
    }

    private static int skipWhitespace(String value, int at) {
        while (at < value.length() && Character.isWhitespace(value.charAt(at))) {
            at++;
        }
        return at;
    }

    private static void requireQuotable(String name, String value) {
        Objects.requireNonNull(value, name);
        if (value.indexOf('"') >= 0) {
            throw new IllegalArgumentException(name + " must not contain a double quote");
        }
    }

    private static void requireUnixTime(String name, String value) {
        if (value != null && !UNIX_TIME.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " is not a Unix time: " + value);
        }
    }

    // Records compare arrays by identity; a signature header is equal by content.
    @Override
    public boolean equals(Object other) {
        return other instanceof SignatureHeader that
                && keyId.equals(that.keyId)
                && Objects.equals(algorithm, that.algorithm)
                && headers.equals(that.headers)
                && Arrays.equals(signature, that.signature)
                && Objects.equals(created, that.created)
                && Objects.equals(expires, that.expires);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, algorithm, headers, Arrays.hashCode(signature), created, expires);
    }

    @Override
    public String toString() {
        return "SignatureHeader[" + format() + "]";
    }
}
