package social.annals.events.social;

import java.time.Instant;

/** {@code notifications}: the mute also silences notifications from the muted account. */
public record AccountMuted(String muterId, String mutedId, boolean notifications, Instant mutedAt) {
}
