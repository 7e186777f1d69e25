package social.annals.gateway.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import social.annals.gateway.consistency.ConsistencyBarrier;
import social.annals.gateway.consistency.ReadModels;
import social.annals.gateway.infra.BackgroundThreads;

/**
 * Rebuilds read models from the event log.
 * <p>
 * A few passes run at once, the read models shared among them, each reading only the events its
 * read models handle. Streaming read models: their processors on this node stop, every segment's
 * claim is taken, the tables are emptied, and a pass hands every event to each of its read models
 * that handles it, committing a batch of events with those read models' positions in one
 * transaction. The positions are replay tokens in the shared token table, so every node reports
 * the progress, and if this node stops half way the processors go on replaying from there. Once a
 * pass reaches the head its processors start again from where it ended, so events written
 * meanwhile are not lost. Reads meanwhile answer from the rows rebuilt so far (the degraded mode
 * docs/operations.md describes).
 * <p>
 * The subscribing groups are replayed by one more pass into copies of their tables, in short
 * transactions with their writes sent in batches ({@link DeferredWrites}), while the live tables
 * keep serving; the copies then replace them under a brief lock, so readers and the command side
 * see the old rows until the rebuilt ones are complete.
 */
@Component
public class ReadModelRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilder.class);
    /**
     * How long other nodes hold off the segments they released for a rebuild: long enough for it to
     * claim them; the rebuild's own writes keep its claims fresh afterwards.
     */
    private static final Duration RELEASE_HOLD = Duration.ofMinutes(1);
    private static final long CLAIM_RETRY_MS = 250;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final TransactionTemplate transaction;
    private final ConsistencyBarrier barrier;
    private final JdbcTemplate jdbc;
    private final LogReader logReader;
    private final int batchSize;
    private final int threads;
    private final SubscribingReplays replays;
    private final SegmentReleases releases;
    private final Duration claimWait;
    /** One replay into copies at a time. */
    private final Lock shadowing = new ReentrantLock();
    /** Streaming groups whose pass is under way on this node. */
    private final Set<String> passing = ConcurrentHashMap.newKeySet();
    /** Rebuilds of different read models run side by side: a later one does not wait with its tables emptied. */
    private final ExecutorService background;
    private final int backgroundNice;

    /** A rebuild that cannot start here: another node holds the read models, or they are rebuilding already. */
    public static class RebuildRefused extends RuntimeException {
        RebuildRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public ReadModelRebuilder(EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokenStore,
                              TransactionManager transactions, PlatformTransactionManager transactionManager,
                              ConsistencyBarrier barrier, JdbcTemplate jdbc, Configuration axon,
                              @Value("${annals.rebuild.batch-size}") int batchSize,
                              @Value("${annals.rebuild.threads}") int threads, SegmentReleases releases,
                              @Value("${annals.rebuild.claim-wait-ms:15000}") long claimWaitMs,
                              @Value("${annals.background.nice:0}") int backgroundNice) {
        this.backgroundNice = backgroundNice;
        this.background = Executors.newCachedThreadPool(BackgroundThreads.daemons("read-model-replay", backgroundNice));
        this.releases = releases;
        this.claimWait = Duration.ofMillis(claimWaitMs);
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.transaction = new TransactionTemplate(transactionManager);
        this.barrier = barrier;
        this.jdbc = jdbc;
        this.logReader = new LogReader(jdbc, axon.eventSerializer(), axon.upcasterChain());
        this.batchSize = batchSize;
        this.threads = threads;
        this.replays = new SubscribingReplays(jdbc, transaction);
    }

    /**
     * Every read model (processing group), by name. Policies, which turn events into commands,
     * are not read models: replaying them would act twice.
     */
    public List<String> groups() {
        return processing.eventProcessors().keySet().stream()
                .filter(ReadModels::isReadModel)
                .sorted().collect(Collectors.toList());
    }

    /** Rebuilds every read model and returns when all of them have caught up again. */
    public void rebuildAll() {
        List<String> groups = groups();
        replay(claim(groups, () -> { }), subscribing(groups));
        barrier.awaitHead(groups.toArray(String[]::new));
    }

    /**
     * Starts rebuilding the named read models and returns once their old rows are gone and the
     * replay has begun (failing here if another node holds them); the replay runs in the background.
     * {@code record} (the audit) runs in the transaction that empties the tables: a rebuild that
     * cannot be recorded does not start, and one that is refused is not recorded.
     */
    public synchronized void start(List<String> names, Runnable record) {
        names.forEach(this::processor); // unknown names fail before anything changes
        // A subscribing group's replay under way, on any node, is refused by its claim.
        List<String> busy = names.stream().filter(passing::contains).toList();
        if (!busy.isEmpty()) {
            throw new RebuildRefused("A rebuild of " + String.join(", ", busy) + " is under way", null);
        }
        List<Taken> taken = claim(names, record);
        background.execute(() -> replay(taken, subscribing(names)));
    }

    /** The subscribing groups claimed for a replay (on any node, once) and the streaming ones taken over. */
    private List<Taken> claim(List<String> names, Runnable record) {
        List<String> subscribing = subscribing(names);
        if (!replays.claim(subscribing, head())) {
            throw new RebuildRefused("A rebuild of " + String.join(", ", subscribing) + " is under way", null);
        }
        try {
            return takeOver(streaming(names), record);
        } catch (RuntimeException e) {
            replays.ended(subscribing);
            throw e;
        }
    }

    /** The replay under way, on any node, for a subscribing group, or null. */
    SubscribingReplays.Replay replayOf(String group) {
        return replays.of(group);
    }

    private List<String> streaming(List<String> groups) {
        return groups.stream().filter(group -> processor(group) instanceof StreamingEventProcessor).toList();
    }

    private List<String> subscribing(List<String> groups) {
        return groups.stream().filter(group -> processor(group) instanceof SubscribingEventProcessor).toList();
    }

    private EventProcessor processor(String group) {
        if (!ReadModels.isReadModel(group)) {
            throw new IllegalArgumentException("no read model named " + group);
        }
        return processing.eventProcessor(group)
                .orElseThrow(() -> new IllegalArgumentException("no read model named " + group));
    }

    /**
     * Stops the groups' processors here, claims every segment of theirs and, in one transaction,
     * empties their tables, sets each segment to replay from the start and runs {@code record}. If
     * another node holds a segment, or {@code record} fails, nothing changes and the processors
     * start again.
     */
    private List<Taken> takeOver(List<String> groups, Runnable record) {
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
        long deadline = System.nanoTime() + claimWait.toNanos();
        boolean asked = false;
        while (true) {
            try {
                TrackingToken head = eventStore.createHeadToken();
                transactions.executeInTransaction(() -> {
                    for (Taken group : taken) {
                        for (int segment : group.segments()) {
                            tokenStore.fetchToken(group.group(), segment); // claims it, or throws if another node has it
                        }
                        group.invoker().performReset();
                        storePosition(group, PassReader.replayUpTo(head, null));
                    }
                    record.run();
                });
                break;
            } catch (UnableToClaimTokenException e) {
                // Another node holds a segment: ask it to let go, and try again until it has.
                if (!asked) {
                    releases.request(groups, RELEASE_HOLD);
                    asked = true;
                }
                if (System.nanoTime() > deadline || !pause()) {
                    releases.withdraw(groups);
                    restart(taken);
                    throw new RebuildRefused("A read model could not be reset here (another node holds its segments "
                            + "and did not release them within " + claimWait.toSeconds() + " s)", e);
                }
            } catch (RuntimeException e) {
                releases.withdraw(groups);
                restart(taken);
                throw e;
            }
        }
        if (asked) {
            releases.withdraw(groups);
        }
        taken.forEach(group -> passing.add(group.group()));
        return taken;
    }

    /** A short wait between claims; false when interrupted. */
    private static boolean pause() {
        try {
            Thread.sleep(CLAIM_RETRY_MS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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

    /**
     * The taken groups shared among {@code threads} passes, and the subscribing groups in one more,
     * all at once: one pass alone leaves the database and this process each waiting on the other
     * half the time. Each pass reads only the events its read models handle, at its own pace, up
     * to the head of the log when the rebuild began, and then what was written meanwhile through
     * the event store. Returns when every pass has ended.
     */
    private void replay(List<Taken> taken, List<String> subscribing) {
        TrackingToken head = eventStore.createHeadToken();
        List<Runnable> passes = new ArrayList<>();
        try {
            // Taken once for all passes, before any reads: an event still committing now is in its gaps.
            GapAwareTrackingToken start = logReader.positionAt(head == null ? 0 : head.position().orElse(0));
            Map<String, Long> eventsByType = PassPlan.eventsByType(jdbc);
            PassPlan.share(taken, Taken::invoker, threads, eventsByType).forEach(share -> passes.add(new StreamingPass(
                    share, reader(head, start, PassPlan.typesFor(share.stream().map(Taken::invoker).toList(),
                    eventsByType)))));
            if (!subscribing.isEmpty()) {
                List<EventHandlerInvoker> invokers = subscribing.stream()
                        .map(group -> ((SubscribingEventProcessor) processor(group)).eventHandlerInvoker()).toList();
                passes.add(new SubscribingPass(subscribing, invokers,
                        reader(head, start, PassPlan.typesFor(invokers, eventsByType)), logReader, jdbc, transaction,
                        replays, shadowing));
            }
        } catch (RuntimeException e) {
            restart(taken); // the processors replay on their own from the reset
            replays.ended(subscribing);
            throw e;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, passes.size()),
                BackgroundThreads.daemons("read-model-replay-pass", backgroundNice));
        try {
            CompletableFuture.allOf(passes.stream().map(pass -> CompletableFuture.runAsync(pass, pool))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
        // Fresh statistics for the rebuilt tables; it also makes every connection plan its statements anew.
        jdbc.execute("ANALYZE");
    }

    /** Streaming groups: a batch per transaction, with their positions; then their processors go on from its end. */
    private final class StreamingPass implements Runnable {
        private final List<Taken> taken;
        private final PassReader reader;

        StreamingPass(List<Taken> taken, PassReader reader) {
            this.taken = taken;
            this.reader = reader;
        }

        @Override
        public void run() {
            try {
                reader.read((batch, position) -> {
                    if (batch.isEmpty()) {
                        transactions.executeInTransaction(() -> taken.forEach(group -> storePosition(group, position)));
                    } else {
                        handle(batch, taken, position);
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("read model rebuild interrupted; the processors go on replaying from where it stopped");
            } catch (RuntimeException e) {
                log.error("read model rebuild stopped; the processors go on replaying from where it stopped", e);
            } finally {
                restart(taken);
            }
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
                group.handled().offer(event);
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

    private PassReader reader(TrackingToken head, GapAwareTrackingToken start, Set<String> types) {
        return new PassReader(logReader, eventStore, batchSize, head, start, types);
    }

    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }
}
