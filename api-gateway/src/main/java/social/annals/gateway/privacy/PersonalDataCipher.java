package social.annals.gateway.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/** AES-256-GCM for personal-data fields; the subject id is bound as associated data. */
@Component
public class PersonalDataCipher {

    static final String PREFIX = "pd1:";
    private static final int IV_BYTES = 12;

    private final PersonalDataKeys keys;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(PersonalDataKeys keys) {
        this.keys = keys;
    }

    public String encrypt(String subjectId, String plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.keyFor(subjectId), iv, subjectId);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt personal data", e);
        }
    }

    /** The plaintext, or empty when the subject's key has been destroyed. */
    public Optional<String> decrypt(String subjectId, String sealedText) {
        if (!sealedText.startsWith(PREFIX)) {
            return Optional.of(sealedText);
        }
        Optional<byte[]> key = keys.existingKey(subjectId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealedText.substring(PREFIX.length()));
            byte[] iv = java.util.Arrays.copyOf(in, IV_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key.get(), iv, subjectId);
            byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("personal data of " + subjectId + " cannot be decrypted", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv, String subjectId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        cipher.updateAAD(subjectId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
