package social.annals.events.social;

import java.time.Instant;

/** The account muted a conversation: nothing in that thread notifies it any more. */
public record ThreadMuted(String accountId, String conversationId, Instant mutedAt) {
}
