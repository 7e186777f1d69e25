package social.annals.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import social.annals.command.secrets.ServerSecrets;

/**
 * Pleroma's session cookie. The value is sealed with AES-GCM under a server secret shared by all
 * nodes, so it is tamper-proof and does not reveal the OAuth token it may carry.
 */
@Component
public class SessionCookie {

    static final String[] ACCEPTED_NAMES = {"pleroma_key", "__Host-pleroma_key", "_pleroma_key"};
    private static final int IV_BYTES = 12;

    /** {@code token}: a raw access token (authenticates); {@code accountId}: who last authenticated. */
    public record Session(String token, String accountId) {
    }

    private final ServerSecrets secrets;
    private final ObjectMapper mapper;
    private final boolean secure;
    private final SecureRandom random = new SecureRandom();

    /** Secure (and {@code __Host-} prefixed) when configured, and always for an https base URL. */
    public SessionCookie(ServerSecrets secrets, ObjectMapper mapper,
                         @Value("${annals.security.secure-cookie:false}") boolean secure,
                         @Value("${annals.base-url}") String baseUrl) {
        this.secrets = secrets;
        this.mapper = mapper;
        this.secure = secure || baseUrl.startsWith("https://");
    }

    public String name() {
        return secure ? "__Host-pleroma_key" : "pleroma_key";
    }

    public Optional<Session> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (String name : ACCEPTED_NAMES) {
            for (Cookie cookie : cookies) {
                if (name.equals(cookie.getName())) {
                    Optional<Session> session = open(cookie.getValue());
                    if (session.isPresent()) {
                        return session;
                    }
                }
            }
        }
        return Optional.empty();
    }

    public String headerFor(Session session) {
        return ResponseCookie.from(name(), seal(session))
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite("Lax")
                .build()
                .toString();
    }

    String seal(Session session) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(mapper.writeValueAsBytes(session));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot seal the session", e);
        }
    }

    Optional<Session> open(String value) {
        try {
            byte[] in = Base64.getUrlDecoder().decode(value);
            if (in.length <= IV_BYTES + 16) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, in, 0, IV_BYTES));
            byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
            return Optional.of(mapper.readValue(new String(plain, StandardCharsets.UTF_8), Session.class));
        } catch (GeneralSecurityException | IllegalArgumentException | java.io.IOException e) {
            return Optional.empty(); // tampered, foreign or stale: no session
        }
    }

    private SecretKeySpec key() {
        return new SecretKeySpec(secrets.secret("session-cookie"), "AES");
    }
}
