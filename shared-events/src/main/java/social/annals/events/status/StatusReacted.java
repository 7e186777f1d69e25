package social.annals.events.status;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An account reacted to a status with one emoji (Pleroma's EmojiReact): a Unicode emoji, or
 * another server's custom emoji, named {@code shortcode@host} with its image at {@code emojiUrl}
 * (revision 2; null for a Unicode emoji and for reactions before it).
 */
@Revision("2")
public record StatusReacted(String accountId, String statusId, String statusAuthorId, String emoji,
                            Instant reactedAt, String emojiUrl) {

    public StatusReacted(String accountId, String statusId, String statusAuthorId, String emoji, Instant reactedAt) {
        this(accountId, statusId, statusAuthorId, emoji, reactedAt, null);
    }
}
