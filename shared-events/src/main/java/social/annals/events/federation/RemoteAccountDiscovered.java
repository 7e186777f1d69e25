package social.annals.events.federation;

import java.time.Instant;

/** An account of another server became known here, under a local id, as its actor document described it. */
public record RemoteAccountDiscovered(String accountId, RemoteProfile profile, Instant discoveredAt) {
}
