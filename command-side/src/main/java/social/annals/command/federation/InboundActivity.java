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

/**
 * One activity another server delivered, by its id: it exists once, so a redelivery (servers
 * retry whenever they are unsure) finds it and is not acted on twice; two deliveries at once
 * conflict on the append and the loser's retry finds it.
 */
@Aggregate
class InboundActivity {

    @AggregateIdentifier
    private String inboundId;

    InboundActivity() {
    }

    /** Two deliveries at once both find none: both append the first event, and the loser's retry finds it. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(InboundActivityCommands.Receive command, Clock clock) {
        if (inboundId != null) {
            return false;
        }
        apply(new ActivityReceived(command.inboundId(), command.activityUri(), command.type(), command.actorId(),
                command.objectUri(), command.activity(), clock.instant()));
        return true;
    }

    @EventSourcingHandler
    void on(ActivityReceived event) {
        inboundId = event.inboundId();
    }
}
