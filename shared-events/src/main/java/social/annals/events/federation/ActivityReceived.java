package social.annals.events.federation;

import java.time.Instant;
import social.annals.events.privacy.DataSubject;
import social.annals.events.privacy.PersonalData;

/**
 * Another server delivered an activity and we accepted it: who sent it ({@code actorId}, the
 * remote account here), its id, its type, what it was about and the activity itself (its JSON,
 * personal data of its sender). What it did is recorded by the events the inbox process appends
 * for it (a follow, a status, ...). An activity with an id already received is not received again.
 */
public record ActivityReceived(String inboundId, String activityUri, String type, @DataSubject String actorId,
                               String objectUri, @PersonalData String activity, Instant receivedAt) {

    @Override
    public String toString() {
        return "ActivityReceived[" + type + " " + activityUri + " from " + actorId + "]";
    }
}
