package social.annals.gateway.ops;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import social.annals.gateway.consistency.ConsistencyBarrier;

/**
 * Rebuilds read models from the event log. A streaming group is reset and replays in the
 * background; meanwhile it answers from the rows rebuilt so far (the degraded mode the README
 * describes), and new events are processed after the replay, so no write is lost. A subscribing
 * group is emptied and replayed inside one database transaction, so readers keep seeing the old
 * rows until the rebuilt ones commit.
 */
@Component
public class ReadModelRebuilder {

    static final String POLICY_PREFIX = "policy-";

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TransactionTemplate transaction;
    private final ConsistencyBarrier barrier;
    private final Map<String, Replay> replays = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-replay");
        thread.setDaemon(true);
        return thread;
    });

    /** How far a one-transaction replay of a subscribing group has got. */
    public record Replay(long position, long resetPosition) {
    }

    public ReadModelRebuilder(EventProcessingConfiguration processing, EventStore eventStore,
                              PlatformTransactionManager transactionManager, ConsistencyBarrier barrier) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.transaction = new TransactionTemplate(transactionManager);
        this.barrier = barrier;
    }

    /**
     * Every read model (processing group), by name. Policies, which turn events into commands,
     * are not read models: replaying them would act twice.
     */
    public List<String> groups() {
        return processing.eventProcessors().keySet().stream()
                .filter(name -> !name.startsWith(POLICY_PREFIX))
                .sorted().collect(Collectors.toList());
    }

    /** Rebuilds every read model and returns when all of them have caught up again. */
    public void rebuildAll() {
        List<String> groups = groups();
        groups.forEach(this::rebuild);
        barrier.awaitHead(groups.toArray(String[]::new));
    }

    /**
     * Starts rebuilding the named read models and returns at once: streaming ones replay on their
     * processors' threads, subscribing ones one after the other on a background thread.
     */
    public void start(List<String> names) {
        for (String group : names) {
            EventProcessor processor = processor(group);
            if (processor instanceof StreamingEventProcessor streaming) {
                restartFromTheBeginning(streaming);
            } else if (processor instanceof SubscribingEventProcessor subscribing) {
                replays.put(group, new Replay(-1, head()));
                background.execute(() -> {
                    try {
                        replayInOneTransaction(group, subscribing.eventHandlerInvoker());
                    } finally {
                        replays.remove(group);
                    }
                });
            }
        }
    }

    /** The one-transaction replay under way for a subscribing group, or null. */
    public Replay replayOf(String group) {
        return replays.get(group);
    }

    public void rebuild(String group) {
        EventProcessor processor = processor(group);
        if (processor instanceof StreamingEventProcessor streaming) {
            restartFromTheBeginning(streaming);
        } else if (processor instanceof SubscribingEventProcessor subscribing) {
            replays.put(group, new Replay(-1, head()));
            try {
                replayInOneTransaction(group, subscribing.eventHandlerInvoker());
            } finally {
                replays.remove(group);
            }
        }
    }

    private EventProcessor processor(String group) {
        if (group.startsWith(POLICY_PREFIX)) {
            throw new IllegalArgumentException("no read model named " + group);
        }
        return processing.eventProcessor(group)
                .orElseThrow(() -> new IllegalArgumentException("no read model named " + group));
    }

    /** Resetting needs every segment's claim: on a node that is not the claim holder this fails. */
    private static void restartFromTheBeginning(StreamingEventProcessor streaming) {
        streaming.shutDown();
        try {
            streaming.resetTokens();
        } finally {
            streaming.start();
        }
    }

    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    private void replayInOneTransaction(String group, EventHandlerInvoker invoker) {
        long resetPosition = head();
        transaction.executeWithoutResult(status -> {
            invoker.performReset();
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
                while (stream.hasNextAvailable()) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    if (!invoker.canHandle(event, Segment.ROOT_SEGMENT)) {
                        continue;
                    }
                    ResultMessage<?> result = DefaultUnitOfWork.startAndGet(event).executeWithResult(() -> {
                        invoker.handle(event, Segment.ROOT_SEGMENT);
                        return null;
                    });
                    long position = event.trackingToken().position().orElse(-1);
                    if (position % 1000 == 0) {
                        replays.put(group, new Replay(position, resetPosition));
                    }
                    if (result.isExceptional()) {
                        throw new IllegalStateException("replay failed at " + event.trackingToken(),
                                result.exceptionResult());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during replay", e);
            }
        });
    }
}
