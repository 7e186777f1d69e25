package social.annals.gateway.federation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import social.annals.events.federation.ActivityReceived;
import social.annals.gateway.api.Queries;
import social.annals.query.federation.RemoteActorQueries;
import social.annals.query.federation.RemoteActorQueries.RemoteActor;

/**
 * Acts on the activities the inbox received, in the order they came, each in the processor's
 * transaction with what it does: a follow, a status, a deletion, a profile. A process, never
 * replayed: what it did is in the log, and a rebuild takes it from there without acting again.
 */
@Component
@ProcessingGroup("policy-inbox")
@DisallowReplay
class InboxProcess {

    private static final Logger log = LoggerFactory.getLogger(InboxProcess.class);

    private final ActivityInbox inbox;
    private final Queries queries;
    private final ObjectMapper json;
    /** Straight to the bus: a conflict fails the event, and the processor retries it in a fresh transaction. */
    private final CommandGateway bus;

    InboxProcess(ActivityInbox inbox, Queries queries, ObjectMapper json, CommandBus commandBus) {
        this.inbox = inbox;
        this.queries = queries;
        this.json = json;
        this.bus = DefaultCommandGateway.builder().commandBus(commandBus).build();
    }

    @EventHandler
    void on(ActivityReceived event) {
        if (event.activity() == null) {
            return; // its sender's personal data was erased
        }
        RemoteActor sender = queries.many(new RemoteActorQueries.ByAccountIds(List.of(event.actorId())),
                RemoteActor.class).stream().findFirst().orElse(null);
        if (sender == null) {
            log.warn("Activity {} of an unknown sender {} dropped", event.activityUri(), event.actorId());
            return;
        }
        JsonNode activity;
        try {
            activity = json.readTree(event.activity());
        } catch (JsonProcessingException e) {
            log.warn("Activity {} is not JSON any more; dropped", event.activityUri());
            return;
        }
        inbox.act(activity, sender, bus);
    }
}
