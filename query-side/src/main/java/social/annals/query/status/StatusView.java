package social.annals.query.status;

import java.time.Instant;
import java.util.List;
import social.annals.events.emoji.CustomEmoji;
import social.annals.events.status.RemoteOrigin;

/**
 * A status or a boost (then {@code reblogOfId} names the boosted status and the text fields are
 * null). {@code remote} is null for a local status.
 */
public record StatusView(
        String statusId,
        String authorId,
        String reblogOfId,
        String text,
        String contentHtml,
        String spoilerText,
        String visibility,
        boolean sensitive,
        String inReplyToId,
        String inReplyToAccountId,
        String conversationId,
        List<String> mentionedIds,
        List<String> tags,
        List<CustomEmoji> emojis,
        List<String> mediaIds,
        String applicationName,
        int favouritesCount,
        int reblogsCount,
        int repliesCount,
        Instant createdAt,
        boolean pinned,
        List<Reactions> reactions,
        RemoteOrigin remote,
        Instant editedAt) {

    /** Whether the status was posted here rather than received from another server. */
    public boolean local() {
        return remote == null;
    }

    /**
     * How many reacted with one emoji; a status lists them by each emoji's earliest remaining
     * reaction. {@code url}: another server's custom emoji's image, null for a Unicode emoji.
     */
    public record Reactions(String emoji, int count, String url) {

        public Reactions(String emoji, int count) {
            this(emoji, count, null);
        }
    }
}
