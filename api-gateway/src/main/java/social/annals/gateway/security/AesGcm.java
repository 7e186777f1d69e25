package social.annals.gateway.security;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM as this server seals everything it hands out or keeps apart (session cookies, captcha
 * answers, personal data in events): a random 96-bit IV, then the ciphertext with its 128-bit tag,
 * bound to optional associated data.
 */
public final class AesGcm {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Looking the algorithm up costs more than sealing a short value; each thread keeps its own. */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every Java runtime", e);
        }
    });

    private AesGcm() {
    }

    /** {@code iv ‖ ciphertext ‖ tag}. */
    public static byte[] seal(byte[] key, byte[] plaintext, byte[] associatedData) {
        try {
            byte[] iv = new byte[IV_BYTES];
            ThreadRandom.current().nextBytes(iv);
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key, iv, associatedData).doFinal(plaintext);
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal", e);
        }
    }

    /** The plaintext, or empty when the bytes were not sealed under this key and associated data. */
    public static Optional<byte[]> open(byte[] key, byte[] sealed, byte[] associatedData) {
        if (sealed.length < IV_BYTES + TAG_BITS / 8) {
            return Optional.empty();
        }
        try {
            return Optional.of(cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(sealed, IV_BYTES), associatedData)
                    .doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES));
        } catch (GeneralSecurityException e) {
            return Optional.empty(); // tampered, or sealed under another key
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv, byte[] associatedData)
            throws GeneralSecurityException {
        Cipher cipher = CIPHERS.get();
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        if (associatedData != null) {
            cipher.updateAAD(associatedData);
        }
        return cipher;
    }
}
