package social.annals.gateway.render.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Pleroma's emoji reaction: one emoji, how many reacted with it, whether the viewer did, and for
 * another server's custom emoji ({@code shortcode@host}) its image's {@code url}, as Pleroma shows
 * it. Only the reactions endpoint lists the accounts; inside a status the field is left out.
 */
public record EmojiReaction(String name, int count, boolean me,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String url,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<Account> accounts) {
}
