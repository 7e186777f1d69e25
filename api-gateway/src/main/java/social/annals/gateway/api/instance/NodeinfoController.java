package social.annals.gateway.api.instance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import social.annals.gateway.api.Queries;
import social.annals.gateway.infra.InstanceSettings;
import social.annals.gateway.render.Urls;
import social.annals.query.account.AccountQueries;
import social.annals.query.account.AccountView;
import social.annals.query.instance.InstanceStats;

/**
 * Nodeinfo 2.0, which web frontends read at boot for the instance's name, features and limits,
 * and the small boot endpoints whose answer is settled by what Annals does not have (no chats,
 * no frontend configuration).
 */
@RestController
public class NodeinfoController {

    private final Queries queries;
    private final Urls urls;
    private final InstanceSettings settings;

    public NodeinfoController(Queries queries, Urls urls, InstanceSettings settings) {
        this.queries = queries;
        this.urls = urls;
        this.settings = settings;
    }

    @GetMapping("/.well-known/nodeinfo")
    public Map<String, Object> wellKnown() {
        return Map.of("links", List.of(Map.of("rel", "http://nodeinfo.diaspora.software/ns/schema/2.0",
                "href", urls.base() + "/nodeinfo/2.0.json")));
    }

    @GetMapping({"/nodeinfo/2.0.json", "/nodeinfo/2.0"})
    public Map<String, Object> nodeinfo() {
        InstanceStats stats = queries.one(new InstanceStats.Query(), InstanceStats.class);
        List<String> staff = queries.many(new AccountQueries.Staff(), AccountView.class).stream()
                .map(account -> urls.actor(account.nickname())).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", "2.0");
        out.put("software", Map.of("name", "annals", "version", "0.1.0"));
        out.put("protocols", List.of("activitypub"));
        out.put("services", Map.of("inbound", List.of(), "outbound", List.of()));
        out.put("openRegistrations", settings.registrationsOpen());
        out.put("usage", Map.of("users", Map.of("total", stats.userCount()), "localPosts", stats.statusCount()));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("nodeName", settings.name());
        metadata.put("features", List.of("mastodon_api", "pleroma_api"));
        metadata.put("federation", Map.of("enabled", true));
        metadata.put("uploadLimits", Map.of("general", 16_000_000, "avatar", 2_000_000, "background", 4_000_000,
                "banner", 4_000_000));
        metadata.put("suggestions", Map.of("enabled", false));
        metadata.put("staffAccounts", staff);
        metadata.put("postFormats", List.of("text/plain"));
        metadata.put("accountActivationRequired", settings.accountActivationRequired());
        metadata.put("invitesEnabled", false);
        metadata.put("restrictedNicknames", List.of());
        metadata.put("skipThreadContainment", true);
        out.put("metadata", metadata);
        return out;
    }

    @GetMapping("/api/pleroma/frontend_configurations")
    public Map<String, Object> frontendConfigurations() {
        return Map.of();
    }

    @GetMapping("/api/v1/pleroma/chats")
    public List<Object> chats() {
        return List.of();
    }
}
