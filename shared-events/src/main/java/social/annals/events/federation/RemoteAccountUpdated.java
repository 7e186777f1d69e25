package social.annals.events.federation;

import java.time.Instant;

/** A remote account's actor document changed: fetched again, or sent to us in an {@code Update}. */
public record RemoteAccountUpdated(String accountId, RemoteProfile profile, Instant updatedAt) {
}
