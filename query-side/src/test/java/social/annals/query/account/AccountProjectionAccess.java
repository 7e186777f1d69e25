package social.annals.query.account;

import org.springframework.jdbc.core.JdbcTemplate;
import social.annals.events.account.AccountRegistered;

/** Lets tests of other read models feed the accounts read model they join with. */
public class AccountProjectionAccess {

    private final AccountProjection projection;

    public AccountProjectionAccess(JdbcTemplate jdbc) {
        this.projection = new AccountProjection(jdbc);
    }

    public void on(AccountRegistered event) {
        projection.on(event);
    }

    public void reset() {
        projection.reset();
    }
}
