package social.annals.gateway.federation.signature;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RSA keys as actors publish them ({@code publicKeyPem}) and as this server stores its own: PEM text around
 * SPKI public keys and PKCS#8 private keys.
 */
public final class PemKeys {

    private static final int RSA_BITS = 2048;
    private static final String PUBLIC = "PUBLIC KEY";
    private static final String RSA_PUBLIC = "RSA PUBLIC KEY";
    private static final String PRIVATE = "PRIVATE KEY";
    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final Base64.Encoder LINES = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    /** DER of AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }. */
    private static final byte[] RSA_ALGORITHM_IDENTIFIER = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };

    private PemKeys() {
    }

    public static KeyPair generateRsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is missing from this JDK", e);
        }
    }

    /** SPKI ("BEGIN PUBLIC KEY"), the form ActivityPub actors publish. */
    public static String encode(PublicKey key) {
        return pem(PUBLIC, encoded(key, "X.509"));
    }

    /** PKCS#8 ("BEGIN PRIVATE KEY"). */
    public static String encode(PrivateKey key) {
        return pem(PRIVATE, encoded(key, "PKCS#8"));
    }

    /** An RSA public key from SPKI PEM, or from PKCS#1 PEM ("BEGIN RSA PUBLIC KEY"), which some servers publish. */
    public static PublicKey publicKey(String pem) {
        Block block = block(pem);
        byte[] spki = switch (block.label()) {
            case PUBLIC -> block.der();
            case RSA_PUBLIC -> spkiAround(block.der());
            default -> throw new IllegalArgumentException(
                    "expected a PEM " + PUBLIC + " or " + RSA_PUBLIC + ", got " + block.label());
        };
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA public key: " + e.getMessage(), e);
        }
    }

    /** An RSA private key from PKCS#8 PEM. */
    public static PrivateKey privateKey(String pem) {
        Block block = block(pem);
        if (!block.label().equals(PRIVATE)) {
            throw new IllegalArgumentException("expected a PEM " + PRIVATE + " (PKCS#8), got " + block.label());
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(block.der()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA private key: " + e.getMessage(), e);
        }
    }

    private static byte[] encoded(Key key, String format) {
        if (key == null || !format.equals(key.getFormat()) || key.getEncoded() == null) {
            throw new IllegalArgumentException("key has no " + format + " encoding");
        }
        return key.getEncoded();
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + LINES.encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private record Block(String label, byte[] der) {
    }

    private static Block block(String pem) {
        if (pem == null) {
            throw new IllegalArgumentException("no PEM text");
        }
        Matcher matcher = BLOCK.matcher(pem);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no PEM block (-----BEGIN ...----- ... -----END ...-----)");
        }
        String label = matcher.group(1);
        byte[] der;
        try {
            // The strict decoder, once line breaks are gone, so stray characters are reported rather than skipped.
            der = Base64.getDecoder().decode(matcher.group(2).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PEM " + label + " is not valid base64: " + e.getMessage(), e);
        }
        if (der.length == 0) {
            throw new IllegalArgumentException("PEM " + label + " is empty");
        }
        return new Block(label, der);
    }

    /** SubjectPublicKeyInfo { algorithm, BIT STRING (no unused bits) { RSAPublicKey } }. */
    private static byte[] spkiAround(byte[] rsaPublicKey) {
        ByteArrayOutputStream bitString = new ByteArrayOutputStream();
        bitString.write(0x03);
        writeLength(bitString, rsaPublicKey.length + 1);
        bitString.write(0x00);
        bitString.writeBytes(rsaPublicKey);

        ByteArrayOutputStream spki = new ByteArrayOutputStream();
        spki.write(0x30);
        writeLength(spki, RSA_ALGORITHM_IDENTIFIER.length + bitString.size());
        spki.writeBytes(RSA_ALGORITHM_IDENTIFIER);
        spki.writeBytes(bitString.toByteArray());
        return spki.toByteArray();
    }

    /** DER definite length: short form below 128, else 0x80 | byte count, then the big-endian bytes. */
    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
            return;
        }
        int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
        out.write(0x80 | bytes);
        for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
            out.write(length >>> shift);
        }
    }
}
