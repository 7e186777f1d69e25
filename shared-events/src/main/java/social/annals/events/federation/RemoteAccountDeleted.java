package social.annals.events.federation;

import java.time.Instant;

/**
 * A remote account's server said the actor is gone (its {@code Delete} of itself): the account
 * and what we have of it disappear here.
 */
public record RemoteAccountDeleted(String accountId, String actorUri, Instant deletedAt) {
}
