package social.annals.gateway.render.entity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Pleroma's extension of a Status: the content and content warning as plain text too, whether the
 * viewer muted the thread, and the emoji reactions. Statuses here never expire: {@code expires_at}
 * is always null.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StatusPleroma(
        boolean local,
        String conversationId,
        String inReplyToAccountAcct,
        PlainText content,
        PlainText spoilerText,
        boolean threadMuted,
        List<EmojiReaction> emojiReactions,
        String expiresAt) implements Status.Pleroma {
}
