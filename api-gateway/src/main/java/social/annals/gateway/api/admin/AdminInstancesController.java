package social.annals.gateway.api.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import social.annals.events.federation.InstancePolicy;
import social.annals.gateway.api.Queries;
import social.annals.gateway.federation.HostPolicies;
import social.annals.gateway.federation.delivery.FederationHosts;
import social.annals.gateway.security.Auth;
import social.annals.query.federation.RemoteActorQueries;

/**
 * {@code GET /api/pleroma/admin/instances}: every server we know (by its accounts or our
 * deliveries), with how many of its accounts we know, whether it answers, what our last delivery
 * to it came to, how many deliveries wait for it, and the instance policies that apply to it.
 */
@RestController
public class AdminInstancesController {

    private final Queries queries;
    private final FederationHosts hosts;
    private final HostPolicies policies;

    public AdminInstancesController(Queries queries, FederationHosts hosts, HostPolicies policies) {
        this.queries = queries;
        this.hosts = hosts;
        this.policies = policies;
    }

    @GetMapping("/api/pleroma/admin/instances")
    @Auth(Auth.Level.ADMIN)
    public List<Map<String, Object>> instances() {
        Map<String, Long> accounts = new TreeMap<>();
        queries.many(new RemoteActorQueries.AccountsByHost(), RemoteActorQueries.HostAccounts.class)
                .forEach(host -> accounts.put(host.host().toLowerCase(java.util.Locale.ROOT), host.accounts()));
        Map<String, FederationHosts.HostState> delivery = new TreeMap<>();
        hosts.hosts().forEach((host, state) -> delivery.put(host.toLowerCase(java.util.Locale.ROOT), state));
        TreeMap<String, Boolean> all = new TreeMap<>();
        accounts.keySet().forEach(host -> all.put(host, true));
        delivery.keySet().forEach(host -> all.put(host, true));
        List<Map<String, Object>> out = new ArrayList<>();
        for (String host : all.keySet()) {
            FederationHosts.HostState state = delivery.get(host);
            HostPolicies.Applied applied = policies.forHost(host);
            Map<String, Object> instance = new LinkedHashMap<>();
            instance.put("host", host);
            instance.put("accounts", accounts.getOrDefault(host, 0L));
            instance.put("reachable", state == null || state.reachable());
            instance.put("failing_since", text(state == null ? null : state.failingSince()));
            instance.put("consecutive_failures", state == null ? 0 : state.consecutiveFailures());
            instance.put("last_success_at", text(state == null ? null : state.lastSuccessAt()));
            instance.put("last_failure_at", text(state == null ? null : state.lastFailureAt()));
            instance.put("last_delivery_result", state == null ? null : state.lastResult());
            instance.put("queued_deliveries", state == null ? 0 : state.queued());
            instance.put("policies", applied.policies().stream().map(InstancePolicy::apiName).toList());
            instance.put("rejected", applied.rejected());
            out.add(instance);
        }
        return out;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
