package social.annals.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.events.account.AccountActivated;
import social.annals.events.account.AccountDeactivated;
import social.annals.events.account.AccountDeleted;
import social.annals.events.account.AccountDeletionProgressed;
import social.annals.events.account.AccountDeletionStarted;
import social.annals.events.account.AccountRegistered;
import social.annals.events.account.AccountRoleGranted;
import social.annals.events.account.AccountRoleRevoked;
import social.annals.events.account.SigningKeyGenerated;
import social.annals.events.moderation.Moderator;

/**
 * A local account, created by {@link AccountRegistration}. The account itself decides its roles
 * and its life (activation, deletion); what its owner changes is decided by its members: the
 * {@link AccountProfile} others see, the owner's {@link AccountSettings} and the
 * {@link AccountCredentials} it signs in with. One aggregate and one event stream: every member
 * sees every event of the account.
 */
@Aggregate
class Account {

    @AggregateIdentifier
    private String accountId;
    private String nickname;
    private boolean deactivated;
    private boolean hasSigningKey;
    private boolean deleting;
    private boolean deleted;
    private AccountDeletionProgressed lastProgress;
    @AggregateMember
    private final AccountProfile profile = new AccountProfile();
    @AggregateMember
    private final AccountSettings settings = new AccountSettings();
    @AggregateMember
    private final AccountCredentials credentials = new AccountCredentials();

    Account() {
    }

    Account(AccountRegistered registered, SigningKeyGenerated signingKey) {
        apply(registered);
        apply(signingKey);
    }

    @CommandHandler
    public void handle(AccountCommands.EnsureSigningKey command, Clock clock, SigningKeyPairs keyPairs) {
        if (!hasSigningKey && !deleting && !deleted) {
            SigningKeyPairs.Pem keys = keyPairs.generate();
            apply(new SigningKeyGenerated(accountId, keys.publicKey(), keys.privateKey(), clock.instant()));
        }
    }

    /** Recorded even when the role is held, so the moderation log shows every grant. */
    @CommandHandler
    public void handle(ModerationCommands.GrantRole command, Clock clock) {
        apply(new AccountRoleGranted(accountId, nickname, command.role(), command.grantedBy(), clock.instant()));
    }

    @CommandHandler
    public void handle(ModerationCommands.RevokeRole command, Clock clock) {
        apply(new AccountRoleRevoked(accountId, nickname, command.role(), command.revokedBy(), clock.instant()));
    }

    @CommandHandler
    public void handle(ModerationCommands.SetActivation command, Clock clock) {
        setActivation(command.active(), command.by(), clock);
    }

    @CommandHandler
    public void handle(ModerationCommands.ToggleActivation command, Clock clock) {
        setActivation(deactivated, command.by(), clock);
    }

    private void setActivation(boolean active, Moderator by, Clock clock) {
        if (deleting || deleted) {
            throw new ModerationRefused("The account was deleted");
        }
        apply(active ? new AccountActivated(accountId, nickname, by, clock.instant())
                : new AccountDeactivated(accountId, nickname, by, clock.instant()));
    }

    @CommandHandler
    public void handle(AccountDeletionCommands.Delete command, Clock clock) {
        if (!deleting && !deleted) {
            apply(new AccountDeletionStarted(accountId, nickname, command.requestedBy(), clock.instant()));
        }
    }

    /** A batch the process redoes after a crash is not recorded twice. */
    @CommandHandler
    public void handle(AccountDeletionCommands.RecordProgress command, Clock clock) {
        if (!deleting || isRecorded(command)) {
            return;
        }
        apply(new AccountDeletionProgressed(accountId, command.phase(), command.cursor(),
                command.relationshipsSevered(), command.statusesDeleted(), command.statusesRemaining(), clock.instant()));
    }

    private boolean isRecorded(AccountDeletionCommands.RecordProgress command) {
        if (lastProgress == null) {
            return false;
        }
        int phases = command.phase().compareTo(lastProgress.phase());
        return phases < 0 || (phases == 0 && command.cursor().compareTo(lastProgress.cursor()) <= 0);
    }

    @CommandHandler
    public void handle(AccountDeletionCommands.Complete command, Clock clock) {
        if (deleting) {
            int severed = lastProgress == null ? 0 : lastProgress.relationshipsSevered();
            int statuses = lastProgress == null ? 0 : lastProgress.statusesDeleted();
            apply(new AccountDeleted(accountId, nickname, severed, statuses, clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(AccountRegistered event) {
        accountId = event.accountId();
        nickname = event.nickname();
    }

    @EventSourcingHandler
    void on(SigningKeyGenerated event) {
        hasSigningKey = true;
    }

    @EventSourcingHandler
    void on(AccountDeactivated event) {
        deactivated = true;
    }

    @EventSourcingHandler
    void on(AccountActivated event) {
        deactivated = false;
    }

    @EventSourcingHandler
    void on(AccountDeletionStarted event) {
        deleting = true;
    }

    @EventSourcingHandler
    void on(AccountDeletionProgressed event) {
        lastProgress = event;
    }

    @EventSourcingHandler
    void on(AccountDeleted event) {
        deleting = false;
        deleted = true;
    }
}
