package social.annals.events.account;

import java.time.Instant;

/** {@code revokedBy} is the acting admin's nickname. */
public record AccountRoleRevoked(String accountId, String nickname, AccountRole role, String revokedBy,
                                 Instant revokedAt) {
}
