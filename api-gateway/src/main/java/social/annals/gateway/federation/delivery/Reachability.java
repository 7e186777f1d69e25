package social.annals.gateway.federation.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which hosts answer, as Pleroma keeps it: a host whose deliveries have all failed for longer than
 * a while is unreachable, and nothing more is sent to it until it answers again (a delivery
 * succeeds, or it delivers something to us). Shared by every node through the database.
 */
@Component
public class Reachability {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration unreachableAfter;

    public Reachability(JdbcTemplate jdbc, Clock clock,
                        @Value("${annals.federation.delivery.unreachable-after-seconds:86400}") long seconds) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.unreachableAfter = Duration.ofSeconds(seconds);
    }

    public boolean isUnreachable(String host) {
        Boolean unreachable = jdbc.query("SELECT failing_since < ? FROM federation_host WHERE host = ?",
                rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE,
                Timestamp.from(clock.instant().minus(unreachableAfter)), host);
        return Boolean.TRUE.equals(unreachable);
    }

    public void answered(String host) {
        jdbc.update("INSERT INTO federation_host (host, failing_since, last_success_at, consecutive_failures) "
                + "VALUES (?, NULL, ?, 0) ON CONFLICT (host) DO UPDATE SET failing_since = NULL, "
                + "last_success_at = EXCLUDED.last_success_at, consecutive_failures = 0", host,
                Timestamp.from(clock.instant()));
    }

    public void failed(String host) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO federation_host (host, failing_since, last_failure_at, consecutive_failures) "
                + "VALUES (?, ?, ?, 1) ON CONFLICT (host) DO UPDATE SET "
                + "failing_since = coalesce(federation_host.failing_since, EXCLUDED.failing_since), "
                + "last_failure_at = EXCLUDED.last_failure_at, "
                + "consecutive_failures = federation_host.consecutive_failures + 1", host, now, now);
    }
}
