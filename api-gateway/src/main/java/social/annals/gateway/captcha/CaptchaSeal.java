package social.annals.gateway.captcha;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import social.annals.command.secrets.ServerSecrets;
import social.annals.gateway.security.AesGcm;

/**
 * Seals a captcha's answer and issue time for the client to carry back (AES-GCM under a key
 * derived from a shared server secret and the captcha's token, with the token as associated
 * data), so issuing keeps no state and any node can check it; a blob only opens with its own token.
 */
@Component
public class CaptchaSeal {

    public record Sealed(String answer, Instant issuedAt) {
    }

    private final ServerSecrets secrets;

    public CaptchaSeal(ServerSecrets secrets) {
        this.secrets = secrets;
    }

    public String seal(String token, String answer, Instant issuedAt) {
        byte[] sealed = AesGcm.seal(keyFor(token),
                (issuedAt.getEpochSecond() + ":" + answer).getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    /** The answer and issue time, or empty when the blob is not one this server sealed for the token. */
    public Optional<Sealed> open(String token, String answerData) {
        try {
            byte[] blob = Base64.getUrlDecoder().decode(answerData);
            return AesGcm.open(keyFor(token), blob, token.getBytes(StandardCharsets.UTF_8)).map(bytes -> {
                String plain = new String(bytes, StandardCharsets.UTF_8);
                int colon = plain.indexOf(':');
                return new Sealed(plain.substring(colon + 1), Instant.ofEpochSecond(Long.parseLong(plain.substring(0, colon))));
            });
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A key of its own for each captcha token, derived from the server's captcha secret. */
    private byte[] keyFor(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.secret("captcha"), "HmacSHA256"));
            return mac.doFinal(token.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
