package social.annals.gateway.privacy;

import java.security.SecureRandom;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-account data keys. A key is created in its own transaction, so a command that rolls
 * back never leaves events encrypted under a key that was rolled back with it. Keys are cached
 * for a minute at most, so a key destroyed on one node is gone from every node within that time.
 */
@Component
public class PersonalDataKeys {

    private static final int CACHE_SIZE = 10_000;
    private static final long CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);

    private record Cached(byte[] key, long loadedAt) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > CACHE_SIZE;
        }
    });

    public PersonalDataKeys(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The subject's key, made on first use; empty when it was destroyed: a subject erased once stays
     * erased (a remote account that deleted itself may still be named by a delivery in flight).
     */
    public Optional<byte[]> keyFor(String subjectId) {
        byte[] cached = cached(subjectId);
        if (cached != null) {
            return Optional.of(cached);
        }
        byte[] key = ownTransaction.execute(status -> {
            byte[] candidate = new byte[32];
            random.nextBytes(candidate);
            jdbc.update("INSERT INTO personal_data_key (subject_id, key) VALUES (?, ?) "
                    + "ON CONFLICT (subject_id) DO NOTHING", subjectId, candidate);
            return jdbc.queryForObject("SELECT key FROM personal_data_key WHERE subject_id = ?", byte[].class,
                    subjectId);
        });
        if (key == null) {
            return Optional.empty();
        }
        cache.put(subjectId, new Cached(key, System.nanoTime()));
        return Optional.of(key);
    }

    /** The key if it still exists; empty once destroyed. */
    public Optional<byte[]> existingKey(String subjectId) {
        byte[] cached = cached(subjectId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<byte[]> key = jdbc.query("SELECT key FROM personal_data_key WHERE subject_id = ?",
                (rs, row) -> Optional.ofNullable(rs.getBytes(1)), subjectId).stream().findFirst()
                .flatMap(found -> found);
        key.ifPresent(k -> cache.put(subjectId, new Cached(k, System.nanoTime())));
        return key;
    }

    private byte[] cached(String subjectId) {
        Cached cached = cache.get(subjectId);
        if (cached == null || System.nanoTime() - cached.loadedAt() > CACHE_NANOS) {
            return null;
        }
        return cached.key();
    }

    /** Destroys the key for good: the row stays, without a key, so that none is made again. */
    public void destroy(String subjectId) {
        jdbc.update("INSERT INTO personal_data_key (subject_id, key) VALUES (?, NULL) "
                + "ON CONFLICT (subject_id) DO UPDATE SET key = NULL", subjectId);
        cache.remove(subjectId);
    }
}
