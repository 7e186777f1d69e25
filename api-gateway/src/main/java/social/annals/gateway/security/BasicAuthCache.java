package social.annals.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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
    private final Clock clock;
    private final Map<String, Instant> verified = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX_ENTRIES;
        }
    });

    public BasicAuthCache(Digests digests, Clock clock) {
        this.digests = digests;
        this.clock = clock;
    }

    public boolean isVerified(String login, String password, String passwordHash) {
        Instant until = verified.get(key(login, password, passwordHash));
        return until != null && clock.instant().isBefore(until);
    }

    public void remember(String login, String password, String passwordHash) {
        verified.put(key(login, password, passwordHash), clock.instant().plus(TTL));
    }

    private String key(String login, String password, String passwordHash) {
        return digests.hmac("basic-auth-cache", login + '\u0000' + password + '\u0000' + passwordHash);
    }
}
