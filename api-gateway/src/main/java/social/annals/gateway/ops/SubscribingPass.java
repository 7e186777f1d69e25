package social.annals.gateway.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A rebuild's pass over the subscribing read models: replayed into {@link ShadowTables copies} of
 * their tables, a batch per transaction, while the live tables keep serving the command side and
 * readers; then the copies take the live tables' place. A failure leaves the live tables as they were.
 */
final class SubscribingPass implements Runnable {

    /** How often a replay waiting for its turn to make copies reports that it is still under way. */
    private static final int WAITING_REPORT_SECONDS = 30;

    private final List<String> groups;
    private final List<EventHandlerInvoker> invokers;
    private final PassReader reader;
    private final LogReader logReader;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SubscribingReplays replays;
    /** Copies are made of, and swapped into, the whole schema: one replay into copies at a time. */
    private final Lock shadowing;

    SubscribingPass(List<String> groups, List<EventHandlerInvoker> invokers, PassReader reader, LogReader logReader,
                    JdbcTemplate jdbc, TransactionTemplate transaction, SubscribingReplays replays, Lock shadowing) {
        this.groups = groups;
        this.invokers = invokers;
        this.reader = reader;
        this.logReader = logReader;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.replays = replays;
        this.shadowing = shadowing;
    }

    @Override
    public void run() {
        try {
            while (!shadowing.tryLock(WAITING_REPORT_SECONDS, TimeUnit.SECONDS)) {
                replays.waiting(groups);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            replays.ended(groups);
            throw new IllegalStateException("interrupted waiting for another replay into copies", e);
        }
        try {
            replayIntoCopies();
        } finally {
            shadowing.unlock();
            replays.ended(groups);
        }
    }

    private void replayIntoCopies() {
        List<HandledTypes> readModels = invokers.stream().map(HandledTypes::new).toList();
        ShadowTables shadow = null;
        try {
            shadow = ShadowTables.of(jdbc, transaction, () -> invokers.forEach(EventHandlerInvoker::performReset));
            ShadowTables copies = shadow;
            Set<String> relations = DeferredWrites.relationNames(jdbc);
            GapAwareTrackingToken reached = reader.read((batch, position) -> {
                transaction.executeWithoutResult(status -> {
                    copies.enter();
                    jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
                    // Their handlers write a row or two per event: sent in batches, not a round trip each.
                    DeferredWrites.during(jdbc.getDataSource(), relations, () -> handleTogether(batch, readModels));
                    replays.moved(groups, position.position().orElse(-1));
                });
            });
            copies.swap(() -> handleTogether(logReader.readSince(reached), readModels));
            shadow = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during replay", e);
        } finally {
            if (shadow != null) {
                shadow.drop();
            }
        }
    }

    /** A batch in one unit of work, in the caller's transaction: each event to every group that handles it. */
    private static void handleTogether(List<? extends TrackedEventMessage<?>> batch, List<HandledTypes> readModels) {
        if (batch.isEmpty()) {
            return;
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(batch));
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            EventMessage<?> event = unitOfWork.getMessage();
            for (HandledTypes readModel : readModels) {
                readModel.offer(event);
            }
            return null;
        });
        if (result.isExceptional()) {
            throw new IllegalStateException("replay failed in the batch ending at "
                    + batch.get(batch.size() - 1).trackingToken(), result.exceptionResult());
        }
    }
}
