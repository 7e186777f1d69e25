package social.annals.query.federation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.events.account.AccountDeleted;
import social.annals.events.account.SigningKeyGenerated;

/**
 * Read model "actor-keys": each local account's signing key pair, which its actor document
 * publishes and its deliveries are signed with. A deleted account's row goes with it; its event
 * still holds the private key, but encrypted under a personal-data key that no longer exists.
 */
@Component
@ProcessingGroup(ActorKeyProjection.GROUP)
public class ActorKeyProjection {

    public static final String GROUP = "actor-keys";

    private final JdbcTemplate jdbc;

    public ActorKeyProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SigningKeyGenerated event) {
        jdbc.update("INSERT INTO actor_key_view (account_id, public_key_pem, private_key_pem) VALUES (?, ?, ?) "
                        + "ON CONFLICT (account_id) DO UPDATE SET public_key_pem = EXCLUDED.public_key_pem, "
                        + "private_key_pem = EXCLUDED.private_key_pem",
                event.accountId(), event.publicKeyPem(), event.privateKeyPem());
    }

    @EventHandler
    void on(AccountDeleted event) {
        jdbc.update("DELETE FROM actor_key_view WHERE account_id = ?", event.accountId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM actor_key_view");
    }

    @QueryHandler
    public ActorKeyQueries.SigningKey handle(ActorKeyQueries.SigningKeyOf query) {
        return jdbc.query("SELECT account_id, public_key_pem, private_key_pem FROM actor_key_view WHERE account_id = ?",
                (rs, row) -> new ActorKeyQueries.SigningKey(rs.getString(1), rs.getString(2), rs.getString(3)),
                query.accountId()).stream().findFirst().orElse(null);
    }
}
