package social.annals.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import social.annals.events.account.AccountRegistered;
import social.annals.events.account.FlavourChanged;
import social.annals.events.account.NotificationSettingsChanged;
import social.annals.events.social.DomainBlocked;
import social.annals.events.social.DomainUnblocked;

/**
 * An {@link Account} owner's own choices: the frontend flavour, which notifications to receive
 * and which domains to block. Choosing what already is chosen records nothing.
 */
class AccountSettings {

    private String accountId;
    private String flavour = AccountCommands.ChangeFlavour.DEFAULT;
    private NotificationSettingsChanged notificationSettings;
    private final Set<String> blockedDomains = new HashSet<>();

    @CommandHandler
    public void handle(AccountCommands.ChangeFlavour command, Clock clock) {
        if (!AccountCommands.ChangeFlavour.ALLOWED.contains(command.flavour())) {
            throw new FlavourRejected();
        }
        if (!command.flavour().equals(flavour)) {
            apply(new FlavourChanged(accountId, command.flavour(), clock.instant()));
        }
    }

    /** Switches not named keep their value; all four start on. */
    @CommandHandler
    public void handle(AccountCommands.UpdateNotificationSettings command, Clock clock) {
        NotificationSettingsChanged current = notificationSettings != null ? notificationSettings
                : new NotificationSettingsChanged(accountId, true, true, true, true, null);
        NotificationSettingsChanged changed = new NotificationSettingsChanged(accountId,
                orCurrent(command.followers(), current.followers()),
                orCurrent(command.follows(), current.follows()),
                orCurrent(command.remote(), current.remote()),
                orCurrent(command.local(), current.local()),
                clock.instant());
        if (!changed.equals(new NotificationSettingsChanged(accountId, current.followers(), current.follows(),
                current.remote(), current.local(), changed.changedAt()))) {
            apply(changed);
        }
    }

    private static boolean orCurrent(Boolean requested, boolean current) {
        return requested != null ? requested : current;
    }

    /** The gateway validates the domain; this only keeps the list free of repeats. */
    @CommandHandler
    public void handle(DomainBlockCommands.Block command, Clock clock) {
        String domain = DomainBlockCommands.normalise(command.domain());
        if (!blockedDomains.contains(domain)) {
            apply(new DomainBlocked(accountId, domain, clock.instant()));
        }
    }

    @CommandHandler
    public void handle(DomainBlockCommands.Unblock command, Clock clock) {
        String domain = DomainBlockCommands.normalise(command.domain());
        if (blockedDomains.contains(domain)) {
            apply(new DomainUnblocked(accountId, domain, clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(AccountRegistered event) {
        accountId = event.accountId();
    }

    @EventSourcingHandler
    void on(FlavourChanged event) {
        flavour = event.flavour();
    }

    @EventSourcingHandler
    void on(NotificationSettingsChanged event) {
        notificationSettings = event;
    }

    @EventSourcingHandler
    void on(DomainBlocked event) {
        blockedDomains.add(event.domain());
    }

    @EventSourcingHandler
    void on(DomainUnblocked event) {
        blockedDomains.remove(event.domain());
    }
}
