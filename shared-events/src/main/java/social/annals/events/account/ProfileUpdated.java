package social.annals.events.account;

import java.time.Instant;
import social.annals.events.privacy.DataSubject;
import social.annals.events.privacy.PersonalData;

/** The account's public profile after the change (the full new state, not a diff). */
public record ProfileUpdated(
        @DataSubject String accountId,
        @PersonalData String displayName,
        @PersonalData String bio,
        @PersonalData String noteHtml,
        boolean locked,
        boolean hideFavorites,
        Instant updatedAt) {
}
