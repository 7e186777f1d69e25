package social.annals.events.account;

import java.time.Instant;

/** The account has a new password (its hash); every token it had stops working. */
public record PasswordChanged(String accountId, String passwordHash, Instant changedAt) {
}
