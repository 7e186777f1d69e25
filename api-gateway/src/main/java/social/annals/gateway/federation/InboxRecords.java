package social.annals.gateway.federation;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;
import social.annals.command.federation.InboundActivityCommands;
import social.annals.events.federation.InstancePolicy;
import social.annals.gateway.consistency.Commands;
import social.annals.query.federation.RemoteActorQueries.RemoteActor;

/**
 * What the inbox records of a verified activity before it answers: received (to be acted on by
 * {@link InboxProcess}), or rejected by an instance policy. A redelivered activity is not received
 * again, and one of a type we do not act on is not recorded.
 */
@Component
public class InboxRecords {

    private final Commands commands;

    public InboxRecords(Commands commands) {
        this.commands = commands;
    }

    /**
     * Records the activity as received, to be acted on by {@link InboxProcess}; answers false when
     * it was received before or is of a type we do not act on (then nothing is recorded).
     */
    public boolean receive(JsonNode activity, String json, RemoteActor sender) {
        String type = ActorDocumentReader.text(activity, "type");
        if (!ActivityInbox.understands(type)) {
            return false;
        }
        InboundActivityCommands.Receive receive = InboundActivityCommands.Receive.of(ActivityInbox.idOf(activity), type,
                sender.accountId(), ActivityInbox.idOf(activity.get("object")), json);
        try {
            commands.inOneTransactionWithoutReadYourWrites(bus -> bus.sendAndWait(receive));
            return true;
        } catch (RuntimeException e) {
            if (!inTheLogAlready(e)) {
                throw e;
            }
        }
        // Its id is in the log already: received before (a redelivery), or only rejected.
        boolean[] fresh = {false};
        commands.inOneTransactionWithoutReadYourWrites(bus -> fresh[0] = bus.sendAndWait(
                new InboundActivityCommands.ReceiveAgain(receive)));
        return fresh[0];
    }

    /** Records that an instance policy stopped the activity at the door (of a type we act on). */
    public void reject(JsonNode activity, String actorUri, InstancePolicy policy) {
        String type = ActorDocumentReader.text(activity, "type");
        if (ActivityInbox.understands(type)) {
            commands.inOneTransactionWithoutReadYourWrites(bus -> bus.sendAndWait(rejection(activity, actorUri,
                    policy)));
        }
    }

    static InboundActivityCommands.Reject rejection(JsonNode activity, String actorUri, InstancePolicy policy) {
        return InboundActivityCommands.Reject.of(ActivityInbox.idOf(activity), ActorDocumentReader.text(activity, "type"),
                actorUri, HostPolicies.authorityOf(actorUri), ActivityInbox.idOf(activity.get("object")), policy);
    }

    private static boolean inTheLogAlready(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }
}
