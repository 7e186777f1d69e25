package social.annals.gateway.render.entity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A custom emoji used in a status or a profile (Mastodon's CustomEmoji). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Emoji(String shortcode, String url, String staticUrl, boolean visibleInPicker) {
}
