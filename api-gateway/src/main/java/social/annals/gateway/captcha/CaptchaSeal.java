package social.annals.gateway.captcha;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import social.annals.command.secrets.ServerSecrets;

/**
 * Seals a captcha's answer and issue time for the client to carry back (AES-GCM under a key
 * derived from a shared server secret and the captcha's token, with the token as associated
 * data), so issuing keeps no state and any node can check it; a blob only opens with its own token.
 */
@Component
public class CaptchaSeal {

    public record Sealed(String answer, Instant issuedAt) {
    }

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final ServerSecrets secrets;
    private final SecureRandom random = new SecureRandom();

    public CaptchaSeal(ServerSecrets secrets) {
        this.secrets = secrets;
    }

    public String seal(String token, String answer, Instant issuedAt) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, token, iv);
            byte[] sealed = cipher.doFinal((issuedAt.getEpochSecond() + ":" + answer).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answer and issue time, or empty when the blob is not one this server sealed for the token. */
    public Optional<Sealed> open(String token, String answerData) {
        try {
            byte[] blob = Base64.getUrlDecoder().decode(answerData);
            if (blob.length <= IV_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, token, java.util.Arrays.copyOf(blob, IV_BYTES));
            String plain = new String(cipher.doFinal(blob, IV_BYTES, blob.length - IV_BYTES), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            return Optional.of(new Sealed(plain.substring(colon + 1),
                    Instant.ofEpochSecond(Long.parseLong(plain.substring(0, colon)))));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private Cipher cipher(int mode, String token, byte[] iv) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secrets.secret("captcha"), "HmacSHA256"));
        byte[] key = mac.doFinal(token.getBytes(StandardCharsets.UTF_8));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(token.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
