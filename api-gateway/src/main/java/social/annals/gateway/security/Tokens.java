package social.annals.gateway.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/** Random bearer secrets: 32 bytes, URL-safe base64 without padding (43 characters), like Pleroma. */
@Component
public class Tokens {

    private final SecureRandom random = new SecureRandom();

    public String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
