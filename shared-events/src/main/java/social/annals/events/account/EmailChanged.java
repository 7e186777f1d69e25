package social.annals.events.account;

import java.time.Instant;
import social.annals.events.privacy.DataSubject;
import social.annals.events.privacy.PersonalData;

/** The account's e-mail address changed; the keyed digest keeps it unique and usable for login. */
public record EmailChanged(@DataSubject String accountId, @PersonalData String email, String emailDigest,
                           Instant changedAt) {
}
