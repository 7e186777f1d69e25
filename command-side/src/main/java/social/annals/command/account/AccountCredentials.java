package social.annals.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import social.annals.command.secrets.Digests;
import social.annals.events.account.AccountDeleted;
import social.annals.events.account.AccountDeletionStarted;
import social.annals.events.account.AccountRegistered;
import social.annals.events.account.EmailChanged;
import social.annals.events.account.PasswordChanged;
import social.annals.events.account.PasswordResetTokenIssued;
import social.annals.events.account.PasswordResetTokenUsed;

/**
 * How an {@link Account} signs in: its password (recorded only as a hash), its e-mail address and
 * the password reset tokens issued for it and not yet used.
 */
class AccountCredentials {

    private String accountId;
    private final Set<String> resetTokens = new HashSet<>();
    /** A deleted account, or one being deleted, takes no reset. */
    private boolean closing;

    @CommandHandler
    public void handle(PasswordResetCommands.Issue command, Clock clock) {
        apply(new PasswordResetTokenIssued(accountId, command.tokenDigest(), command.issuedBy(), clock.instant()));
    }

    /** Single use; the new password ends every token of the account, as any password change does. */
    @CommandHandler
    public void handle(PasswordResetCommands.Reset command, Clock clock, PasswordHasher hasher) {
        if (!resetTokens.contains(command.tokenDigest()) || closing) {
            throw new PasswordResetRefused("Invalid token");
        }
        String password = command.newPassword() == null ? "" : command.newPassword();
        if (password.isEmpty() || password.length() > ProfileRules.MAX_PASSWORD) {
            throw new PasswordResetRefused("Invalid password");
        }
        apply(new PasswordResetTokenUsed(accountId, command.tokenDigest(), clock.instant()));
        apply(new PasswordChanged(accountId, hasher.hash(password), clock.instant()));
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

    @EventSourcingHandler
    void on(AccountRegistered event) {
        accountId = event.accountId();
    }

    @EventSourcingHandler
    void on(PasswordResetTokenIssued event) {
        resetTokens.add(event.tokenDigest());
    }

    @EventSourcingHandler
    void on(PasswordResetTokenUsed event) {
        resetTokens.remove(event.tokenDigest());
    }

    @EventSourcingHandler
    void on(AccountDeletionStarted event) {
        closing = true;
    }

    @EventSourcingHandler
    void on(AccountDeleted event) {
        closing = true;
    }
}
