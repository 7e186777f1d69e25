package social.annals.events.account;

import java.time.Instant;

/**
 * The account's deletion finished: nothing of it is left in the read models but its nickname,
 * which stays taken, and its key is destroyed, so its personal data in older events reads as erased.
 */
public record AccountDeleted(String accountId, String nickname, int relationshipsSevered, int statusesDeleted,
                             Instant deletedAt) {
}
