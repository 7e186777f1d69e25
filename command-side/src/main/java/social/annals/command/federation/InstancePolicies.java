package social.annals.command.federation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.events.federation.InstancePoliciesChanged;
import social.annals.events.federation.InstancePolicy;

/** What applies to one host: the set an admin last gave it, and why. */
@Aggregate
class InstancePolicies {

    @AggregateIdentifier
    private String policyId;
    private Set<InstancePolicy> policies = EnumSet.noneOf(InstancePolicy.class);
    private String reason;

    InstancePolicies() {
    }

    /** Setting what applies already changes nothing and is not logged. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(InstancePolicyCommands.Change command, Clock clock) {
        Set<InstancePolicy> wanted = command.policies().isEmpty() ? EnumSet.noneOf(InstancePolicy.class)
                : EnumSet.copyOf(command.policies());
        String wantedReason = wanted.isEmpty() || command.reason() == null || command.reason().isBlank() ? null
                : command.reason().strip();
        Set<InstancePolicy> applied = EnumSet.copyOf(wanted);
        applied.removeAll(policies);
        Set<InstancePolicy> lifted = EnumSet.copyOf(policies);
        lifted.removeAll(wanted);
        if (applied.isEmpty() && lifted.isEmpty() && Objects.equals(reason, wantedReason)) {
            return;
        }
        apply(new InstancePoliciesChanged(command.host(), List.copyOf(wanted), List.copyOf(applied),
                List.copyOf(lifted), wantedReason, command.by(), clock.instant()));
    }

    @EventSourcingHandler
    void on(InstancePoliciesChanged event) {
        policyId = InstancePolicyCommands.Change.idOf(event.host());
        policies = event.policies().isEmpty() ? EnumSet.noneOf(InstancePolicy.class)
                : EnumSet.copyOf(event.policies());
        reason = event.reason();
    }
}
