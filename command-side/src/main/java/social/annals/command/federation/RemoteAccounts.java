package social.annals.command.federation;

import java.time.Clock;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import social.annals.events.federation.RemoteAccountDiscovered;

/** Decides a discovery: the account an actor URI is already known under, or a new one. */
@Component
class RemoteAccounts {

    private final Repository<RemoteAccount> accounts;
    private final RemoteAccountLookup lookup;

    RemoteAccounts(Repository<RemoteAccount> accounts, RemoteAccountLookup lookup) {
        this.accounts = accounts;
        this.lookup = lookup;
    }

    @CommandHandler
    public String handle(RemoteAccountCommands.Discover command, Clock clock) throws Exception {
        Optional<String> known = lookup.accountIdOf(command.profile().actorUri());
        if (known.isPresent()) {
            return accounts.load(known.get()).invoke(account -> account.handle(
                    new RemoteAccountCommands.Refresh(known.get(), command.profile()), clock));
        }
        accounts.newInstance(() -> new RemoteAccount(
                new RemoteAccountDiscovered(command.newAccountId(), command.profile(), clock.instant())));
        return command.newAccountId();
    }
}
