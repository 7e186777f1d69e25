package social.annals.gateway.render.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Mastodon's Notification with Pleroma's {@code is_seen}: the id a decimal string, the actor as
 * the recipient sees it; {@code status} is left out where there is none (follows), {@code emoji}
 * but for a reaction, and Pleroma's {@code emoji_url} but for a reaction with another server's
 * custom emoji.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Notification(
        String id,
        String type,
        String createdAt,
        Account account,
        @JsonInclude(JsonInclude.Include.NON_NULL) Status status,
        @JsonInclude(JsonInclude.Include.NON_NULL) String emoji,
        @JsonInclude(JsonInclude.Include.NON_NULL) String emojiUrl,
        Pleroma pleroma) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Pleroma(boolean isSeen) {

        public static final Pleroma SEEN = new Pleroma(true);
        public static final Pleroma UNSEEN = new Pleroma(false);
    }
}
