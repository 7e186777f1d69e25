package social.annals.gateway.ops;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The state of every read model, read from the shared token table (so any node answers for the
 * whole cluster). A streaming read model is rebuilding while a segment holds a replay token; its
 * rate comes from the positions this node has seen over the last half minute.
 */
@Component
public class ProjectionMonitor {

    private static final long WINDOW_NANOS = 30_000_000_000L;
    private static final long MIN_SPAN_NANOS = 1_000_000_000L;

    private record Sample(long nanos, long position) {
    }

    private final ReadModelRebuilder rebuilder;
    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Serializer tokenSerializer;
    private final Map<String, Deque<Sample>> samples = new ConcurrentHashMap<>();

    public ProjectionMonitor(ReadModelRebuilder rebuilder, EventProcessingConfiguration processing, JdbcTemplate jdbc,
                             @Qualifier("serializer") Serializer tokenSerializer) {
        this.rebuilder = rebuilder;
        this.processing = processing;
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
    }

    public List<ProjectionState> states() {
        return states(rebuilder.groups());
    }

    public List<ProjectionState> states(List<String> groups) {
        Long max = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        long head = max == null ? -1 : max;
        List<ProjectionState> states = new ArrayList<>();
        for (String group : groups) {
            states.add(state(group, head));
        }
        return states;
    }

    private ProjectionState state(String group, long head) {
        SubscribingReplays.Replay replay = rebuilder.replayOf(group);
        if (processing.eventProcessor(group, StreamingEventProcessor.class).isEmpty()) {
            // Subscribing: kept in the writing transaction, or replayed into copies of its tables.
            if (replay == null) {
                return new ProjectionState(group, head, head, 0, false, null, null, null);
            }
            return rebuilding(group, replay.position(), head, replay.resetPosition());
        }
        long position = Long.MAX_VALUE;
        long resetPosition = -1;
        boolean replaying = false;
        var rows = jdbc.queryForList("SELECT token, tokentype FROM tokenentry WHERE processorname = ?", group);
        for (Map<String, Object> row : rows) {
            TrackingToken token = tokenOf((byte[]) row.get("token"), (String) row.get("tokentype"));
            if (token instanceof ReplayToken replayToken) {
                replaying = true;
                resetPosition = Math.max(resetPosition, positionOf(replayToken.getTokenAtReset()));
                token = replayToken.getCurrentToken();
            }
            position = Math.min(position, positionOf(token));
        }
        if (rows.isEmpty()) {
            position = -1;
        }
        // A replay that has reached the position it was reset at is done, though its token stays a
        // replay token until the next event passes it.
        if (replaying && position < resetPosition) {
            return rebuilding(group, position, head, resetPosition);
        }
        record(group, position);
        return new ProjectionState(group, position, head, Math.max(0, head - position), false, null, null, null);
    }

    private ProjectionState rebuilding(String group, long position, long head, long resetPosition) {
        Double rate = record(group, position);
        double progress = resetPosition <= 0 ? 0.0 : Math.min(1.0, Math.max(0, position) / (double) resetPosition);
        Long eta = rate == null || rate <= 0 ? null : (long) Math.ceil(Math.max(0, resetPosition - position) / rate);
        return new ProjectionState(group, position, head, Math.max(0, head - position), true, progress, rate, eta);
    }

    /** Remembers this position and answers the rate over the window, when it spans at least a second. */
    private Double record(String group, long position) {
        long now = System.nanoTime();
        Deque<Sample> history = samples.computeIfAbsent(group, g -> new ArrayDeque<>());
        synchronized (history) {
            if (!history.isEmpty() && history.peekLast().position() > position) {
                history.clear(); // the position went back: a new rebuild began
            }
            history.addLast(new Sample(now, position));
            while (history.size() > 2 && now - history.peekFirst().nanos() > WINDOW_NANOS) {
                history.removeFirst();
            }
            Sample oldest = history.peekFirst();
            long span = now - oldest.nanos();
            return span < MIN_SPAN_NANOS ? null : (position - oldest.position()) * 1e9 / span;
        }
    }

    private static long positionOf(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    private TrackingToken tokenOf(byte[] token, String type) {
        if (token == null || type == null) {
            return null;
        }
        return tokenSerializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
    }
}
