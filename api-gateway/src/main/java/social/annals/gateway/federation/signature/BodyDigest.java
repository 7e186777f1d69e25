package social.annals.gateway.federation.signature;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/** The {@code Digest} header (RFC 3230) that binds a signed request to its body; only SHA-256 is trusted. */
public final class BodyDigest {

    private static final String SHA_256 = "SHA-256";

    private BodyDigest() {
    }

    /** {@code SHA-256=<base64>}, the value of a {@code Digest} header for this body. */
    public static String sha256(byte[] body) {
        return SHA_256 + "=" + Base64.getEncoder().encodeToString(hash(body));
    }

    /**
     * Whether the header vouches for this body: it holds at least one SHA-256 entry and every SHA-256 entry
     * matches. Entries of other algorithms are ignored, being too weak (MD5, SHA) or unknown.
     */
    public static boolean matches(String digestHeader, byte[] body) {
        if (digestHeader == null) {
            return false;
        }
        byte[] actual = hash(body);
        boolean vouched = false;
        for (String entry : digestHeader.split(",")) {
            int equals = entry.indexOf('=');
            if (equals < 0 || !entry.substring(0, equals).strip().equalsIgnoreCase(SHA_256)) {
                continue;
            }
            if (!MessageDigest.isEqual(actual, decode(entry.substring(equals + 1).strip()))) {
                return false;
            }
            vouched = true;
        }
        return vouched;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0]; // never equal to a hash
        }
    }

    private static byte[] hash(byte[] body) {
        Objects.requireNonNull(body, "body");
        try {
            return MessageDigest.getInstance(SHA_256).digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
