package social.annals.events.account;

import java.time.Instant;

/** {@code grantedBy} is the acting admin's nickname, or a fixed name for the command line. */
public record AccountRoleGranted(String accountId, String nickname, AccountRole role, String grantedBy,
                                 Instant grantedAt) {
}
