package social.annals.command.federation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.command.account.SigningKeyPairs;
import social.annals.events.account.SigningKeyGenerated;

/** The instance actor: its one fact is its signing key, kept like an account's. */
@Aggregate
class InstanceActor {

    @AggregateIdentifier
    private String id;

    InstanceActor() {
    }

    /** Created by the first node that needs it; a second node racing it loses the append and finds it. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(InstanceActorCommands.EnsureKey command, Clock clock, SigningKeyPairs keyPairs) {
        if (id == null) {
            SigningKeyPairs.Pem keys = keyPairs.generate();
            apply(new SigningKeyGenerated(command.instanceActorId(), keys.publicKey(), keys.privateKey(),
                    clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(SigningKeyGenerated event) {
        id = event.accountId();
    }
}
