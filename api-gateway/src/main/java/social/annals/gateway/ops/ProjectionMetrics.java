package social.annals.gateway.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * Read-model lag and rebuild progress as gauges ({@code /actuator/prometheus}:
 * {@code annals_projection_lag_events{projection="statuses"}} and friends). One snapshot of
 * every read model serves all gauges of a scrape.
 */
@Component
public class ProjectionMetrics implements MeterBinder {

    private static final long SNAPSHOT_NANOS = 1_000_000_000L;

    private final ProjectionMonitor monitor;
    private final ReadModelRebuilder rebuilder;
    private List<ProjectionState> snapshot = List.of();
    private long takenAt;

    public ProjectionMetrics(ProjectionMonitor monitor, ReadModelRebuilder rebuilder) {
        this.monitor = monitor;
        this.rebuilder = rebuilder;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String group : rebuilder.groups()) {
            gauge(registry, "annals.projection.lag.events", group, "Events the read model is behind the log",
                    ProjectionState::lag);
            gauge(registry, "annals.projection.position", group, "Last event the read model processed",
                    ProjectionState::position);
            gauge(registry, "annals.projection.rebuilding", group, "1 while the read model is rebuilt",
                    state -> state.rebuilding() ? 1 : 0);
            gauge(registry, "annals.projection.rebuild.progress", group, "Share of the log replayed (1 when live)",
                    state -> state.rebuilding() ? state.progress() : 1);
        }
    }

    private void gauge(MeterRegistry registry, String name, String group, String description,
                       ToDoubleFunction<ProjectionState> value) {
        Gauge.builder(name, this, metrics -> metrics.current(group).map(value::applyAsDouble).orElse(Double.NaN))
                .tag("projection", group).description(description).register(registry);
    }

    private synchronized java.util.Optional<ProjectionState> current(String group) {
        long now = System.nanoTime();
        if (snapshot.isEmpty() || now - takenAt > SNAPSHOT_NANOS) {
            snapshot = monitor.states();
            takenAt = now;
        }
        return snapshot.stream().filter(state -> state.name().equals(group)).findFirst();
    }
}
