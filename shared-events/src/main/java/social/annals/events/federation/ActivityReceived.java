package social.annals.events.federation;

import java.time.Instant;

/**
 * Another server delivered an activity and we accepted it: who sent it ({@code actorId}, the
 * remote account here), its id, its type and what it was about. What it did is recorded by the
 * events committed with this one (a follow, a status, ...). An activity with an id already
 * received is not received again.
 */
public record ActivityReceived(String inboundId, String activityUri, String type, String actorId,
                               String objectUri, Instant receivedAt) {
}
