package social.annals.events.social;

import java.time.Instant;

public record ThreadUnmuted(String accountId, String conversationId, Instant unmutedAt) {
}
