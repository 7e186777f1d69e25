package social.annals.command.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/** Adaptive password hashing (bcrypt); the cost is configurable so tests can run cheaply. */
@Component
public class PasswordHasher {

    /** bcrypt reads at most this many bytes of a password. */
    private static final int BCRYPT_MAX_BYTES = 72;

    private final BCryptPasswordEncoder encoder;

    public PasswordHasher(@Value("${annals.security.bcrypt-strength:11}") int strength) {
        this.encoder = new BCryptPasswordEncoder(strength);
    }

    public String hash(String password) {
        return encoder.encode(fitted(password));
    }

    public boolean matches(String password, String hash) {
        return password != null && hash != null && encoder.matches(fitted(password), hash);
    }

    /**
     * Passwords longer than bcrypt reads are digested first, so every character counts and a long
     * password is accepted rather than refused; shorter ones are hashed as they are.
     */
    private static String fitted(String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= BCRYPT_MAX_BYTES) {
            return password;
        }
        try {
            return "sha256:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
