package social.annals.events.invite;

import java.time.Instant;

public record InviteRevoked(long inviteId, String revokedBy, Instant revokedAt) {
}
