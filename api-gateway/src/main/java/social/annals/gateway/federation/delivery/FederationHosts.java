package social.annals.gateway.federation.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the delivery side knows of each host: whether it answers (from {@link Reachability}) and
 * how many deliveries wait for it; and the queue as gauges ({@code annals_federation_delivery_queue}
 * and {@code annals_federation_unreachable_hosts}), one count per scrape and second.
 */
@Component
public class FederationHosts implements MeterBinder {

    private static final long SNAPSHOT_NANOS = 1_000_000_000L;

    private final JdbcTemplate jdbc;
    private final Reachability reachability;
    private volatile long[] snapshot;
    private volatile long takenAt;

    public FederationHosts(JdbcTemplate jdbc, Reachability reachability) {
        this.jdbc = jdbc;
        this.reachability = reachability;
    }

    public record HostState(String host, boolean reachable, Instant failingSince, Instant lastSuccessAt,
                            Instant lastFailureAt, int consecutiveFailures, String lastResult, long queued) {
    }

    /** Every host we delivered to or have deliveries for, by host. */
    public Map<String, HostState> hosts() {
        Map<String, HostState> out = new LinkedHashMap<>();
        Map<String, Long> queued = queuedByHost();
        jdbc.query("SELECT host, failing_since, last_success_at, last_failure_at, consecutive_failures, last_result, "
                + "failing_since < ? FROM federation_host ORDER BY host", rs -> {
                    String host = rs.getString(1);
                    out.put(host, new HostState(host, !rs.getBoolean(7), instant(rs.getTimestamp(2)),
                            instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)), rs.getInt(5), rs.getString(6),
                            queued.getOrDefault(host, 0L)));
                }, reachability.unreachableSince());
        queued.forEach((host, count) -> out.computeIfAbsent(host,
                ignored -> new HostState(host, true, null, null, null, 0, null, count)));
        return out;
    }

    private Map<String, Long> queuedByHost() {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.query("SELECT split_part(task_instance, ?, 1), count(*) FROM scheduled_tasks WHERE task_name = ? "
                        + "AND position(? IN task_instance) > 0 GROUP BY 1",
                rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                }, DeliveryScheduling.HOST_SEPARATOR, DeliveryScheduling.TASK, DeliveryScheduling.HOST_SEPARATOR);
        return out;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("annals.federation.delivery.queue", this, hosts -> hosts.counts()[0])
                .description("Deliveries to other servers waiting, due or retried later").register(registry);
        Gauge.builder("annals.federation.unreachable.hosts", this, hosts -> hosts.counts()[1])
                .description("Hosts given nothing more until they deliver to us again").register(registry);
    }

    private long[] counts() {
        long now = System.nanoTime();
        long[] current = snapshot;
        if (current == null || now - takenAt > SNAPSHOT_NANOS) {
            Long queue = jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_name = ?", Long.class,
                    DeliveryScheduling.TASK);
            Long unreachable = jdbc.queryForObject("SELECT count(*) FROM federation_host WHERE failing_since < ?",
                    Long.class, reachability.unreachableSince());
            current = new long[] {queue == null ? 0 : queue, unreachable == null ? 0 : unreachable};
            snapshot = current;
            takenAt = now;
        }
        return current;
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
