package social.annals.gateway.ops;

import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import social.annals.gateway.consistency.ConsistencyBarrier;

/**
 * Rebuilds read models from the event log. A streaming group is reset and replays in the
 * background. A subscribing group is emptied and replayed inside one database transaction, so
 * readers keep seeing the old rows until the rebuilt ones commit.
 */
@Component
public class ReadModelRebuilder {

    static final String POLICY_PREFIX = "policy-";

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TransactionTemplate transaction;
    private final ConsistencyBarrier barrier;

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

    public void rebuild(String group) {
        EventProcessor processor = processing.eventProcessor(group)
                .orElseThrow(() -> new IllegalArgumentException("no read model named " + group));
        if (processor instanceof StreamingEventProcessor streaming) {
            streaming.shutDown();
            streaming.resetTokens();
            streaming.start();
        } else if (processor instanceof SubscribingEventProcessor subscribing) {
            replayInOneTransaction(subscribing.eventHandlerInvoker());
        }
    }

    private void replayInOneTransaction(EventHandlerInvoker invoker) {
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
