package social.annals.command.federation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.events.federation.ActivityReceived;
import social.annals.events.federation.ActivityRejected;

/**
 * One activity another server delivered, by its id: it is received once, so a redelivery (servers
 * retry whenever they are unsure) finds it and is not acted on twice; two deliveries at once
 * conflict on the append and the loser, sent again, finds it. It is rejected once too; one
 * rejected at the door may still be received when its server sends it again after the policy was
 * lifted.
 */
@Aggregate
class InboundActivity {

    @AggregateIdentifier
    private String inboundId;
    private boolean received;
    private boolean rejected;

    InboundActivity() {
    }

    /**
     * A new activity, recorded without reading the log: two deliveries at once both append the
     * first event, and the loser's append fails, as does one of an id seen before.
     */
    @CommandHandler
    InboundActivity(InboundActivityCommands.Receive command, Clock clock) {
        apply(received(command, clock));
    }

    @CommandHandler
    public boolean handle(InboundActivityCommands.ReceiveAgain command, Clock clock) {
        if (received) {
            return false;
        }
        apply(received(command.receive(), clock));
        return true;
    }

    private static ActivityReceived received(InboundActivityCommands.Receive command, Clock clock) {
        return new ActivityReceived(command.inboundId(), command.activityUri(), command.type(), command.actorId(),
                command.objectUri(), command.activity(), clock.instant());
    }

    /** Answers false when it was rejected before (a redelivery): one record per activity. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(InboundActivityCommands.Reject command, Clock clock) {
        if (rejected) {
            return false;
        }
        apply(new ActivityRejected(command.inboundId(), command.activityUri(), command.type(), command.actorUri(),
                command.host(), command.objectUri(), command.policy(), clock.instant()));
        return true;
    }

    @EventSourcingHandler
    void on(ActivityReceived event) {
        inboundId = event.inboundId();
        received = true;
    }

    @EventSourcingHandler
    void on(ActivityRejected event) {
        inboundId = event.inboundId();
        rejected = true;
    }
}
