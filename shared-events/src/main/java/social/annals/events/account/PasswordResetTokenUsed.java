package social.annals.events.account;

import java.time.Instant;

/** The reset token was used; the new password is in the {@link PasswordChanged} recorded with it. */
public record PasswordResetTokenUsed(String accountId, String tokenDigest, Instant usedAt) {
}
