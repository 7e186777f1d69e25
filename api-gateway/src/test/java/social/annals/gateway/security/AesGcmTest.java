package social.annals.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AesGcmTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "secret".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SUBJECT = "account-1".getBytes(StandardCharsets.UTF_8);

    @Test
    void whatIsSealedOpensWithTheSameKeyAndAssociatedData() {
        byte[] sealed = AesGcm.seal(KEY, DATA, SUBJECT);
        assertThat(AesGcm.open(KEY, sealed, SUBJECT)).hasValueSatisfying(plain -> assertThat(plain).isEqualTo(DATA));
        assertThat(sealed).hasSize(12 + DATA.length + 16);
        assertThat(AesGcm.seal(KEY, DATA, SUBJECT)).as("a new IV each time").isNotEqualTo(sealed);
        assertThat(AesGcm.open(KEY, AesGcm.seal(KEY, DATA, null), null)).isPresent();
    }

    @Test
    void anotherKeyOtherAssociatedDataATamperedOrATruncatedSealOpensNothing() {
        byte[] sealed = AesGcm.seal(KEY, DATA, SUBJECT);
        byte[] tampered = sealed.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThat(AesGcm.open(OTHER_KEY, sealed, SUBJECT)).isEmpty();
        assertThat(AesGcm.open(KEY, sealed, "account-2".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(AesGcm.open(KEY, tampered, SUBJECT)).isEmpty();
        assertThat(AesGcm.open(KEY, Arrays.copyOf(sealed, 20), SUBJECT)).isEmpty();
    }
}
