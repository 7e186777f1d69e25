package social.annals.command.account;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.command.CommandSideProcessing;
import social.annals.events.account.AccountRegistered;
import social.annals.events.account.EmailChanged;
import social.annals.events.account.ProfileUpdated;

/**
 * Keeps the {@link AccountLookup} in the registering transaction (subscribing group), backed by
 * unique constraints, so two concurrent registrations of one nickname cannot both commit.
 */
@Component
@ProcessingGroup(CommandSideProcessing.LOOKUPS)
class AccountLookupProjection {

    private final JdbcTemplate jdbc;

    AccountLookupProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountRegistered event) {
        try {
            jdbc.update("INSERT INTO account_lookup (account_id, nickname_key, email_digest) VALUES (?, ?, ?) "
                            + "ON CONFLICT (account_id) DO NOTHING",
                    event.accountId(), AccountLookup.nicknameKey(event.nickname()), event.emailDigest());
        } catch (DuplicateKeyException e) {
            String message = String.valueOf(e.getMessage());
            throw RegistrationRejected.taken(message.contains("email") ? "email" : "nickname");
        }
    }

    @EventHandler
    void on(EmailChanged event) {
        try {
            jdbc.update("UPDATE account_lookup SET email_digest = ? WHERE account_id = ?", event.emailDigest(),
                    event.accountId());
        } catch (DuplicateKeyException e) {
            throw new EmailRejected("Email has already been taken.");
        }
    }

    @EventHandler
    void on(ProfileUpdated event) {
        jdbc.update("UPDATE account_lookup SET locked = ? WHERE account_id = ?", event.locked(), event.accountId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM account_lookup");
    }
}
