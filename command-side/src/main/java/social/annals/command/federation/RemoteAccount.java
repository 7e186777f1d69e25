package social.annals.command.federation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.events.federation.RemoteAccountDeleted;
import social.annals.events.federation.RemoteAccountDiscovered;
import social.annals.events.federation.RemoteAccountUpdated;
import social.annals.events.federation.RemoteProfile;

/**
 * An account of another server, known here under a local id so that follows, statuses and
 * notifications treat it like any account. Its actor URI never changes; its profile does.
 */
@Aggregate
class RemoteAccount {

    @AggregateIdentifier
    private String accountId;
    private RemoteProfile profile;
    private boolean deleted;

    RemoteAccount() {
    }

    RemoteAccount(RemoteAccountDiscovered discovered) {
        apply(discovered);
    }

    @CommandHandler
    public String handle(RemoteAccountCommands.Refresh command, Clock clock) {
        if (deleted) {
            throw new FederationRefused("The actor deleted itself");
        }
        if (!command.profile().actorUri().equals(profile.actorUri())) {
            throw new FederationRefused("An actor cannot change its id");
        }
        if (!command.profile().equals(profile)) {
            apply(new RemoteAccountUpdated(accountId, command.profile(), clock.instant()));
        }
        return accountId;
    }

    @CommandHandler
    public void handle(RemoteAccountCommands.Delete command, Clock clock) {
        if (!deleted) {
            apply(new RemoteAccountDeleted(accountId, profile.actorUri(), clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(RemoteAccountDiscovered event) {
        accountId = event.accountId();
        profile = event.profile();
    }

    @EventSourcingHandler
    void on(RemoteAccountUpdated event) {
        profile = event.profile();
    }

    @EventSourcingHandler
    void on(RemoteAccountDeleted event) {
        deleted = true;
    }
}
