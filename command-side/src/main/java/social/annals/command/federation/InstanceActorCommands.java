package social.annals.command.federation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The instance's own actor, which signs the fetches made on no account's behalf. */
public final class InstanceActorCommands {

    /** Its id in the event log and in the actor-keys read model; account ids never look like this. */
    public static final String ID = "instance-actor";

    private InstanceActorCommands() {
    }

    /** Give the instance actor its signing key if it has none yet. */
    public record EnsureKey(@TargetAggregateIdentifier String instanceActorId) {
        public EnsureKey() {
            this(ID);
        }
    }
}
