package social.annals.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.command.secrets.Digests;
import social.annals.events.account.AccountActivated;
import social.annals.events.account.AccountDeactivated;
import social.annals.events.account.AccountDeleted;
import social.annals.events.account.AccountDeletionProgressed;
import social.annals.events.account.AccountDeletionStarted;
import social.annals.events.account.AccountRegistered;
import social.annals.events.account.AccountRoleGranted;
import social.annals.events.account.AccountRoleRevoked;
import social.annals.events.account.EmailChanged;
import social.annals.events.account.FlavourChanged;
import social.annals.events.account.NotificationSettingsChanged;
import social.annals.events.account.PasswordChanged;
import social.annals.events.account.PasswordResetTokenIssued;
import social.annals.events.account.PasswordResetTokenUsed;
import social.annals.events.account.ProfileUpdated;
import social.annals.events.moderation.Moderator;
import social.annals.events.social.DomainBlocked;
import social.annals.events.social.DomainUnblocked;

/** A local account: its profile and permission groups. Created by {@link AccountRegistration}. */
@Aggregate
class Account {

    @AggregateIdentifier
    private String accountId;
    private String nickname;
    private String displayName;
    private String bio;
    private String noteHtml;
    private boolean locked;
    private boolean hideFavorites;
    private NotificationSettingsChanged notificationSettings;
    private final Set<String> blockedDomains = new java.util.HashSet<>();
    private String flavour = AccountCommands.ChangeFlavour.DEFAULT;
    private final Set<String> resetTokens = new java.util.HashSet<>();
    private boolean deactivated;
    private boolean deleting;
    private boolean deleted;
    private AccountDeletionProgressed lastProgress;

    Account() {
    }

    Account(AccountRegistered registered) {
        apply(registered);
    }

    @CommandHandler
    public void handle(AccountCommands.UpdateProfile command, Clock clock) {
        String newDisplayName = command.displayName() != null ? command.displayName() : displayName;
        String error = ProfileRules.displayNameError(newDisplayName);
        if (error != null) {
            throw new ProfileRejected("display_name " + error);
        }
        String newNote = command.noteHtml() != null ? command.noteHtml() : noteHtml;
        if (newNote != null && newNote.length() > ProfileRules.MAX_NOTE_HTML) {
            throw new ProfileRejected("note " + ProfileRules.atMost(ProfileRules.MAX_NOTE_HTML));
        }
        String newBio = command.bio() != null ? command.bio() : bio;
        boolean newLocked = command.locked() != null ? command.locked() : locked;
        boolean newHide = command.hideFavorites() != null ? command.hideFavorites() : hideFavorites;
        if (Objects.equals(newDisplayName, displayName) && Objects.equals(newBio, bio)
                && Objects.equals(newNote, noteHtml) && newLocked == locked && newHide == hideFavorites) {
            return;
        }
        apply(new ProfileUpdated(accountId, newDisplayName, newBio, newNote, newLocked, newHide, clock.instant()));
    }

    @CommandHandler
    public void handle(PasswordResetCommands.Issue command, Clock clock) {
        apply(new PasswordResetTokenIssued(accountId, command.tokenDigest(), command.issuedBy(), clock.instant()));
    }

    /** Single use; the new password ends every token of the account, as any password change does. */
    @CommandHandler
    public void handle(PasswordResetCommands.Reset command, Clock clock, PasswordHasher hasher) {
        if (!resetTokens.contains(command.tokenDigest()) || deleting || deleted) {
            throw new PasswordResetRefused("Invalid token");
        }
        String password = command.newPassword() == null ? "" : command.newPassword();
        if (password.isEmpty() || password.length() > ProfileRules.MAX_PASSWORD) {
            throw new PasswordResetRefused("Invalid password");
        }
        apply(new PasswordResetTokenUsed(accountId, command.tokenDigest(), clock.instant()));
        apply(new PasswordChanged(accountId, hasher.hash(password), clock.instant()));
    }

    @EventSourcingHandler
    void on(PasswordResetTokenIssued event) {
        resetTokens.add(event.tokenDigest());
    }

    @EventSourcingHandler
    void on(PasswordResetTokenUsed event) {
        resetTokens.remove(event.tokenDigest());
    }

    @CommandHandler
    public void handle(AccountCommands.ChangePassword command, Clock clock, PasswordHasher hasher) {
        apply(new PasswordChanged(accountId, hasher.hash(command.newPassword()), clock.instant()));
    }

    /** Uniqueness is checked here and guaranteed by the lookup's unique constraint in the same transaction. */
    @CommandHandler
    public void handle(AccountCommands.ChangeEmail command, Clock clock, Digests digests, AccountLookup lookup) {
        String email = command.email() == null ? "" : command.email().trim();
        if (!ProfileRules.validEmail(email)) {
            throw new EmailRejected("Email has invalid format.");
        }
        String digest = digests.email(email);
        if (lookup.emailTaken(digest)) {
            throw new EmailRejected("Email has already been taken.");
        }
        apply(new EmailChanged(accountId, email, digest, clock.instant()));
    }

    /** Recorded even when the role is held, so the moderation log shows every grant. */
    @CommandHandler
    public void handle(ModerationCommands.GrantRole command, Clock clock) {
        apply(new AccountRoleGranted(accountId, nickname, command.role(), command.grantedBy(), clock.instant()));
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

    @CommandHandler
    public void handle(AccountCommands.ChangeFlavour command, Clock clock) {
        if (!AccountCommands.ChangeFlavour.ALLOWED.contains(command.flavour())) {
            throw new FlavourRejected();
        }
        if (!command.flavour().equals(flavour)) {
            apply(new FlavourChanged(accountId, command.flavour(), clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(FlavourChanged event) {
        flavour = event.flavour();
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

    @EventSourcingHandler
    void on(AccountDeactivated event) {
        deactivated = true;
    }

    @EventSourcingHandler
    void on(AccountActivated event) {
        deactivated = false;
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
    void on(DomainBlocked event) {
        blockedDomains.add(event.domain());
    }

    @EventSourcingHandler
    void on(DomainUnblocked event) {
        blockedDomains.remove(event.domain());
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

    @EventSourcingHandler
    void on(NotificationSettingsChanged event) {
        notificationSettings = event;
    }

    @EventSourcingHandler
    void on(AccountRegistered event) {
        accountId = event.accountId();
        nickname = event.nickname();
        displayName = event.displayName();
        bio = event.bio();
        noteHtml = event.noteHtml();
        hideFavorites = true;
    }

    @EventSourcingHandler
    void on(ProfileUpdated event) {
        displayName = event.displayName();
        bio = event.bio();
        noteHtml = event.noteHtml();
        locked = event.locked();
        hideFavorites = event.hideFavorites();
    }
}
