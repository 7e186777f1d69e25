package social.annals.gateway.federation;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import social.annals.events.federation.InstancePolicy;
import social.annals.gateway.api.Queries;
import social.annals.gateway.render.Urls;
import social.annals.query.federation.InstancePolicyQueries;

/**
 * The instance policies that apply to a host, as Pleroma's SimplePolicy matches them: an entry
 * names a host ({@code example.com}, whatever its port), {@code *.example.com} (it and every
 * subdomain) or one {@code host:port}. Every check of an inbox POST and of a delivery asks, so the
 * few entries are kept here and read again after a few seconds (at once on the node that changed
 * them): another node applies a change within that time.
 */
@Component
public class HostPolicies {

    private static final Pattern HOST = Pattern.compile(
            "(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?");
    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final Queries queries;
    private final Urls urls;
    private final Clock clock;
    private volatile Snapshot snapshot;

    public HostPolicies(Queries queries, Urls urls, Clock clock) {
        this.queries = queries;
        this.urls = urls;
        this.clock = clock;
    }

    private record Snapshot(List<InstancePolicyQueries.HostPolicies> entries, boolean allowListMode, Instant readAt) {
    }

    /** What applies to a host: {@code rejectedBy} is REJECT or ACCEPT when nothing of it may pass. */
    public record Applied(Set<InstancePolicy> policies, InstancePolicy rejectedBy) {

        public boolean rejected() {
            return rejectedBy != null;
        }

        public boolean has(InstancePolicy policy) {
            return policies.contains(policy);
        }
    }

    /** A host as an admin may name it, lower-cased, or null when it is not one. */
    public static String normalized(String host) {
        String lower = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        return lower.length() <= 260 && HOST.matcher(lower).matches() ? lower : null;
    }

    /** What applies to the server of a URI (an actor, an inbox, a document). */
    public Applied forUri(String uri) {
        return forHost(authorityOf(uri));
    }

    /** The lower-cased {@code host[:port]} of a URI, or null when it has none. */
    public static String authorityOf(String uri) {
        try {
            String authority = uri == null ? null : URI.create(uri).getRawAuthority();
            return authority == null ? null : authority.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** What applies to an authority ({@code host} or {@code host:port}); our own is never restricted. */
    public Applied forHost(String authority) {
        if (authority == null || authority.equalsIgnoreCase(urls.host())) {
            return new Applied(Set.of(), null);
        }
        String lower = authority.toLowerCase(Locale.ROOT);
        int colon = lower.lastIndexOf(':');
        String name = colon > 0 && !lower.endsWith("]") ? lower.substring(0, colon) : lower;
        Snapshot current = current();
        Set<InstancePolicy> applied = EnumSet.noneOf(InstancePolicy.class);
        for (InstancePolicyQueries.HostPolicies entry : current.entries()) {
            if (matches(entry.host(), lower, name)) {
                applied.addAll(entry.policies());
            }
        }
        InstancePolicy rejectedBy = applied.contains(InstancePolicy.REJECT) ? InstancePolicy.REJECT
                : current.allowListMode() && !applied.contains(InstancePolicy.ACCEPT) ? InstancePolicy.ACCEPT : null;
        return new Applied(applied, rejectedBy);
    }

    /** Read the entries again on the next check: this node just changed them. */
    public void changed() {
        snapshot = null;
    }

    private static boolean matches(String entry, String authority, String name) {
        if (entry.startsWith("*.")) {
            String domain = entry.substring(2);
            return name.equals(domain) || name.endsWith("." + domain);
        }
        return entry.indexOf(':') >= 0 ? entry.equals(authority) : entry.equals(name);
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || current.readAt().plus(FRESH_FOR).isBefore(now)) {
            List<InstancePolicyQueries.HostPolicies> entries = queries.many(new InstancePolicyQueries.All(),
                    InstancePolicyQueries.HostPolicies.class);
            current = new Snapshot(entries, entries.stream().anyMatch(e -> e.policies().contains(InstancePolicy.ACCEPT)),
                    now);
            snapshot = current;
        }
        return current;
    }
}
