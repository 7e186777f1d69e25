package social.annals.command.account;

import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.events.account.AccountRegistered;
import social.annals.events.account.EmailChanged;
import social.annals.events.account.ProfileUpdated;

/**
 * The command side's set-based view of accounts: which nicknames and e-mail digests are taken.
 * Kept in the registering transaction (subscribing group), backed by unique constraints, so two
 * concurrent registrations of one nickname cannot both commit.
 */
@Component
@ProcessingGroup(AccountLookup.GROUP)
public class AccountLookup {

    public static final String GROUP = "command-lookups";

    private final JdbcTemplate jdbc;

    public AccountLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static String nicknameKey(String nickname) {
        return nickname.toLowerCase(Locale.ROOT);
    }

    public boolean nicknameTaken(String nickname) {
        return exists("SELECT EXISTS (SELECT 1 FROM account_lookup WHERE nickname_key = ?)", nicknameKey(nickname));
    }

    public boolean emailTaken(String emailDigest) {
        return exists("SELECT EXISTS (SELECT 1 FROM account_lookup WHERE email_digest = ?)", emailDigest);
    }

    private boolean exists(String sql, String value) {
        return Boolean.TRUE.equals(jdbc.queryForObject(sql, Boolean.class, value));
    }

    @EventHandler
    void on(AccountRegistered event) {
        try {
            jdbc.update("INSERT INTO account_lookup (account_id, nickname_key, email_digest) VALUES (?, ?, ?) "
                            + "ON CONFLICT (account_id) DO NOTHING",
                    event.accountId(), nicknameKey(event.nickname()), event.emailDigest());
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

    /** The id and lock state of a local account, by nickname in any case. */
    public record Found(String accountId, boolean locked) {
    }

    /** Whether the account is locked, as of the last committed profile change. */
    public boolean isLocked(String accountId) {
        return Boolean.TRUE.equals(jdbc.query("SELECT locked FROM account_lookup WHERE account_id = ?",
                (rs, row) -> rs.getBoolean(1), accountId).stream().findFirst().orElse(false));
    }

    public java.util.Optional<Found> byNickname(String nickname) {
        return jdbc.query("SELECT account_id, locked FROM account_lookup WHERE nickname_key = ?",
                (rs, row) -> new Found(rs.getString(1), rs.getBoolean(2)), nicknameKey(nickname)).stream().findFirst();
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM account_lookup");
    }
}
