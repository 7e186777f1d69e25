package social.annals.gateway.ops;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lets a node that rebuilds read models take their segments from the other nodes. Claims live in
 * the shared token table, and a node whose processors stop sees the others claim what it let go;
 * so the rebuilding node asks, in the database, and every node polls for such requests and tells
 * its own processors to release those segments and leave them alone for a while.
 */
@Component
public class SegmentReleases {

    private static final Logger log = LoggerFactory.getLogger(SegmentReleases.class);

    /** This process, as it signs its requests (so it does not obey its own). */
    private final String node = UUID.randomUUID().toString();
    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final Clock clock;

    public SegmentReleases(JdbcTemplate jdbc, EventProcessingConfiguration processing, TokenStore tokenStore,
                           TransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Asks every other node to release the groups' segments and not claim them for {@code hold}. */
    void request(List<String> groups, Duration hold) {
        Timestamp until = Timestamp.from(clock.instant().plus(hold));
        for (String group : groups) {
            jdbc.update("INSERT INTO read_model_segment_release (processor_name, requested_by, until) "
                    + "VALUES (?, ?, ?) ON CONFLICT (processor_name) DO UPDATE SET requested_by = excluded.requested_by, "
                    + "until = excluded.until", group, node, until);
        }
    }

    /** The segments are this node's now: the request is done (the others still hold off until it ends). */
    void withdraw(List<String> groups) {
        groups.forEach(group -> jdbc.update("DELETE FROM read_model_segment_release WHERE processor_name = ? "
                + "AND requested_by = ?", group, node));
    }

    /** Obeys the other nodes' requests: this node's processors let go of those segments for the time asked. */
    @Scheduled(fixedDelayString = "${annals.rebuild.release-poll-ms:1000}")
    void obey() {
        Instant now = clock.instant();
        List<Request> requests = jdbc.query("SELECT processor_name, until FROM read_model_segment_release "
                        + "WHERE until > ? AND requested_by <> ?",
                (rs, row) -> new Request(rs.getString(1), rs.getTimestamp(2).toInstant()), Timestamp.from(now), node);
        for (Request request : requests) {
            processing.eventProcessor(request.group(), StreamingEventProcessor.class)
                    .filter(StreamingEventProcessor::isRunning)
                    .ifPresent(processor -> release(processor, request, now));
        }
    }

    private void release(StreamingEventProcessor processor, Request request, Instant now) {
        int[] segments = transactions.fetchInTransaction(() -> tokenStore.fetchSegments(request.group()));
        Duration remaining = Duration.between(now, request.until());
        for (int segment : segments) {
            processor.releaseSegment(segment, remaining.toMillis(), TimeUnit.MILLISECONDS);
        }
        log.debug("released {} segment(s) of {} for {}", segments.length, request.group(), remaining);
    }

    private record Request(String group, Instant until) {
    }
}
