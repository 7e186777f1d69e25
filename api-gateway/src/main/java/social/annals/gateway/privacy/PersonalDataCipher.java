package social.annals.gateway.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;
import social.annals.gateway.security.AesGcm;

/** AES-256-GCM for personal-data fields; the subject id is bound as associated data. */
@Component
public class PersonalDataCipher {

    static final String PREFIX = "pd1:";

    private final PersonalDataKeys keys;

    public PersonalDataCipher(PersonalDataKeys keys) {
        this.keys = keys;
    }

    /** Sealed under the subject's key; for a subject already erased, stored as erased (nothing to open). */
    public String encrypt(String subjectId, String plaintext) {
        Optional<byte[]> key = keys.keyFor(subjectId);
        if (key.isEmpty()) {
            return PREFIX;
        }
        byte[] sealed = AesGcm.seal(key.get(), plaintext.getBytes(StandardCharsets.UTF_8),
                subjectId.getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getEncoder().encodeToString(sealed);
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
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(sealedText.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("personal data of " + subjectId + " cannot be decrypted", e);
        }
        byte[] plain = AesGcm.open(key.get(), sealed, subjectId.getBytes(StandardCharsets.UTF_8))
                .orElseThrow(() -> new IllegalStateException("personal data of " + subjectId + " cannot be decrypted"));
        return Optional.of(new String(plain, StandardCharsets.UTF_8));
    }
}
