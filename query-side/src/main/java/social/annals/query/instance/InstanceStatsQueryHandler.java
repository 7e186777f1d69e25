package social.annals.query.instance;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Counts from the read models: local users and their statuses, and the hosts of the remote accounts we know. */
@Component
public class InstanceStatsQueryHandler {

    private final JdbcTemplate jdbc;

    public InstanceStatsQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public InstanceStats handle(InstanceStats.Query query) {
        Long users = jdbc.queryForObject("SELECT count(*) FROM account_view WHERE NOT deactivated "
                + "AND actor_uri IS NULL", Long.class);
        Long statuses = jdbc.queryForObject("SELECT coalesce(sum(statuses_count), 0) FROM account_view "
                + "WHERE actor_uri IS NULL", Long.class);
        Long domains = jdbc.queryForObject("SELECT count(DISTINCT host) FROM remote_actor_view", Long.class);
        return new InstanceStats(users == null ? 0 : users, statuses == null ? 0 : statuses,
                domains == null ? 0 : domains);
    }
}
