package social.annals.gateway.federation.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PemKeysTest {

    private static final KeyPair KEYS = PemKeys.generateRsa();

    @Test
    void generatesA2048BitRsaKeyPair() {
        assertThat(KEYS.getPublic()).isInstanceOf(RSAPublicKey.class);
        assertThat(((RSAPublicKey) KEYS.getPublic()).getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void publicKeysEncodeAsSpkiPemWith64CharacterLinesAndDecodeBack() {
        String pem = PemKeys.encode(KEYS.getPublic());

        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("\n-----END PUBLIC KEY-----\n");
        List<String> body = bodyLines(pem);
        assertThat(body.subList(0, body.size() - 1)).allSatisfy(line -> assertThat(line).hasSize(64));
        assertThat(body.get(body.size() - 1).length()).isBetween(1, 64);
        assertThat(PemKeys.publicKey(pem)).isEqualTo(KEYS.getPublic());
    }

    @Test
    void privateKeysEncodeAsPkcs8PemAndStillSignWhatThePublicKeyVerifies() throws Exception {
        String pem = PemKeys.encode(KEYS.getPrivate());

        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("\n-----END PRIVATE KEY-----\n");
        assertThat(bodyLines(pem)).allSatisfy(line -> assertThat(line.length()).isBetween(1, 64));
        assertThat(PemKeys.privateKey(pem)).isEqualTo(KEYS.getPrivate());

        byte[] data = "hello".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(PemKeys.privateKey(pem));
        signer.update(data);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(KEYS.getPublic());
        verifier.update(data);
        assertThat(verifier.verify(signer.sign())).isTrue();
    }

    @Test
    void toleratesCarriageReturnsAndSurroundingText() {
        String pem = "publicKeyPem: " + PemKeys.encode(KEYS.getPublic()).replace("\n", "\r\n") + "trailing";

        assertThat(PemKeys.publicKey(pem)).isEqualTo(KEYS.getPublic());
    }

    // 512, 1024 and 2048 bits put the DER lengths in short form, one length byte and two length bytes.
    @ParameterizedTest
    @ValueSource(ints = {512, 1024, 2048})
    void acceptsPkcs1RsaPublicKeysAsSomeServersPublishThem(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        PublicKey key = generator.generateKeyPair().getPublic();
        String pkcs1 = "-----BEGIN RSA PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs1Of(key))
                + "\n-----END RSA PUBLIC KEY-----\n";

        assertThat(PemKeys.publicKey(pkcs1)).isEqualTo(key);
        assertThat(PemKeys.encode(PemKeys.publicKey(pkcs1))).isEqualTo(PemKeys.encode(key));
    }

    @Test
    void malformedPemIsAnIllegalArgumentWithAClearMessage() {
        String publicPem = PemKeys.encode(KEYS.getPublic());
        String privatePem = PemKeys.encode(KEYS.getPrivate());
        String notAKey = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.US_ASCII))
                + "\n-----END PUBLIC KEY-----\n";

        assertThatThrownBy(() -> PemKeys.publicKey(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no PEM text");
        assertThatThrownBy(() -> PemKeys.publicKey("not a key")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no PEM block");
        assertThatThrownBy(() -> PemKeys.publicKey(publicPem.replace("END PUBLIC", "END PRIVATE")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no PEM block");
        assertThatThrownBy(() -> PemKeys.publicKey(publicPem.replaceFirst("\nMII", "\nM!I")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> PemKeys.publicKey("-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> PemKeys.publicKey(notAKey)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an RSA public key");
        assertThatThrownBy(() -> PemKeys.publicKey(privatePem)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got PRIVATE KEY");
        assertThatThrownBy(() -> PemKeys.privateKey(publicPem)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PKCS#8").hasMessageContaining("got PUBLIC KEY");
        assertThatThrownBy(() -> PemKeys.privateKey(privatePem.replace("PRIVATE KEY", "RSA PRIVATE KEY")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PKCS#8");
        assertThatThrownBy(() -> PemKeys.encode((PublicKey) null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> bodyLines(String pem) {
        List<String> lines = List.of(pem.split("\n"));
        return lines.subList(1, lines.size() - 1);
    }

    /** The RSAPublicKey inside an SPKI: past the outer SEQUENCE header, the AlgorithmIdentifier and the BIT STRING header. */
    private static byte[] pkcs1Of(PublicKey key) {
        byte[] spki = key.getEncoded();
        int algorithmIdentifierLength = 15;
        int bitString = headerLength(spki, 0) + algorithmIdentifierLength;
        int unusedBitsByte = 1;
        byte[] pkcs1 = Arrays.copyOfRange(spki, bitString + headerLength(spki, bitString) + unusedBitsByte, spki.length);
        assertThat(pkcs1[0]).as("an RSAPublicKey SEQUENCE").isEqualTo((byte) 0x30);
        return pkcs1;
    }

    private static int headerLength(byte[] der, int at) {
        int firstLengthByte = der[at + 1] & 0xff;
        return firstLengthByte < 0x80 ? 2 : 2 + (firstLengthByte & 0x7f);
    }
}
