package social.annals.command.account;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/** Adaptive password hashing (bcrypt); the cost is configurable so tests can run cheaply. */
@Component
public class PasswordHasher {

    private final BCryptPasswordEncoder encoder;

    public PasswordHasher(@Value("${annals.security.bcrypt-strength:11}") int strength) {
        this.encoder = new BCryptPasswordEncoder(strength);
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return password != null && hash != null && encoder.matches(password, hash);
    }
}
