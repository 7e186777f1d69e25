package social.annals.gateway.consistency;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for HTTP: after a command returns, wait until the named read models have
 * processed everything up to the event store's head. Segments this node processes are read
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

    public ConsistencyBarrier(EventStore eventStore, EventProcessingConfiguration processing, JdbcTemplate jdbc,
                              @Qualifier("serializer") Serializer tokenSerializer,
                              @Value("${annals.consistency.timeout-ms:3000}") long timeoutMs) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
        this.timeout = Duration.ofMillis(timeoutMs);
    }

    /**
     * Waits until the named streaming read models have processed the latest event of
     * {@code aggregateId}. The event's own position is used, not the store's head: with
     * concurrent writers a later position can be visible before an earlier one commits, and a
     * processor past the head may still have the earlier one as a gap.
     */
    public void await(String aggregateId, String... groups) {
        Long position = jdbc.queryForObject(
                "SELECT max(globalindex) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, aggregateId);
        if (position != null) {
            awaitPosition(position, false, groups);
        }
    }

    /** Waits until the named streaming read models have processed the event at {@code position}. */
    public void awaitEvent(long position, String... groups) {
        awaitPosition(position, false, groups);
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
