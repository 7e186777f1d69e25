package social.annals.command.status;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.events.status.StatusPosted;

/**
 * Decides a status another server sent: a status is known once by its URI, however often it is
 * delivered or fetched. Its text is the other server's business, so Pleroma's length rules do not
 * apply; the caller has sanitised it.
 */
@Component
class RemoteStatuses {

    private final Repository<Status> statuses;
    private final JdbcTemplate jdbc;

    RemoteStatuses(Repository<Status> statuses, JdbcTemplate jdbc) {
        this.statuses = statuses;
        this.jdbc = jdbc;
    }

    @CommandHandler
    public String handle(StatusCommands.Receive command) throws Exception {
        StatusPosted status = command.status();
        if (status.remote() == null) {
            throw new StatusRejected("A received status must say where it comes from");
        }
        String known = jdbc.query("SELECT status_id FROM remote_status_lookup WHERE uri = ?",
                (rs, row) -> rs.getString(1), status.remote().uri()).stream().findFirst().orElse(null);
        if (known != null) {
            return known;
        }
        statuses.newInstance(() -> new Status(status));
        return status.statusId();
    }
}
