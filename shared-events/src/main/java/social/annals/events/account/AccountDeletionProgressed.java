package social.annals.events.account;

import java.time.Instant;

/**
 * One batch of an account's deletion is done. {@code phase} is what the batch worked on and
 * {@code cursor} the last id it handled, so the process resumes after it; the counts are totals
 * so far, and {@code statusesRemaining} is what is left to delete.
 */
public record AccountDeletionProgressed(String accountId, Phase phase, String cursor, int relationshipsSevered,
                                        int statusesDeleted, int statusesRemaining, Instant progressedAt) {

    public enum Phase { RELATIONSHIPS, STATUSES }
}
