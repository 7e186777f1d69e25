package social.annals.query.federation;

import java.time.Instant;
import java.util.List;
import social.annals.events.federation.InstancePolicy;

/** Queries answered from the "instance-policies" read model. */
public final class InstancePolicyQueries {

    private InstancePolicyQueries() {
    }

    /** Every host with policies, by host. */
    public record All() {
    }

    public record HostPolicies(String host, List<InstancePolicy> policies, String reason, Instant updatedAt) {
    }

    /** Activities the policies stopped, newest first; {@code host} null for every host. */
    public record Rejected(String host, int page, int pageSize) {
    }

    public record RejectedActivity(String activityUri, String type, String actorUri, String host, String objectUri,
                                   InstancePolicy policy, Instant rejectedAt) {
    }

    public record RejectedPage(List<RejectedActivity> items, long total) {
    }
}
