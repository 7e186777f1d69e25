package social.annals.command.secrets;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Named server-wide random secrets (digest keys, cookie keys) kept in the database, so that
 * every node of a cluster shares them and a fresh install needs no configuration.
 */
@Component
public class ServerSecrets {

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    public ServerSecrets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public byte[] secret(String name) {
        return cache.computeIfAbsent(name, this::loadOrCreate).clone();
    }

    private byte[] loadOrCreate(String name) {
        byte[] candidate = new byte[32];
        random.nextBytes(candidate);
        jdbc.update("INSERT INTO server_secret (name, secret) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                name, candidate);
        return jdbc.queryForObject("SELECT secret FROM server_secret WHERE name = ?", byte[].class, name);
    }
}
