package social.annals.events.invite;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An admin created a registration invite. The token itself is never recorded: it is derived
 * from the id with a server secret, and only its digest (for finding the invite) is kept.
 * {@code maxUse} and {@code expiresOn} (the last valid day, UTC) are null when unlimited.
 */
public record InviteCreated(long inviteId, String tokenDigest, Integer maxUse, LocalDate expiresOn, InviteType type,
                            String createdBy, Instant createdAt) {
}
