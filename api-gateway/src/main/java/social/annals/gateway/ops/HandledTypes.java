package social.annals.gateway.ops;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;

/**
 * A read model's handlers, offered each event of a rebuild. Whether they take a payload type is
 * asked once per type: asking the invoker for every event (it walks its handlers) cost more than
 * handling the few events a read model wants.
 */
final class HandledTypes {

    private final EventHandlerInvoker invoker;
    private final Map<Class<?>, Boolean> known = new ConcurrentHashMap<>();

    HandledTypes(EventHandlerInvoker invoker) {
        this.invoker = invoker;
    }

    /** Hands the event to the read model's handlers if any of them takes its type. */
    void offer(EventMessage<?> event) throws Exception {
        if (known.computeIfAbsent(event.getPayloadType(), invoker::canHandleType)) {
            invoker.handle(event, Segment.ROOT_SEGMENT);
        }
    }
}
