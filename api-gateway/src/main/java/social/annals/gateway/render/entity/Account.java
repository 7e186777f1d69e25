package social.annals.gateway.render.entity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Mastodon's Account with Pleroma's extension. Avatars and headers are the instance's defaults;
 * {@code moved} is always null and {@code bot}, {@code suspended}, {@code limited}, {@code noindex}
 * and {@code discoverable} always false, as current Mastodon clients expect them present.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Account(
        String id,
        String username,
        String acct,
        String displayName,
        boolean locked,
        boolean bot,
        String createdAt,
        int followersCount,
        int followingCount,
        int statusesCount,
        String note,
        String url,
        String avatar,
        String avatarStatic,
        String header,
        String headerStatic,
        List<Emoji> emojis,
        List<Field> fields,
        Account moved,
        boolean suspended,
        boolean limited,
        boolean noindex,
        boolean discoverable,
        Source source,
        AccountPleroma pleroma) {
}
