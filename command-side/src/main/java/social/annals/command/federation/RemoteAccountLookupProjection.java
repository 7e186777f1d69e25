package social.annals.command.federation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.command.CommandSideProcessing;
import social.annals.events.federation.RemoteAccountDiscovered;

/**
 * Keeps the {@link RemoteAccountLookup} in the discovering transaction, with the actor URI
 * unique: two requests discovering one actor at once cannot both commit; the loser's retry finds
 * the winner's account.
 */
@Component
@ProcessingGroup(CommandSideProcessing.LOOKUPS)
class RemoteAccountLookupProjection {

    private final JdbcTemplate jdbc;

    RemoteAccountLookupProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RemoteAccountDiscovered event) {
        jdbc.update("INSERT INTO remote_account_lookup (actor_uri, account_id) VALUES (?, ?) "
                + "ON CONFLICT (account_id) DO NOTHING", event.profile().actorUri(), event.accountId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM remote_account_lookup");
    }
}
