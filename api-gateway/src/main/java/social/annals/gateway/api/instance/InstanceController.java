package social.annals.gateway.api.instance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import social.annals.gateway.api.Queries;
import social.annals.gateway.infra.InstanceSettings;
import social.annals.gateway.render.Urls;
import social.annals.query.federation.RemoteActorQueries;
import social.annals.query.instance.InstanceStats;

/** The Mastodon instance entity. */
@RestController
public class InstanceController {

    static final String MASTODON_API_LEVEL = "2.7.2";
    /** Clients look for "Pleroma" here to turn on Pleroma's features (reactions, imports, markers). */
    static final String SOFTWARE_VERSION = "Pleroma 2.7.2+annals-0.1.0";

    private final Queries queries;
    private final Urls urls;
    private final InstanceSettings settings;

    public InstanceController(Queries queries, Urls urls, InstanceSettings settings) {
        this.queries = queries;
        this.urls = urls;
        this.settings = settings;
    }

    @GetMapping("/api/v1/instance")
    public Map<String, Object> instance() {
        InstanceStats stats = queries.one(new InstanceStats.Query(), InstanceStats.class);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uri", urls.host());
        out.put("title", settings.name());
        out.put("short_description", settings.description());
        out.put("description", settings.description());
        out.put("version", MASTODON_API_LEVEL + " (compatible; " + SOFTWARE_VERSION + ")");
        out.put("email", settings.email());
        out.put("urls", Map.of("streaming_api", urls.base().replaceFirst("^http", "ws")));
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("user_count", stats.userCount());
        counts.put("status_count", stats.statusCount());
        counts.put("domain_count", stats.domainCount());
        out.put("stats", counts);
        out.put("thumbnail", urls.base() + "/instance/thumbnail.jpeg");
        out.put("languages", List.of("en"));
        out.put("registrations", settings.registrationsOpen());
        out.put("approval_required", false);
        out.put("invites_enabled", false);
        out.put("max_toot_chars", settings.limit());
        Map<String, Object> pollLimits = new LinkedHashMap<>();
        pollLimits.put("max_options", 20);
        pollLimits.put("max_option_chars", 200);
        pollLimits.put("min_expiration", 0);
        pollLimits.put("max_expiration", 31_536_000);
        out.put("poll_limits", pollLimits);
        out.put("max_media_attachments", 4);
        out.put("upload_limit", 16_000_000);
        out.put("avatar_upload_limit", 2_000_000);
        out.put("background_upload_limit", 4_000_000);
        out.put("banner_upload_limit", 4_000_000);
        Map<String, Object> pleroma = new LinkedHashMap<>();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("features", List.of("mastodon_api", "pleroma_api"));
        metadata.put("account_activation_required", settings.accountActivationRequired());
        metadata.put("post_formats", List.of("text/plain"));
        metadata.put("federation", Map.of("enabled", false, "exclusions", false));
        metadata.put("fields_limits", Map.of("max_fields", 0, "max_remote_fields", 0, "name_length", 0,
                "value_length", 0));
        metadata.put("birthday_required", false);
        metadata.put("birthday_min_age", 0);
        pleroma.put("metadata", metadata);
        pleroma.put("vapid_public_key", null);
        out.put("pleroma", pleroma);
        return out;
    }

    /** The hosts of the remote accounts this instance knows. The frontend offers them in its domain-mute field. */
    @GetMapping("/api/v1/instance/peers")
    public List<String> peers() {
        return queries.many(new RemoteActorQueries.Hosts(), String.class);
    }
}
