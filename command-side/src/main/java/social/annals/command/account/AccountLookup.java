package social.annals.command.account;

import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The command side's set-based view of accounts: which nicknames and e-mail digests are taken,
 * and which accounts are locked. {@link AccountLookupProjection} keeps it in the transaction of
 * the events that change it, so what this answers is what the last committed command left.
 */
@Component
public class AccountLookup {

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

    /** The id and lock state of a local account, by nickname in any case. */
    public record Found(String accountId, boolean locked) {
    }

    /** Whether the account is locked, as of the last committed profile change. */
    /**
     * Whether a follow is a request the account must answer. A remote account always answers
     * through its server (an Accept or a Reject), so a follow of one is a request until then.
     */
    public boolean isLocked(String accountId) {
        return Boolean.TRUE.equals(jdbc.query("SELECT locked FROM account_lookup WHERE account_id = ? "
                        + "UNION ALL SELECT true FROM remote_account_lookup WHERE account_id = ?",
                (rs, row) -> rs.getBoolean(1), accountId, accountId).stream().findFirst().orElse(false));
    }

    public Optional<Found> byNickname(String nickname) {
        return jdbc.query("SELECT account_id, locked FROM account_lookup WHERE nickname_key = ?",
                (rs, row) -> new Found(rs.getString(1), rs.getBoolean(2)), nicknameKey(nickname)).stream().findFirst();
    }
}
