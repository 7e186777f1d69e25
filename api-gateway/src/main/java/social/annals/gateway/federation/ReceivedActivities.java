package social.annals.gateway.federation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import social.annals.command.federation.InboundActivityCommands;
import social.annals.events.federation.ActivityReceived;

/**
 * Activities received before, by their id, from the log itself: an {@code Undo} that names the
 * undone activity by its id only (not embedded) is understood from what that activity was.
 */
@Component
class ReceivedActivities {

    private final EventStore events;
    private final ObjectMapper json;

    ReceivedActivities(EventStore events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    /** The activity received with this id, or null (never received, or its sender's data erased). */
    JsonNode byId(String activityUri) {
        DomainEventStream stream = events.readEvents(InboundActivityCommands.inboundIdOf(activityUri));
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof ActivityReceived received && received.activity() != null
                    && activityUri.equals(received.activityUri())) {
                try {
                    return json.readTree(received.activity());
                } catch (JsonProcessingException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
