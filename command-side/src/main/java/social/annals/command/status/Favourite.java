package social.annals.command.status;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.events.status.StatusFavourited;
import social.annals.events.status.StatusUnfavourited;

/**
 * One account's favourite of one status. An aggregate per account × status, so favourites of a
 * popular status never wait on each other; repeating either action changes nothing.
 */
@Aggregate
class Favourite {

    @AggregateIdentifier
    private String favouriteId;
    private boolean favourited;

    Favourite() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(StatusCommands.Favourite command, Clock clock) {
        if (!favourited) {
            apply(new StatusFavourited(command.accountId(), command.statusId(), command.statusAuthorId(),
                    clock.instant()));
        }
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(StatusCommands.Unfavourite command, Clock clock) {
        if (favourited) {
            apply(new StatusUnfavourited(command.accountId(), command.statusId(), command.statusAuthorId(),
                    clock.instant()));
        }
        return false;
    }

    @EventSourcingHandler
    void on(StatusFavourited event) {
        favouriteId = "fav:" + event.accountId() + ":" + event.statusId();
        favourited = true;
    }

    @EventSourcingHandler
    void on(StatusUnfavourited event) {
        favouriteId = "fav:" + event.accountId() + ":" + event.statusId();
        favourited = false;
    }
}
