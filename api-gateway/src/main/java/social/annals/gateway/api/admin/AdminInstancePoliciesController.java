package social.annals.gateway.api.admin;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import social.annals.command.federation.InstancePolicyCommands;
import social.annals.events.federation.InstancePolicy;
import social.annals.gateway.api.Queries;
import social.annals.gateway.consistency.Commands;
import social.annals.gateway.federation.HostPolicies;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.gateway.security.Auth;
import social.annals.gateway.web.ApiException;
import social.annals.gateway.web.Pagination;
import social.annals.gateway.web.Params;
import social.annals.query.federation.InstancePolicyQueries;

/**
 * Instance policies on other servers (Pleroma's SimplePolicy, as a small resource of its own rather
 * than Pleroma's generic config API): the policies in the shape of Pleroma's {@code :mrf_simple}
 * setting, each host's set replaced or lifted as a whole (logged in the moderation log), and the
 * activities the policies stopped.
 */
@RestController
public class AdminInstancePoliciesController {

    private static final int DEFAULT_PAGE_SIZE = 50;

    private final Commands commands;
    private final Queries queries;
    private final Moderators moderators;
    private final HostPolicies hostPolicies;

    public AdminInstancePoliciesController(Commands commands, Queries queries, Moderators moderators,
                                           HostPolicies hostPolicies) {
        this.commands = commands;
        this.queries = queries;
        this.moderators = moderators;
        this.hostPolicies = hostPolicies;
    }

    /** Every policy with the hosts it applies to: {@code {"reject": [{"host", "reason"}], ...}}, each key present. */
    @GetMapping("/api/pleroma/admin/instance_policies")
    @Auth(Auth.Level.ADMIN)
    public Map<String, List<Map<String, Object>>> list() {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (InstancePolicy policy : InstancePolicy.values()) {
            out.put(policy.apiName(), new ArrayList<>());
        }
        for (InstancePolicyQueries.HostPolicies entry : all()) {
            for (InstancePolicy policy : entry.policies()) {
                Map<String, Object> host = new LinkedHashMap<>();
                host.put("host", entry.host());
                host.put("reason", entry.reason());
                out.get(policy.apiName()).add(host);
            }
        }
        return out;
    }

    /** One host's policies: {@code policies[]} (names; none lifts them all) and an optional {@code reason}. */
    @PutMapping("/api/pleroma/admin/instance_policies/{host}")
    @Auth(Auth.Level.ADMIN)
    public Map<String, Object> put(@PathVariable("host") String rawHost, Params params, ApiPrincipal caller) {
        String host = host(rawHost);
        Set<InstancePolicy> policies = EnumSet.noneOf(InstancePolicy.class);
        for (String name : params.strings("policies")) {
            if (name.isBlank()) {
                continue;
            }
            policies.add(InstancePolicy.fromApiName(name).orElseThrow(() ->
                    ApiException.error(HttpStatus.BAD_REQUEST, "Unknown policy: " + name)));
        }
        String reason = params.stringOrNull("reason");
        if (reason != null && reason.length() > 1000) {
            throw ApiException.error(HttpStatus.BAD_REQUEST, "Reason is too long");
        }
        change(host, policies, reason, caller);
        return entry(host);
    }

    @DeleteMapping("/api/pleroma/admin/instance_policies/{host}")
    @Auth(Auth.Level.ADMIN)
    public Map<String, Object> delete(@PathVariable("host") String rawHost, ApiPrincipal caller) {
        String host = host(rawHost);
        change(host, Set.of(), null, caller);
        return entry(host);
    }

    /**
     * What the policies stopped, newest first: {@code {"items": [...], "total"}}, optionally for one
     * {@code host} (as the activities name it), paged by {@code page} and {@code page_size}.
     */
    @GetMapping("/api/pleroma/admin/instance_policies/rejected_activities")
    @Auth(Auth.Level.ADMIN)
    public Map<String, Object> rejected(Params params) {
        int page = Math.max(1, Pagination.leadingNumber(params.stringOrNull("page"), 1));
        int pageSize = Math.min(500, Math.max(1, Pagination.leadingNumber(params.stringOrNull("page_size"),
                DEFAULT_PAGE_SIZE)));
        String host = params.string("host").map(String::strip).map(String::toLowerCase).orElse(null);
        InstancePolicyQueries.RejectedPage found = queries.one(new InstancePolicyQueries.Rejected(host, page, pageSize),
                InstancePolicyQueries.RejectedPage.class);
        List<Map<String, Object>> items = new ArrayList<>();
        for (InstancePolicyQueries.RejectedActivity activity : found.items()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("activity_id", activity.activityUri());
            item.put("type", activity.type());
            item.put("actor", activity.actorUri());
            item.put("host", activity.host());
            item.put("object", activity.objectUri());
            item.put("policy", activity.policy().apiName());
            item.put("rejected_at", activity.rejectedAt().toString());
            items.add(item);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("total", found.total());
        return out;
    }

    private void change(String host, Set<InstancePolicy> policies, String reason, ApiPrincipal caller) {
        commands.sendAndWait(InstancePolicyCommands.Change.of(host, policies, reason, moderators.of(caller)));
        hostPolicies.changed();
    }

    private Map<String, Object> entry(String host) {
        InstancePolicyQueries.HostPolicies found = all().stream().filter(e -> e.host().equals(host)).findFirst()
                .orElse(null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("host", host);
        out.put("policies", found == null ? List.of() : found.policies().stream().map(InstancePolicy::apiName).toList());
        out.put("reason", found == null ? null : found.reason());
        return out;
    }

    private List<InstancePolicyQueries.HostPolicies> all() {
        return queries.many(new InstancePolicyQueries.All(), InstancePolicyQueries.HostPolicies.class);
    }

    private static String host(String raw) {
        String host = HostPolicies.normalized(raw);
        if (host == null) {
            throw ApiException.error(HttpStatus.BAD_REQUEST, "Invalid host");
        }
        return host;
    }
}
