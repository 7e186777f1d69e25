package social.annals.command.status;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.command.CommandSideProcessing;
import social.annals.events.status.StatusPosted;

/**
 * Which status each remote URI is known as, kept in the receiving transaction with the URI unique:
 * the same status delivered twice at once cannot be recorded twice.
 */
@Component
@ProcessingGroup(CommandSideProcessing.LOOKUPS)
class RemoteStatusLookupProjection {

    private final JdbcTemplate jdbc;

    RemoteStatusLookupProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StatusPosted event) {
        if (event.remote() != null) {
            jdbc.update("INSERT INTO remote_status_lookup (status_id, uri) VALUES (?, ?) ON CONFLICT (status_id) DO NOTHING",
                    event.statusId(), event.remote().uri());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM remote_status_lookup");
    }
}
