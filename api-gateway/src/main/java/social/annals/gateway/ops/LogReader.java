package social.annals.gateway.ops;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;

/**
 * Reads the event log for a rebuild: only the events whose stored type is among those asked for,
 * in log order, upcast and deserialized as the event store does it. A pass whose read models
 * handle a small part of the log never fetches the rest, and each pass reads at its own pace.
 */
final class LogReader {

    private static final String COLUMNS = "SELECT globalindex, type, aggregateidentifier, sequencenumber, "
            + "eventidentifier, timestamp, payloadtype, payloadrevision, payload, metadata FROM domainevententry ";
    /** The gaps are all near the top: rows below the first one skip the comparison with them. */
    private static final String COVERED = COLUMNS + "WHERE globalindex > ? AND globalindex <= ? "
            + "AND (globalindex < ? OR globalindex <> ALL (?)) AND payloadtype = ANY (?) ORDER BY globalindex LIMIT ?";
    private static final String SINCE = COLUMNS + "WHERE globalindex > ? OR globalindex = ANY (?) ORDER BY globalindex";
    /** As far back as the event store's tokens remember gaps (Axon's default maximum gap offset). */
    private static final int GAP_WINDOW = 10_000;

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventUpcaster upcasters;

    LogReader(JdbcTemplate jdbc, Serializer serializer, EventUpcaster upcasters) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.upcasters = upcasters;
    }

    /**
     * At most {@code limit} events of the given stored types after position {@code after} that
     * {@code upTo} covers: up to its index, and not in its gaps (those come later, from the event
     * store's stream, if they ever commit).
     */
    List<TrackedEventMessage<?>> read(Collection<String> types, long after, GapAwareTrackingToken upTo, int limit) {
        return read(con -> {
            var statement = con.prepareStatement(COVERED);
            statement.setLong(1, after);
            statement.setLong(2, upTo.getIndex());
            statement.setLong(3, upTo.getGaps().isEmpty() ? Long.MAX_VALUE : upTo.getGaps().first());
            statement.setArray(4, con.createArrayOf("bigint", upTo.getGaps().toArray()));
            statement.setArray(5, con.createArrayOf("varchar", types.toArray()));
            statement.setInt(6, limit);
            return statement;
        });
    }

    /**
     * Every event past {@code position}, after it or in one of its gaps, whatever its type: a type
     * may be stored for the first time after a pass chose the types it reads.
     */
    List<TrackedEventMessage<?>> readSince(GapAwareTrackingToken position) {
        return read(con -> {
            var statement = con.prepareStatement(SINCE);
            statement.setLong(1, position.getIndex());
            statement.setArray(2, con.createArrayOf("bigint", position.getGaps().toArray()));
            return statement;
        });
    }

    private List<TrackedEventMessage<?>> read(PreparedStatementCreator query) {
        List<TrackedEventData<?>> rows = jdbc.query(query, (rs, row) -> new TrackedDomainEventData<>(
                GapAwareTrackingToken.newInstance(rs.getLong(1), List.of()),
                new GenericDomainEventEntry<>(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10))));
        return EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(), serializer, upcasters)
                .collect(Collectors.toList());
    }

    /**
     * The event store's position at {@code index}, with the positions just before it that hold no
     * event (yet): a stream opened there also delivers an event that commits into one of them later.
     */
    GapAwareTrackingToken positionAt(long index) {
        List<Long> gaps = jdbc.queryForList("SELECT g FROM generate_series(greatest(1, ? - ?), ?) g "
                + "WHERE NOT EXISTS (SELECT 1 FROM domainevententry WHERE globalindex = g)", Long.class,
                index, GAP_WINDOW - 1, index);
        return GapAwareTrackingToken.newInstance(index, gaps);
    }
}
