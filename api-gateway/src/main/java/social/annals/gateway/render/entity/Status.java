package social.annals.gateway.render.entity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Mastodon's Status with Pleroma's extension, as one viewer sees it (the viewer's own flags:
 * {@code reblogged}, {@code favourited}, {@code bookmarked}, {@code muted}). A boost is a wrapper
 * with its own id and booster and the boosted status in {@code reblog}. There are no link
 * previews and no polls: {@code card} and {@code poll} are always null, as is {@code language};
 * {@code edited_at} is set once another server's author edited the status (Mastodon 3.5).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Status(
        String id,
        String uri,
        String url,
        Account account,
        String inReplyToId,
        String inReplyToAccountId,
        Status reblog,
        String content,
        String createdAt,
        int reblogsCount,
        int favouritesCount,
        int repliesCount,
        boolean reblogged,
        boolean favourited,
        boolean bookmarked,
        boolean muted,
        boolean pinned,
        boolean sensitive,
        String spoilerText,
        String visibility,
        List<Attachment> mediaAttachments,
        List<Mention> mentions,
        List<Tag> tags,
        List<Emoji> emojis,
        Object card,
        Object poll,
        Application application,
        String language,
        String editedAt,
        Pleroma pleroma) {

    /** The {@code pleroma} object: {@link StatusPleroma} on a status, {@link BoostPleroma} on a boost's wrapper. */
    public sealed interface Pleroma permits StatusPleroma, BoostPleroma {
    }
}
