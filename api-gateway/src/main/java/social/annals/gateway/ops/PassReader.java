package social.annals.gateway.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Reads a rebuild pass's events: first those of its types that the log held when the rebuild
 * began, in batches, then every event written since through the event store (from that position,
 * with its gaps, so a write still committing when the rebuild began is read then, once).
 */
final class PassReader {

    /** Takes a batch of events with the position it reaches; an empty batch only moves the position. */
    @FunctionalInterface
    interface BatchConsumer {
        void accept(List<TrackedEventMessage<?>> batch, TrackingToken position);
    }

    private final LogReader logReader;
    private final EventStore eventStore;
    private final int batchSize;
    private final TrackingToken head;
    private final GapAwareTrackingToken start;
    private final Set<String> types;

    PassReader(LogReader logReader, EventStore eventStore, int batchSize, TrackingToken head,
               GapAwareTrackingToken start, Set<String> types) {
        this.logReader = logReader;
        this.eventStore = eventStore;
        this.batchSize = batchSize;
        this.head = head;
        this.start = start;
        this.types = types;
    }

    /** Feeds every batch to {@code consumer}; answers the event store's position at the last event read, with its gaps. */
    GapAwareTrackingToken read(BatchConsumer consumer) throws InterruptedException {
        long end = start.getIndex();
        long after = -1;
        while (after < end) {
            List<TrackedEventMessage<?>> batch = types.isEmpty() ? List.of()
                    : logReader.read(types, after, start, batchSize);
            long reached = batch.size() < batchSize ? end
                    : batch.get(batch.size() - 1).trackingToken().position().orElseThrow();
            // With the gaps below it: a processor that goes on from here also gets what fills them.
            consumer.accept(batch, replayUpTo(head, GapAwareTrackingToken.newInstance(reached,
                    start.getGaps().headSet(reached))));
            after = reached;
        }
        TrackingToken last = start;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(start)) {
            List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
            while (true) {
                batch.clear();
                while (batch.size() < batchSize && stream.hasNextAvailable()) {
                    batch.add(stream.nextAvailable());
                }
                if (batch.isEmpty()) {
                    break;
                }
                last = batch.get(batch.size() - 1).trackingToken();
                consumer.accept(batch, replayUpTo(head, last));
            }
        }
        return last instanceof GapAwareTrackingToken gapAware ? gapAware : start;
    }

    /** A replay token up to the head when the pass began, or the plain position once past it. */
    static TrackingToken replayUpTo(TrackingToken head, TrackingToken position) {
        return head == null ? position : ReplayToken.createReplayToken(head, position);
    }
}
