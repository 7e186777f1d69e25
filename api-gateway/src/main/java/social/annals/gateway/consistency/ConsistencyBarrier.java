package social.annals.gateway.consistency;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: after a command returns, wait until the read models its events feed have
 * processed them (see {@link Commands}). Segments this node processes are read
 * from the processor itself; segments claimed by other nodes from the shared token table, so
 * the barrier holds in a cluster too. On timeout the request goes on with what is there.
 */
@Component
public class ConsistencyBarrier {

    /**
     * Read models usually catch up within milliseconds: poll often, but not in a busy loop. Asking
     * this node's own processor is nearly free, so that is done every millisecond; the token table
     * is asked less and less often, up to every 8 ms.
     */
    private static final long MAX_PAUSE_MS = 8;

    private static final Logger log = LoggerFactory.getLogger(ConsistencyBarrier.class);

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Serializer tokenSerializer;
    private final Duration timeout;
    private final ReadModels readModels;

    public ConsistencyBarrier(EventStore eventStore, EventProcessingConfiguration processing, JdbcTemplate jdbc,
                              @Qualifier("serializer") Serializer tokenSerializer,
                              @Value("${annals.consistency.timeout-ms:3000}") long timeoutMs) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
        this.timeout = Duration.ofMillis(timeoutMs);
        this.readModels = new ReadModels(processing);
    }

    /**
     * Waits until every read model that handles an event a send recorded has processed it. The
     * latest position of each aggregate the events belong to is used, not the store's head: with
     * concurrent writers a later position can be visible before an earlier one commits, and a
     * processor past the head may still have the earlier one as a gap. A send that recorded no
     * event waits for the latest event of the command's target aggregate, if it names one.
     */
    void awaitReadModels(PublishedEvents.Recording recording, Object command) {
        if (recording.isEmpty()) {
            String target = command == null ? null : ReadModels.targetOf(command);
            if (target != null) {
                awaitLatestEventOf(target);
            }
            return;
        }
        Set<String> groups = readModels.handling(recording.payloadTypes);
        if (groups.isEmpty()) {
            return; // only subscribing read models: they were updated in the command's own transaction
        }
        Long position = latestPosition(recording.aggregateIds, recording.eventIds);
        if (position != null) {
            awaitPosition(position, false, groups);
        }
    }

    /** Waits until every read model that handles any of the given payload types has processed the event at {@code position}. */
    public void awaitReadModelsOf(long position, Class<?>... payloadTypes) {
        awaitPosition(position, false, readModels.handling(Set.of(payloadTypes)));
    }

    /** Waits until the read models that handle the latest event of an aggregate have processed it. */
    public void awaitLatestEventOf(String aggregateId) {
        List<Map<String, Object>> latest = jdbc.queryForList("SELECT globalindex, payloadtype FROM domainevententry "
                + "WHERE aggregateidentifier = ? ORDER BY sequencenumber DESC LIMIT 1", aggregateId);
        if (latest.isEmpty()) {
            return;
        }
        long position = ((Number) latest.get(0).get("globalindex")).longValue();
        Class<?> type = ReadModels.classNamed((String) latest.get(0).get("payloadtype"));
        awaitPosition(position, false, type == null ? readModels.all() : readModels.handling(Set.of(type)));
    }

    private Long latestPosition(Set<String> aggregateIds, Set<String> eventIds) {
        return jdbc.execute((ConnectionCallback<Long>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT max(position) FROM ("
                    + "SELECT (SELECT globalindex FROM domainevententry WHERE aggregateidentifier = id "
                    + "ORDER BY sequencenumber DESC LIMIT 1) AS position FROM unnest(?::text[]) AS ids(id) "
                    + "UNION ALL SELECT globalindex FROM domainevententry WHERE eventidentifier = ANY(?::text[])) AS p")) {
                statement.setArray(1, connection.createArrayOf("text", aggregateIds.toArray()));
                statement.setArray(2, connection.createArrayOf("text", eventIds.toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    long position = rows.getLong(1);
                    return rows.wasNull() ? null : position;
                }
            }
        });
    }

    /** Waits until the named read models have reached the store's current head (for operations such as rebuilds). */
    public void awaitHead(String... groups) {
        TrackingToken head = eventStore.createHeadToken();
        long position = head == null ? -1 : head.position().orElse(-1);
        if (position >= 0) {
            awaitPosition(position, true, groups);
        }
    }

    private void awaitPosition(long position, boolean reachingIsEnough, String... groups) {
        awaitPosition(position, reachingIsEnough, List.of(groups));
    }

    private void awaitPosition(long position, boolean reachingIsEnough, Collection<String> groups) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pauseMs = 1;
        for (String group : groups) {
            StreamingEventProcessor processor =
                    processing.eventProcessor(group, StreamingEventProcessor.class).orElse(null);
            if (processor == null) {
                continue; // subscribing groups are updated in the command's own transaction
            }
            while (!caughtUp(group, processor, position, reachingIsEnough)) {
                if (System.nanoTime() > deadline) {
                    log.warn("read model {} did not reach position {} within {}", group, position, timeout);
                    return;
                }
                sleep(pauseMs);
                if (!coversWholeStream(processor.processingStatus())) {
                    pauseMs = Math.min(MAX_PAUSE_MS, pauseMs * 2);
                }
            }
        }
    }

    private boolean caughtUp(String group, StreamingEventProcessor processor, long position, boolean reachingIsEnough) {
        Map<Integer, EventTrackerStatus> local = processor.processingStatus();
        if (coversWholeStream(local)) {
            // This node works every segment: its own status is the truth, no need to read the token table.
            return local.values().stream().allMatch(status -> covers(status.getTrackingToken(), position,
                    reachingIsEnough));
        }
        var rows = jdbc.queryForList("SELECT segment, token, tokentype FROM tokenentry WHERE processorname = ?", group);
        if (rows.isEmpty()) {
            return true; // no projector has claimed this read model yet: there is nothing to wait for
        }
        for (Map<String, Object> row : rows) {
            int segment = ((Number) row.get("segment")).intValue();
            EventTrackerStatus status = local.get(segment);
            TrackingToken token = status != null
                    ? status.getTrackingToken()
                    : tokenOf((byte[]) row.get("token"), (String) row.get("tokentype"));
            if (!covers(token, position, reachingIsEnough)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the segments this node works make up the whole event stream (each covers 1/(mask+1) of it). */
    static boolean coversWholeStream(Map<Integer, EventTrackerStatus> local) {
        long covered = 0;
        long whole = 1L << 32;
        for (EventTrackerStatus status : local.values()) {
            covered += whole / (Integer.toUnsignedLong(status.getSegment().getMask()) + 1);
        }
        return !local.isEmpty() && covered >= whole;
    }

    /** Whether a processor at {@code token} has seen the event at {@code position}. */
    static boolean covers(TrackingToken token, long position, boolean reachingIsEnough) {
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        if (current == null) {
            return false;
        }
        if (current instanceof GapAwareTrackingToken gapAware && !reachingIsEnough) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        OptionalLong reached = current.position();
        return reached.isPresent() && reached.getAsLong() >= position;
    }

    private TrackingToken tokenOf(byte[] token, String type) {
        if (token == null || type == null) {
            return null;
        }
        return tokenSerializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for read models", e);
        }
    }
}
