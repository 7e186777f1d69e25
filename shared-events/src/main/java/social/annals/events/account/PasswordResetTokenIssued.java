package social.annals.events.account;

import java.time.Instant;

/** An admin issued a single-use password-reset token; only its digest is recorded. */
public record PasswordResetTokenIssued(String accountId, String tokenDigest, String issuedBy, Instant issuedAt) {
}
