package social.annals.gateway.ops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import social.annals.gateway.consistency.ConsistencyBarrier;

/**
 * Rebuilds read models from the event log.
 * <p>
 * Streaming read models are rebuilt together from a few passes over the log run at once, the
 * read models shared among them: their processors on this node stop, every segment's claim is
 * taken, the tables are emptied, and each pass hands every event to each of its read models that
 * handles it, committing a batch of events with those read models' positions in one
 * transaction. The positions are replay tokens in the shared token table, so every node reports
 * the progress, and if this node stops half way the processors go on replaying from there. Once a pass reaches the head its processors start again from
 * where it ended, so events written meanwhile are not lost. Reads meanwhile answer from the rows
 * rebuilt so far (the degraded mode the README describes).
 * <p>
 * A subscribing group is emptied and replayed inside one database transaction, so readers keep
 * seeing the old rows until the rebuilt ones commit.
 */
@Component
public class ReadModelRebuilder {

    static final String POLICY_PREFIX = "policy-";
    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilder.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final TransactionTemplate transaction;
    private final ConsistencyBarrier barrier;
    private final JdbcTemplate jdbc;
    private final int batchSize;
    private final int threads;
    private final Map<String, Replay> replays = new ConcurrentHashMap<>();
    /** Streaming groups whose pass is under way on this node. */
    private final Set<String> passing = ConcurrentHashMap.newKeySet();
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-replay");
        thread.setDaemon(true);
        return thread;
    });

    /** How far a one-transaction replay of a subscribing group has got. */
    public record Replay(long position, long resetPosition) {
    }

    /** A rebuild that cannot start here: another node holds the read models, or they are rebuilding already. */
    public static class RebuildRefused extends RuntimeException {
        RebuildRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A streaming read model taken over by a shared pass: its processor (and whether it ran here,
     * so a node without the projector role does not start it), its handlers, its segments.
     */
    private record Taken(String group, StreamingEventProcessor processor, boolean wasRunning,
                         EventHandlerInvoker invoker, int[] segments, HandledTypes handled) {
    }

    /**
     * Whether an invoker handles a payload type, asked once per type: asking the invoker for every
     * event (it walks its handlers) cost more than handling the few events a read model wants.
     * An invoker given an event none of its handlers accepts does nothing with it.
     */
    private static final class HandledTypes {
        private final EventHandlerInvoker invoker;
        private final Map<Class<?>, Boolean> known = new ConcurrentHashMap<>();

        HandledTypes(EventHandlerInvoker invoker) {
            this.invoker = invoker;
        }

        boolean handles(EventMessage<?> event) {
            return known.computeIfAbsent(event.getPayloadType(), invoker::canHandleType);
        }
    }

    public ReadModelRebuilder(EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokenStore,
                              TransactionManager transactions, PlatformTransactionManager transactionManager,
                              ConsistencyBarrier barrier, JdbcTemplate jdbc,
                              @Value("${annals.rebuild.batch-size}") int batchSize,
                              @Value("${annals.rebuild.threads}") int threads) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.transaction = new TransactionTemplate(transactionManager);
        this.barrier = barrier;
        this.jdbc = jdbc;
        this.batchSize = batchSize;
        this.threads = threads;
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
        replay(takeOver(streaming(groups)), subscribing(groups));
        barrier.awaitHead(groups.toArray(String[]::new));
    }

    /**
     * Starts rebuilding the named read models and returns once their old rows are gone and the
     * replay has begun (failing here if another node holds them); the replay runs in the background.
     */
    public synchronized void start(List<String> names) {
        names.forEach(this::processor); // unknown names fail before anything changes
        List<String> busy = names.stream().filter(group -> passing.contains(group) || replays.containsKey(group))
                .toList();
        if (!busy.isEmpty()) {
            throw new RebuildRefused("A rebuild of " + String.join(", ", busy) + " is under way", null);
        }
        List<Taken> taken = takeOver(streaming(names));
        List<String> subscribing = subscribing(names);
        subscribing.forEach(group -> replays.put(group, new Replay(-1, head())));
        background.execute(() -> replay(taken, subscribing));
    }

    /** The one-transaction replay under way for a subscribing group, or null. */
    public Replay replayOf(String group) {
        return replays.get(group);
    }

    private List<String> streaming(List<String> groups) {
        return groups.stream().filter(group -> processor(group) instanceof StreamingEventProcessor).toList();
    }

    private List<String> subscribing(List<String> groups) {
        return groups.stream().filter(group -> processor(group) instanceof SubscribingEventProcessor).toList();
    }

    private EventProcessor processor(String group) {
        if (group.startsWith(POLICY_PREFIX)) {
            throw new IllegalArgumentException("no read model named " + group);
        }
        return processing.eventProcessor(group)
                .orElseThrow(() -> new IllegalArgumentException("no read model named " + group));
    }

    /**
     * Stops the groups' processors here, claims every segment of theirs and, in one transaction,
     * empties their tables and sets each segment to replay from the start. If another node holds
     * a segment nothing changes and the processors start again.
     */
    private List<Taken> takeOver(List<String> groups) {
        List<Taken> taken = new ArrayList<>();
        for (String group : groups) {
            StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class)
                    .orElseThrow();
            boolean wasRunning = processor.isRunning();
            processor.shutDown();
            EventHandlerInvoker invoker = ((AbstractEventProcessor) processor).eventHandlerInvoker();
            taken.add(new Taken(group, processor, wasRunning, invoker,
                    transactions.fetchInTransaction(() -> segmentsOf(group)), new HandledTypes(invoker)));
        }
        try {
            TrackingToken head = eventStore.createHeadToken();
            transactions.executeInTransaction(() -> {
                for (Taken group : taken) {
                    for (int segment : group.segments()) {
                        tokenStore.fetchToken(group.group(), segment); // claims it, or throws if another node has it
                    }
                    group.invoker().performReset();
                    storePosition(group, replayUpTo(head, null));
                }
            });
        } catch (RuntimeException e) {
            restart(taken);
            throw new RebuildRefused("A read model could not be reset here (another node holds its segments): "
                    + "ask a node that runs the projectors", e);
        }
        taken.forEach(group -> passing.add(group.group()));
        return taken;
    }

    /** The group's segments; a group that never ran gets its first one here. */
    private int[] segmentsOf(String group) {
        int[] segments = tokenStore.fetchSegments(group);
        if (segments.length == 0) {
            tokenStore.initializeTokenSegments(group, 1);
            segments = tokenStore.fetchSegments(group);
        }
        return segments;
    }

    /** A replay token up to the head when the pass began, or the plain position once past it. */
    private static TrackingToken replayUpTo(TrackingToken head, TrackingToken position) {
        return head == null ? position : ReplayToken.createReplayToken(head, position);
    }

    /**
     * The taken groups shared among {@code threads} passes over the log, and the subscribing
     * groups one after the other, all at once: one pass alone leaves the database and this process
     * each waiting on the other half the time. Returns when every pass has ended.
     */
    private void replay(List<Taken> taken, List<String> subscribing) {
        List<Runnable> passes = new ArrayList<>();
        try {
            share(taken, threads).forEach(share -> passes.add(() -> pass(share)));
        } catch (RuntimeException e) {
            restart(taken); // the processors replay on their own from the reset
            throw e;
        }
        if (!subscribing.isEmpty()) {
            passes.add(() -> subscribing.forEach(this::replaySubscribing));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, passes.size()), runnable -> {
            Thread thread = new Thread(runnable, "read-model-replay-pass");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture.allOf(passes.stream().map(pass -> CompletableFuture.runAsync(pass, pool))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
        // Fresh statistics for the rebuilt tables; it also makes every connection plan its statements anew.
        jdbc.execute("ANALYZE");
    }

    /**
     * Groups split into at most {@code count} shares of about equal work: heaviest first, each to
     * the lightest share so far, a group's work being how many events of the log it handles.
     */
    private List<List<Taken>> share(List<Taken> taken, int count) {
        if (taken.isEmpty()) {
            return List.of();
        }
        Map<String, Long> eventsByType = new HashMap<>();
        jdbc.query("SELECT payloadtype, count(*) FROM domainevententry GROUP BY payloadtype",
                row -> {
                    eventsByType.put(row.getString(1), row.getLong(2));
                });
        Map<Taken, Long> work = new HashMap<>();
        for (Taken group : taken) {
            work.put(group, eventsByType.entrySet().stream()
                    .filter(type -> handlesType(group.invoker(), type.getKey()))
                    .mapToLong(Map.Entry::getValue).sum());
        }
        List<List<Taken>> shares = new ArrayList<>();
        long[] load = new long[Math.max(1, Math.min(count, taken.size()))];
        for (int i = 0; i < load.length; i++) {
            shares.add(new ArrayList<>());
        }
        taken.stream().sorted(Comparator.comparing(work::get).reversed()).forEach(group -> {
            int lightest = 0;
            for (int i = 1; i < load.length; i++) {
                lightest = load[i] < load[lightest] ? i : lightest;
            }
            shares.get(lightest).add(group);
            load[lightest] += work.get(group);
        });
        shares.removeIf(List::isEmpty);
        return shares;
    }

    private static boolean handlesType(EventHandlerInvoker invoker, String payloadType) {
        try {
            return invoker.canHandleType(Class.forName(payloadType));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** One pass over the log for the given groups, then their processors go on from its end. */
    private void pass(List<Taken> taken) {
        TrackingToken head = eventStore.createHeadToken();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
            while (true) {
                batch.clear();
                while (batch.size() < batchSize && stream.hasNextAvailable()) {
                    batch.add(stream.nextAvailable());
                }
                if (batch.isEmpty()) {
                    break;
                }
                handle(batch, taken, replayUpTo(head, batch.get(batch.size() - 1).trackingToken()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("read model rebuild interrupted; the processors go on replaying from where it stopped");
        } catch (RuntimeException e) {
            log.error("read model rebuild stopped; the processors go on replaying from where it stopped", e);
        } finally {
            restart(taken);
        }
    }

    /** A batch in one transaction: every event to every group that handles it, then their positions. */
    private void handle(List<TrackedEventMessage<?>> batch, List<Taken> taken, TrackingToken position) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(batch));
        unitOfWork.attachTransaction(transactions);
        unitOfWork.onPrepareCommit(u -> taken.forEach(group -> storePosition(group, position)));
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            if (unitOfWork.isFirstMessage()) {
                // The emptied tables grow by millions of rows during the pass: a plan made once, while
                // a table was small (a sequential scan), would stay. Plan each statement for its size now.
                jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            }
            EventMessage<?> event = unitOfWork.getMessage();
            for (Taken group : taken) {
                if (group.handled().handles(event)) {
                    group.invoker().handle(event, Segment.ROOT_SEGMENT);
                }
            }
            return null;
        });
        if (result.isExceptional()) {
            throw new IllegalStateException("replay failed at " + position, result.exceptionResult());
        }
    }

    private void storePosition(Taken group, TrackingToken position) {
        for (int segment : group.segments()) {
            tokenStore.storeToken(position, group.group(), segment);
        }
    }

    private void restart(List<Taken> taken) {
        for (Taken group : taken) {
            passing.remove(group.group());
            try {
                transactions.executeInTransaction(() -> {
                    for (int segment : group.segments()) {
                        tokenStore.releaseClaim(group.group(), segment);
                    }
                });
            } finally {
                if (group.wasRunning()) {
                    group.processor().start();
                }
            }
        }
    }

    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    private void replaySubscribing(String group) {
        EventHandlerInvoker invoker = ((SubscribingEventProcessor) processor(group)).eventHandlerInvoker();
        HandledTypes handled = new HandledTypes(invoker);
        long resetPosition = head();
        replays.put(group, new Replay(-1, resetPosition));
        try {
            transaction.executeWithoutResult(status -> {
                invoker.performReset();
                try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
                    while (stream.hasNextAvailable()) {
                        TrackedEventMessage<?> event = stream.nextAvailable();
                        if (!handled.handles(event)) {
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
        } finally {
            replays.remove(group);
        }
    }
}
