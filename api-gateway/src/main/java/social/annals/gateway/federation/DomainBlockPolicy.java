package social.annals.gateway.federation;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import social.annals.command.social.RelationshipCommands;
import social.annals.events.social.DomainBlocked;
import social.annals.gateway.api.Queries;
import social.annals.query.social.RelationshipQueries;

/**
 * A user's domain block, as on Mastodon: the accounts of that domain that follow the user stop
 * following (their servers get a Reject of the Follow) and those asking to are refused. A process,
 * in the processor's transaction, never replayed: what it did is in the log.
 */
@Component
@ProcessingGroup("policy-domain-blocks")
@DisallowReplay
class DomainBlockPolicy {

    private final Queries queries;
    private final CommandGateway bus;

    DomainBlockPolicy(Queries queries, CommandBus commandBus) {
        this.queries = queries;
        this.bus = DefaultCommandGateway.builder().commandBus(commandBus).build();
    }

    @EventHandler
    void on(DomainBlocked event) {
        for (String follower : queries.many(new RelationshipQueries.FollowersOnDomain(event.accountId(),
                event.domain()), String.class)) {
            bus.sendAndWait(new RelationshipCommands.RemoveFollowerOfBlockedDomain(event.accountId(), follower));
        }
    }
}
