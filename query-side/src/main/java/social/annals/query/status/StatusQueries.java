package social.annals.query.status;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Queries of the "statuses" read model. Every list is newest first, keyset-paged by status id
 * ({@code maxId}, {@code sinceId}, {@code minId}, {@code limit}), and holds only what the viewer
 * (null for anonymous) may see.
 */
public final class StatusQueries {

    private StatusQueries() {
    }

    public record Page(String maxId, String sinceId, String minId, int limit) {
    }

    /** One status or boost if the viewer may see it; the boosted status must be visible too. */
    public record ById(String statusId, String viewerId) {
    }

    /** Statuses (and boosted originals) by id, without visibility checks: for rendering what was already checked. */
    /**
     * Which of {@code viewers} must not be shown a post of {@code authorId} in {@code conversationId}
     * (null: any): they block or mute the author, the author blocks them, or they muted the thread.
     */
    public record HiddenFrom(String authorId, String conversationId, java.util.Collection<String> viewers) {
    }

    /** Which of {@code among} have the status in their home timeline (for the live streams). */
    public record HomeTimelineOwners(String statusId, java.util.Collection<String> among) {
    }

    /** Those of the statuses the viewer may see now (null: anonymous), in no particular order. */
    public record VisibleByIds(List<String> statusIds, String viewerId) {
    }

    /** The status with this ActivityPub id (a remote one's, or a local one's object URI is not here), or null. */
    public record ByUri(String uri) {
    }

    public record ByIds(List<String> statusIds) {
    }

    /** The statuses of a thread the viewer may see, oldest first (at most 500). */
    public record Conversation(String conversationId, String viewerId) {
    }

    /** The account's pinned statuses the viewer may see. */
    public record PinnedStatuses(String accountId, String viewerId) {
    }

    /** {@code onlyMedia}: only statuses with attachments. */
    public record AccountStatuses(String accountId, String viewerId, Page page, boolean excludeReplies,
                                  boolean excludeReblogs, boolean onlyMedia) {
        public AccountStatuses(String accountId, String viewerId, Page page, boolean excludeReplies,
                               boolean excludeReblogs) {
            this(accountId, viewerId, page, excludeReplies, excludeReblogs, false);
        }
    }

    /** {@code localOnly}: only statuses posted here (Mastodon's {@code local=true}). */
    public record PublicTimeline(String viewerId, Page page, boolean withMuted, boolean onlyMedia, boolean localOnly) {
        public PublicTimeline(String viewerId, Page page, boolean withMuted) {
            this(viewerId, page, withMuted, false, false);
        }
    }

    public record HomeTimeline(String viewerId, Page page, boolean withMuted) {
    }

    /** Public statuses with a hashtag (lower case). */
    public record TagTimeline(String tag, String viewerId, Page page, boolean withMuted) {
    }

    /** Statuses whose text contains the words, that the viewer may see, newest first. */
    public record TextSearch(String text, String viewerId, int limit) {
    }

    /** Hashtags in use that start with the text. */
    public record TagSearch(String text, int limit) {
    }

    /** Direct statuses the viewer wrote or is addressed by. */
    public record DirectTimeline(String viewerId, Page page) {
    }

    /** Accounts that boosted a status, keyset-paged by account id. */
    public record RebloggedBy(String statusId, Page page) {
    }

    /** The statuses {@code ownerId} favourited that the viewer may see, by status id. */
    public record Favourites(String ownerId, String viewerId, Page page) {
    }

    /** The owner's bookmarks that it may still see, keyset-paged by status id. */
    public record Bookmarks(String ownerId, Page page) {
    }

    /** Accounts that favourited a status, keyset-paged by account id. */
    public record FavouritedBy(String statusId, Page page) {
    }

    public record MediaByIds(java.util.Collection<String> mediaIds) {
    }

    /** An uploaded file; {@code description} is null when none was given (or it was erased). */
    public record Media(String mediaId, String ownerId, String mimeType, String description) {
    }

    /** Who reacted to one status, per emoji (all emoji when {@code emoji} is null), earliest first. */
    public record Reactors(String statusId, String emoji) {
    }

    /** {@code url}: another server's custom emoji's image, null for a Unicode emoji. */
    public record ReactionAccounts(String emoji, List<String> accountIds, String url) {
    }

    /** What the viewer did with these statuses: favourited, boosted, bookmarked, reacted, muted. */
    public record ViewerFlags(String viewerId, List<String> statusIds) {
    }

    /**
     * {@code muted}: the viewer muted the author or the conversation; {@code threadMuted}: the
     * conversation; {@code reactedWith}: per status, the emoji the viewer reacted with.
     */
    public record Flags(Set<String> favourited, Set<String> reblogged, Set<String> muted, Set<String> threadMuted,
                        Set<String> bookmarked, Map<String, Set<String>> reactedWith) {

        public static final Flags NONE = new Flags(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Map.of());

    }
}
