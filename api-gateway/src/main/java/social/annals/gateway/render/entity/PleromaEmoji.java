package social.annals.gateway.render.entity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** An emoji in Pleroma's emoji list (keyed by shortcode): the image path exactly as configured, and its tags. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PleromaEmoji(String imageUrl, List<String> tags) {
}
