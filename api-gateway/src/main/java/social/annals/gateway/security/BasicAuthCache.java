package social.annals.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import social.annals.command.secrets.Digests;

/**
 * Remembers recently verified Basic credentials by a keyed digest of login, password and the
 * stored hash, so a client sending Basic on every request does not pay a bcrypt each time. A
 * password change changes the stored hash and so misses the cache.
 */
@Component
public class BasicAuthCache {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private final Digests digests;
    /** Keyed by the digest; expiring by the injected clock, so tests can move time. */
    private final Cache<String, Boolean> verified;

    public BasicAuthCache(Digests digests, Clock clock) {
        this.digests = digests;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfterWrite(TTL)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    public boolean isVerified(String login, String password, String passwordHash) {
        return verified.getIfPresent(key(login, password, passwordHash)) != null;
    }

    public void remember(String login, String password, String passwordHash) {
        verified.put(key(login, password, passwordHash), Boolean.TRUE);
    }

    private String key(String login, String password, String passwordHash) {
        return digests.hmac("basic-auth-cache", login + '\u0000' + password + '\u0000' + passwordHash);
    }
}
