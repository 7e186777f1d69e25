package social.annals.gateway.render.entity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The {@code pleroma} object of a boost's wrapper: local, and no reactions of its own. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BoostPleroma(boolean local, List<EmojiReaction> emojiReactions) implements Status.Pleroma {

    public static final BoostPleroma LOCAL = new BoostPleroma(true, List.of());
}
