package social.annals.events.social;

import java.time.Instant;

public record AccountUnmuted(String muterId, String mutedId, Instant unmutedAt) {
}
