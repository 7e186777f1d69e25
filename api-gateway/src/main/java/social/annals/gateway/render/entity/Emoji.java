package social.annals.gateway.render.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * A custom emoji (Mastodon's CustomEmoji). One used in a status is not offered in the picker and
 * has no {@code tags}; the instance's own list offers every emoji with its tags.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Emoji(String shortcode, String url, String staticUrl, boolean visibleInPicker,
                    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> tags) {
}
