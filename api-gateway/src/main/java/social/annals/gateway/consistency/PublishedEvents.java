package social.annals.gateway.consistency;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;

/**
 * Records the events published on this thread while a command is being sent: which aggregates
 * they belong to and their payload types, so the send can wait for exactly the read models they
 * feed. Aggregates, not event identifiers: a lost append race is retried on another thread, and the
 * retry's events belong to the same aggregates as the attempt recorded here.
 */
@Component
public class PublishedEvents implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final ThreadLocal<Recording> CURRENT = new ThreadLocal<>();

    /** What one send published. Nested sends add to the enclosing recording as well. */
    public static final class Recording {
        private final Recording enclosing;
        final Set<String> aggregateIds = new LinkedHashSet<>();
        final Set<String> eventIds = new LinkedHashSet<>();
        final Set<Class<?>> payloadTypes = new LinkedHashSet<>();

        private Recording(Recording enclosing) {
            this.enclosing = enclosing;
        }

        void add(EventMessage<?> event) {
            if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
                aggregateIds.add(domain.getAggregateIdentifier());
            } else {
                eventIds.add(event.getIdentifier());
            }
            payloadTypes.add(event.getPayloadType());
        }

        boolean isEmpty() {
            return payloadTypes.isEmpty();
        }
    }

    public PublishedEvents(EventStore eventStore) {
        eventStore.registerDispatchInterceptor(this);
    }

    Recording start() {
        Recording recording = new Recording(CURRENT.get());
        CURRENT.set(recording);
        return recording;
    }

    void stop(Recording recording) {
        if (recording.enclosing == null) {
            CURRENT.remove();
        } else {
            recording.enclosing.aggregateIds.addAll(recording.aggregateIds);
            recording.enclosing.eventIds.addAll(recording.eventIds);
            recording.enclosing.payloadTypes.addAll(recording.payloadTypes);
            CURRENT.set(recording.enclosing);
        }
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        Recording recording = CURRENT.get();
        if (recording != null) {
            messages.forEach(recording::add);
        }
        return (index, message) -> message;
    }
}
