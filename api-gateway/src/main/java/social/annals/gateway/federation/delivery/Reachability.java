package social.annals.gateway.federation.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which hosts answer, as Pleroma keeps it: a host whose deliveries have all failed for longer than
 * a while is unreachable, and nothing more is sent to it until it is heard from again (it delivers
 * something to us). Shared by every node through the database, with what
 * the last attempt came to.
 */
@Component
public class Reachability {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration unreachableAfter;
    private final Cache<String, Boolean> heardRecently = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    public Reachability(JdbcTemplate jdbc, Clock clock,
                        @Value("${annals.federation.delivery.unreachable-after-seconds:86400}") long seconds) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.unreachableAfter = Duration.ofSeconds(seconds);
    }

    public boolean isUnreachable(String host) {
        Boolean unreachable = jdbc.query("SELECT failing_since < ? FROM federation_host WHERE host = ?",
                rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE, unreachableSince(), host);
        return Boolean.TRUE.equals(unreachable);
    }

    /** Before this instant, a host failing since then is unreachable. */
    Timestamp unreachableSince() {
        return Timestamp.from(clock.instant().minus(unreachableAfter));
    }

    /** The host answered; {@code result} is what (its status code, usually). */
    public void answered(String host, String result) {
        jdbc.update("INSERT INTO federation_host (host, failing_since, last_success_at, consecutive_failures, "
                + "last_result) VALUES (?, NULL, ?, 0, ?) ON CONFLICT (host) DO UPDATE SET failing_since = NULL, "
                + "last_success_at = EXCLUDED.last_success_at, consecutive_failures = 0, "
                + "last_result = EXCLUDED.last_result", host,
                Timestamp.from(clock.instant()), result);
    }

    /** A verified delivery from the host: it is up. Written at most once a minute per host and node. */
    public void heardFrom(String host) {
        if (heardRecently.getIfPresent(host) == null) {
            heardRecently.put(host, Boolean.TRUE);
            jdbc.update("UPDATE federation_host SET failing_since = NULL, consecutive_failures = 0 "
                    + "WHERE host = ? AND failing_since IS NOT NULL", host);
        }
    }

    public void failed(String host, String result) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO federation_host (host, failing_since, last_failure_at, consecutive_failures, "
                + "last_result) VALUES (?, ?, ?, 1, ?) ON CONFLICT (host) DO UPDATE SET "
                + "failing_since = coalesce(federation_host.failing_since, EXCLUDED.failing_since), "
                + "last_failure_at = EXCLUDED.last_failure_at, "
                + "consecutive_failures = federation_host.consecutive_failures + 1, "
                + "last_result = EXCLUDED.last_result", host, now, now, result);
    }
}
