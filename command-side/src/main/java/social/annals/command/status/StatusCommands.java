package social.annals.command.status;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import social.annals.events.emoji.CustomEmoji;
import social.annals.events.moderation.Moderator;
import social.annals.events.status.RemoteOrigin;
import social.annals.events.status.StatusPosted;
import social.annals.events.status.Visibility;

public final class StatusCommands {

    private StatusCommands() {
    }

    /**
     * Post a status. The caller has rendered the text to HTML and resolved mentions, tags and the
     * thread; {@code idempotencyKey} (may be null) makes a repeated request answer the first status.
     * Answers a {@link Posted}.
     */
    public record Post(String statusId, String authorId, String text, String contentHtml, String spoilerText,
                       Visibility visibility, boolean sensitive, String inReplyToId, String inReplyToAccountId,
                       String conversationId, List<String> mentionedIds, List<String> tags, List<CustomEmoji> emojis,
                       List<String> mediaIds, String applicationName, String idempotencyKey) {
    }

    /**
     * What a {@link Post} decided: the status's id (the existing one for a repeated key) and, when
     * this post made it, the status as posted, so the poster can be answered before any read model
     * has it.
     */
    public record Posted(String statusId, StatusPosted status) {
    }

    /**
     * A status of another server, as it described it ({@code status.remote()} says where from).
     * Answers its id here: the new one, or the one it already has when its URI is known.
     */
    public record Receive(StatusPosted status) {
    }

    /** A remote status changed by its author (an Update of its Note); {@code authorId} must be its author. */
    public record ReceiveEdit(@TargetAggregateIdentifier String statusId, String authorId, String text,
                              String contentHtml, String spoilerText, boolean sensitive, List<String> tags,
                              List<CustomEmoji> emojis, List<RemoteOrigin.RemoteAttachment> attachments,
                              Instant editedAt) {
    }

    /** The same decision as {@link Post}, answering the status it would post and recording nothing. */
    public record Preview(Post post) {
    }

    /** A moderator's change; null leaves a field as it is. Direct visibility cannot be set this way. */
    public record Moderate(@TargetAggregateIdentifier String statusId, Boolean sensitive, Visibility visibility,
                           Moderator by) {
    }

    /** {@code moderator}: the actor may delete other people's statuses. */
    public record Delete(@TargetAggregateIdentifier String statusId, String actorId, boolean moderator) {
    }

    public record Favourite(@TargetAggregateIdentifier String favouriteId, String accountId, String statusId,
                            String statusAuthorId) {
        public Favourite(String accountId, String statusId, String statusAuthorId) {
            this("fav:" + accountId + ":" + statusId, accountId, statusId, statusAuthorId);
        }
    }

    public record Unfavourite(@TargetAggregateIdentifier String favouriteId, String accountId, String statusId,
                              String statusAuthorId) {
        public Unfavourite(String accountId, String statusId, String statusAuthorId) {
            this("fav:" + accountId + ":" + statusId, accountId, statusId, statusAuthorId);
        }
    }

    /** Decided by {@link StatusPinning}, which counts the account's pins before the status decides. */
    public record Pin(String statusId, String actorId) {
    }

    public record Unpin(@TargetAggregateIdentifier String statusId, String actorId) {
    }

    public static String bookmarkId(String accountId, String statusId) {
        return "bookmark:" + accountId + ":" + statusId;
    }

    public record AddBookmark(@TargetAggregateIdentifier String bookmarkId, String accountId, String statusId) {
        public AddBookmark(String accountId, String statusId) {
            this(StatusCommands.bookmarkId(accountId, statusId), accountId, statusId);
        }
    }

    public record RemoveBookmark(@TargetAggregateIdentifier String bookmarkId, String accountId, String statusId) {
        public RemoveBookmark(String accountId, String statusId) {
            this(StatusCommands.bookmarkId(accountId, statusId), accountId, statusId);
        }
    }

    /** One account's reaction with one emoji to one status is one aggregate. */
    public static String reactionId(String accountId, String statusId, String emoji) {
        return "react:" + accountId + ":" + statusId + ":" + emoji;
    }

    /**
     * {@code emoji}: one Unicode emoji, or another server's custom emoji as {@code shortcode@host}
     * with its image at {@code emojiUrl} (null for a Unicode one).
     */
    public record React(@TargetAggregateIdentifier String reactionId, String accountId, String statusId,
                        String statusAuthorId, String emoji, String emojiUrl) {
        public React(String accountId, String statusId, String statusAuthorId, String emoji) {
            this(accountId, statusId, statusAuthorId, emoji, null);
        }

        public React(String accountId, String statusId, String statusAuthorId, String emoji, String emojiUrl) {
            this(StatusCommands.reactionId(accountId, statusId, emoji), accountId, statusId, statusAuthorId, emoji,
                    emojiUrl);
        }
    }

    public record Unreact(@TargetAggregateIdentifier String reactionId, String accountId, String statusId,
                          String statusAuthorId, String emoji) {
        public Unreact(String accountId, String statusId, String statusAuthorId, String emoji) {
            this(StatusCommands.reactionId(accountId, statusId, emoji), accountId, statusId, statusAuthorId, emoji);
        }
    }

    /** {@code reblogId} names the boost if this creates one. Answers the boost's id. */
    public record Reblog(@TargetAggregateIdentifier String boostKey, String reblogId, String accountId,
                         String statusId, String statusAuthorId) {
        public Reblog(String reblogId, String accountId, String statusId, String statusAuthorId) {
            this("reblog:" + accountId + ":" + statusId, reblogId, accountId, statusId, statusAuthorId);
        }
    }

    public record Unreblog(@TargetAggregateIdentifier String boostKey, String accountId, String statusId) {
        public Unreblog(String accountId, String statusId) {
            this("reblog:" + accountId + ":" + statusId, accountId, statusId);
        }
    }
}
