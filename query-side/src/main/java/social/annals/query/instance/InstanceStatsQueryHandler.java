package social.annals.query.instance;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts from the read models. Statuses and remote domains have no read model yet (no posting,
 * no federation), so their counts are zero by construction, not by assumption.
 */
@Component
public class InstanceStatsQueryHandler {

    private final JdbcTemplate jdbc;

    public InstanceStatsQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public InstanceStats handle(InstanceStats.Query query) {
        Long users = jdbc.queryForObject("SELECT count(*) FROM account_view WHERE NOT deactivated", Long.class);
        Long statuses = jdbc.queryForObject("SELECT coalesce(sum(statuses_count), 0) FROM account_view", Long.class);
        return new InstanceStats(users == null ? 0 : users, statuses == null ? 0 : statuses, 0);
    }
}
