package social.annals.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Base64;
import java.util.Optional;
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

    /** {@code token}: a raw access token (authenticates); {@code accountId}: who last authenticated. */
    public record Session(String token, String accountId) {
    }

    private final ServerSecrets secrets;
    private final ObjectMapper mapper;
    private final boolean secure;

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
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    AesGcm.seal(key(), mapper.writeValueAsBytes(session), null));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot seal the session", e);
        }
    }

    Optional<Session> open(String value) {
        try {
            Optional<byte[]> plain = AesGcm.open(key(), Base64.getUrlDecoder().decode(value), null);
            return plain.isEmpty() ? Optional.empty() : Optional.of(mapper.readValue(plain.get(), Session.class));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty(); // tampered, foreign or stale: no session
        }
    }

    private byte[] key() {
        return secrets.secret("session-cookie");
    }
}
