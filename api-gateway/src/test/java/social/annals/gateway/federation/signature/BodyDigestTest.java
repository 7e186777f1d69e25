package social.annals.gateway.federation.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyDigestTest {

    private static final byte[] BODY = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
    /** The digest of that body in draft-cavage-http-signatures-12's examples. */
    private static final String DRAFT_DIGEST = "SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=";
    private static final String DRAFT_DIGEST_VALUE = DRAFT_DIGEST.substring("SHA-256=".length());

    @Test
    void sha256IsTheBase64HashPrefixedWithItsAlgorithm() {
        assertThat(BodyDigest.sha256(BODY)).isEqualTo(DRAFT_DIGEST);
        assertThat(BodyDigest.sha256(new byte[0])).isEqualTo("SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    }

    @Test
    void matchesItsOwnDigestWhateverTheCaseOfTheAlgorithmName() {
        assertThat(BodyDigest.matches(DRAFT_DIGEST, BODY)).isTrue();
        assertThat(BodyDigest.matches("sha-256=" + DRAFT_DIGEST_VALUE, BODY)).isTrue();
    }

    @Test
    void findsTheSha256EntryAmongSeveral() {
        assertThat(BodyDigest.matches("MD5=HUXZLQLMuI/KZ5KDcJPcOA==, " + DRAFT_DIGEST, BODY)).isTrue();
        assertThat(BodyDigest.matches(DRAFT_DIGEST + ",SHA-512=whatever", BODY)).isTrue();
    }

    @Test
    void doesNotMatchAnotherBodyOrAHeaderWithoutAValidSha256Entry() {
        assertThat(BodyDigest.matches(DRAFT_DIGEST, "{\"hello\": \"World\"}".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(BodyDigest.matches("MD5=HUXZLQLMuI/KZ5KDcJPcOA==", BODY)).as("no SHA-256 entry").isFalse();
        assertThat(BodyDigest.matches("SHA-512=" + DRAFT_DIGEST_VALUE, BODY)).isFalse();
        assertThat(BodyDigest.matches("SHA-256=not*base64", BODY)).isFalse();
        assertThat(BodyDigest.matches("SHA-256", BODY)).isFalse();
        assertThat(BodyDigest.matches("", BODY)).isFalse();
        assertThat(BodyDigest.matches(null, BODY)).isFalse();
        assertThat(BodyDigest.matches(DRAFT_DIGEST + ",SHA-256=" + BodyDigest.sha256(new byte[0]).substring(8), BODY))
                .as("every SHA-256 entry must match").isFalse();
    }
}
