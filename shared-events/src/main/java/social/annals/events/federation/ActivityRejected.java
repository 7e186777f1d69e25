package social.annals.events.federation;

import java.time.Instant;

/**
 * An activity another server sent that an instance policy stopped: nothing of it was acted on.
 * {@code actorUri} is the sender it names; when the policy stopped it at the door ({@code
 * REJECT} or {@code ACCEPT}) its signature was not checked, since checking it would mean fetching
 * from the server we refuse. An activity is recorded as rejected once.
 */
public record ActivityRejected(String inboundId, String activityUri, String type, String actorUri, String host,
                               String objectUri, InstancePolicy policy, Instant rejectedAt) {
}
