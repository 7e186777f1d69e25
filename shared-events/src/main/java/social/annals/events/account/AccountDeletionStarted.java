package social.annals.events.account;

import java.time.Instant;

/**
 * Deletion of a local account began: from now on it is deactivated (every way of signing in
 * refuses it) and the deletion process severs its relationships and deletes its statuses.
 * {@code requestedBy} is the account itself or the admin who deleted it.
 */
public record AccountDeletionStarted(String accountId, String nickname, String requestedBy, Instant startedAt) {
}
