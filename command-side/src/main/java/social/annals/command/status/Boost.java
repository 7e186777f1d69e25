package social.annals.command.status;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.events.status.StatusReblogged;
import social.annals.events.status.StatusUnreblogged;

/** One account's boost of one status (account × status); answers the boost's id, or null when there is none. */
@Aggregate
class Boost {

    @AggregateIdentifier
    private String boostKey;
    private String reblogId;

    Boost() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(StatusCommands.Reblog command, Clock clock) {
        if (reblogId == null) {
            apply(new StatusReblogged(command.reblogId(), command.accountId(), command.statusId(),
                    command.statusAuthorId(), clock.instant()));
        }
        return reblogId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(StatusCommands.Unreblog command, Clock clock) {
        if (reblogId != null) {
            apply(new StatusUnreblogged(reblogId, command.accountId(), command.statusId(), clock.instant()));
        }
        return null;
    }

    @EventSourcingHandler
    void on(StatusReblogged event) {
        boostKey = "reblog:" + event.accountId() + ":" + event.statusId();
        reblogId = event.reblogId();
    }

    @EventSourcingHandler
    void on(StatusUnreblogged event) {
        boostKey = "reblog:" + event.accountId() + ":" + event.statusId();
        reblogId = null;
    }
}
