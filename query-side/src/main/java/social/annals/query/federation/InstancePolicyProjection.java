package social.annals.query.federation;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.events.federation.ActivityRejected;
import social.annals.events.federation.InstancePoliciesChanged;
import social.annals.events.federation.InstancePolicy;

/** Read model "instance-policies": each host's policies as last set, and what they stopped. */
@Component
@ProcessingGroup(InstancePolicyProjection.GROUP)
public class InstancePolicyProjection {

    public static final String GROUP = "instance-policies";

    private final JdbcTemplate jdbc;

    public InstancePolicyProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InstancePoliciesChanged event) {
        if (event.policies().isEmpty()) {
            jdbc.update("DELETE FROM instance_policy_view WHERE host = ?", event.host());
            return;
        }
        jdbc.update("INSERT INTO instance_policy_view (host, policies, reason, updated_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (host) DO UPDATE SET policies = EXCLUDED.policies, reason = EXCLUDED.reason, "
                        + "updated_at = EXCLUDED.updated_at", event.host(),
                event.policies().stream().map(InstancePolicy::name).collect(Collectors.joining(",")), event.reason(),
                Timestamp.from(event.at()));
    }

    @EventHandler
    void on(ActivityRejected event) {
        jdbc.update("INSERT INTO rejected_activity_view (inbound_id, activity_uri, type, actor_uri, host, object_uri, "
                        + "policy, rejected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (inbound_id) DO NOTHING",
                event.inboundId(), event.activityUri(), event.type(), event.actorUri(), event.host(), event.objectUri(),
                event.policy().name(), Timestamp.from(event.rejectedAt()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM instance_policy_view");
        jdbc.update("DELETE FROM rejected_activity_view");
    }

    @QueryHandler
    public List<InstancePolicyQueries.HostPolicies> handle(InstancePolicyQueries.All query) {
        return jdbc.query("SELECT host, policies, reason, updated_at FROM instance_policy_view ORDER BY host",
                (rs, row) -> new InstancePolicyQueries.HostPolicies(rs.getString(1),
                        Arrays.stream(rs.getString(2).split(",")).map(InstancePolicy::valueOf).toList(),
                        rs.getString(3), rs.getTimestamp(4).toInstant()));
    }

    @QueryHandler
    public InstancePolicyQueries.RejectedPage handle(InstancePolicyQueries.Rejected query) {
        List<Object> args = new ArrayList<>();
        String where = "";
        if (query.host() != null) {
            where = " WHERE host = ?";
            args.add(query.host());
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM rejected_activity_view" + where, Long.class,
                args.toArray());
        args.add(query.pageSize());
        args.add((long) Math.max(0, query.page() - 1) * query.pageSize());
        List<InstancePolicyQueries.RejectedActivity> items = jdbc.query("SELECT activity_uri, type, actor_uri, host, "
                        + "object_uri, policy, rejected_at FROM rejected_activity_view" + where
                        + " ORDER BY rejected_at DESC, inbound_id LIMIT ? OFFSET ?",
                (rs, row) -> new InstancePolicyQueries.RejectedActivity(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), InstancePolicy.valueOf(rs.getString(6)),
                        rs.getTimestamp(7).toInstant()), args.toArray());
        return new InstancePolicyQueries.RejectedPage(items, total == null ? 0 : total);
    }
}
