package social.annals.query.account;

import org.springframework.jdbc.core.JdbcTemplate;
import social.annals.events.account.AccountRegistered;
import social.annals.events.federation.RemoteAccountDiscovered;

/** Lets tests of other read models feed the accounts read model they join with. */
public class AccountProjectionAccess {

    private final AccountProjection projection;
    private final RemoteAccountProjection remote;

    public AccountProjectionAccess(JdbcTemplate jdbc) {
        this.projection = new AccountProjection(jdbc);
        this.remote = new RemoteAccountProjection(jdbc);
    }

    public void on(AccountRegistered event) {
        projection.on(event);
    }

    public void on(RemoteAccountDiscovered event) {
        remote.on(event);
    }

    public void reset() {
        projection.reset();
    }
}
