package social.annals.events.account;

import java.time.Instant;
import social.annals.events.privacy.DataSubject;
import social.annals.events.privacy.PersonalData;

/**
 * A local account came into being. {@code emailDigest} is a keyed digest used for uniqueness
 * and login; the e-mail itself, the names and the bio are encrypted per account.
 */
public record AccountRegistered(
        @DataSubject String accountId,
        String nickname,
        @PersonalData String email,
        String emailDigest,
        @PersonalData String displayName,
        @PersonalData String bio,
        @PersonalData String noteHtml,
        String passwordHash,
        boolean confirmationPending,
        Instant registeredAt) {
}
