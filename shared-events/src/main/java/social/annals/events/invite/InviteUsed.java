package social.annals.events.invite;

import java.time.Instant;

/** A registration used the invite; {@code uses} is the count after it, {@code usedUp} whether it is spent. */
public record InviteUsed(long inviteId, String accountId, int uses, boolean usedUp, Instant usedAt) {
}
