package social.annals.query.support;

import java.util.List;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;

/** Hands events to a read model as one batch, as a processor or a rebuild pass does. */
public final class OneBatch {

    private OneBatch() {
    }

    public static void deliver(List<Object> events, Consumer<Object> handler) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(
                events.stream().<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList());
        batch.executeWithResult(() -> {
            handler.accept(batch.getMessage().getPayload());
            return null;
        });
    }
}
