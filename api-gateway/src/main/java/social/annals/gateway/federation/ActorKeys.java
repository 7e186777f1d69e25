package social.annals.gateway.federation;

import org.springframework.stereotype.Component;
import social.annals.command.account.AccountCommands;
import social.annals.command.federation.InstanceActorCommands;
import social.annals.gateway.api.Queries;
import social.annals.gateway.consistency.Commands;
import social.annals.query.federation.ActorKeyQueries;

/** A local account's signing key; an account registered before federation gets one when first asked. */
@Component
public class ActorKeys {

    private final Queries queries;
    private final Commands commands;

    public ActorKeys(Queries queries, Commands commands) {
        this.queries = queries;
        this.commands = commands;
    }

    /** Null only for an account that no longer exists. */
    public ActorKeyQueries.SigningKey of(String accountId) {
        ActorKeyQueries.SigningKey key = find(accountId);
        if (key != null) {
            return key;
        }
        commands.sendAndWait(new AccountCommands.EnsureSigningKey(accountId));
        return find(accountId);
    }

    /** The instance actor's key, made the first time it is needed. */
    public ActorKeyQueries.SigningKey instanceActor() {
        ActorKeyQueries.SigningKey key = find(InstanceActorCommands.ID);
        if (key != null) {
            return key;
        }
        commands.sendAndWait(new InstanceActorCommands.EnsureKey());
        return find(InstanceActorCommands.ID);
    }

    private ActorKeyQueries.SigningKey find(String accountId) {
        return queries.one(new ActorKeyQueries.SigningKeyOf(accountId), ActorKeyQueries.SigningKey.class);
    }
}
