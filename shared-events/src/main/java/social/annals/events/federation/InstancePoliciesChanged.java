package social.annals.events.federation;

import java.time.Instant;
import java.util.List;
import social.annals.events.moderation.Moderator;

/**
 * An admin changed what applies to a host (a name, {@code *.domain} for it and its subdomains, or
 * {@code host:port}): {@code policies} apply from now on, {@code applied} and {@code lifted} are
 * the difference from before; {@code reason} is the admin's, shown to other admins.
 */
public record InstancePoliciesChanged(String host, List<InstancePolicy> policies, List<InstancePolicy> applied,
                                      List<InstancePolicy> lifted, String reason, Moderator by, Instant at) {
}
