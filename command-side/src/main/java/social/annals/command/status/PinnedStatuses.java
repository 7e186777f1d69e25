package social.annals.command.status;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.command.CommandSideProcessing;
import social.annals.events.status.StatusDeleted;
import social.annals.events.status.StatusPinned;
import social.annals.events.status.StatusUnpinned;

/** Each account's pinned statuses, for {@link StatusPinning}'s limit; kept in the writing transaction. */
@Component
@ProcessingGroup(CommandSideProcessing.LOOKUPS)
class PinnedStatuses {

    private final JdbcTemplate jdbc;

    PinnedStatuses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StatusPinned event) {
        jdbc.update("INSERT INTO pinned_status_lookup (account_id, status_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.authorId(), event.statusId());
    }

    @EventHandler
    void on(StatusUnpinned event) {
        jdbc.update("DELETE FROM pinned_status_lookup WHERE status_id = ?", event.statusId());
    }

    /** A deleted status no longer takes a place. */
    @EventHandler
    void on(StatusDeleted event) {
        jdbc.update("DELETE FROM pinned_status_lookup WHERE status_id = ?", event.statusId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM pinned_status_lookup");
    }
}
