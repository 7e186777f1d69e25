package social.annals.command.federation;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import social.annals.events.federation.InstancePolicy;
import social.annals.events.moderation.Moderator;

/** An admin's instance-level policies on other servers. */
public final class InstancePolicyCommands {

    private InstancePolicyCommands() {
    }

    /**
     * Make {@code policies} what applies to {@code host} (a lower-cased host name, {@code *.domain},
     * or {@code host:port}, as the gateway checked it); an empty set lifts them all.
     */
    public record Change(@TargetAggregateIdentifier String policyId, String host,
                         Set<InstancePolicy> policies, String reason, Moderator by) {

        public static Change of(String host, Set<InstancePolicy> policies, String reason, Moderator by) {
            return new Change(idOf(host), host, policies, reason, by);
        }

        static String idOf(String host) {
            return "instance-policy:" + host;
        }
    }
}
