package social.annals.gateway.consistency;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
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

    /** Waits until every named streaming read model has caught up with the current head. */
    public void await(String... groups) {
        TrackingToken head = eventStore.createHeadToken();
        long target = head == null ? -1 : head.position().orElse(-1);
        if (target < 0) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String group : groups) {
            StreamingEventProcessor processor =
                    processing.eventProcessor(group, StreamingEventProcessor.class).orElse(null);
            if (processor == null) {
                continue; // subscribing groups are updated in the command's own transaction
            }
            while (!caughtUp(group, processor, target)) {
                if (System.nanoTime() > deadline) {
                    log.warn("read model {} did not reach position {} within {}", group, target, timeout);
                    return;
                }
                sleepBriefly();
            }
        }
    }

    private boolean caughtUp(String group, StreamingEventProcessor processor, long target) {
        Map<Integer, EventTrackerStatus> local = processor.processingStatus();
        var rows = jdbc.queryForList("SELECT segment, token, tokentype FROM tokenentry WHERE processorname = ?", group);
        if (rows.isEmpty()) {
            return false;
        }
        for (Map<String, Object> row : rows) {
            int segment = ((Number) row.get("segment")).intValue();
            EventTrackerStatus status = local.get(segment);
            OptionalLong position = status != null
                    ? status.getCurrentPosition()
                    : positionOf((byte[]) row.get("token"), (String) row.get("tokentype"));
            if (position.isEmpty() || position.getAsLong() < target) {
                return false;
            }
        }
        return true;
    }

    private OptionalLong positionOf(byte[] token, String type) {
        if (token == null || type == null) {
            return OptionalLong.empty();
        }
        TrackingToken tracking = tokenSerializer.deserialize(
                new SimpleSerializedObject<>(token, byte[].class, type, null));
        return tracking == null ? OptionalLong.empty() : tracking.position();
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for read models", e);
        }
    }
}
