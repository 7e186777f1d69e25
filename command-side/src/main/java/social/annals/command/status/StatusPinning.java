package social.annals.command.status;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Decides a pin: the status's own rules (its author, public or unlisted, not deleted), then the
 * instance's limit of pinned statuses per account (Pleroma's {@code max_pinned_statuses}, 1 by
 * default), counted from the pins lookup with the account's row locked, so two pins at once cannot
 * both take the last place.
 */
@Component
class StatusPinning {

    private final Repository<Status> statuses;
    private final JdbcTemplate jdbc;
    private final int maxPinned;

    StatusPinning(Repository<Status> statuses, JdbcTemplate jdbc,
                  @Value("${annals.instance.max-pinned-statuses:1}") int maxPinned) {
        this.statuses = statuses;
        this.jdbc = jdbc;
        this.maxPinned = maxPinned;
    }

    @CommandHandler
    public void handle(StatusCommands.Pin command, Clock clock) throws Exception {
        jdbc.queryForList("SELECT account_id FROM account_lookup WHERE account_id = ? FOR UPDATE", String.class,
                command.actorId());
        Integer pinned = jdbc.queryForObject("SELECT count(*) FROM pinned_status_lookup WHERE account_id = ? "
                + "AND status_id <> ?", Integer.class, command.actorId(), command.statusId());
        statuses.load(command.statusId()).execute(status -> status.pin(command.actorId(),
                pinned != null && pinned >= maxPinned, clock));
    }
}
