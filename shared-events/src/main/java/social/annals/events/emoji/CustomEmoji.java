package social.annals.events.emoji;

import java.util.List;

/** One custom emoji: its shortcode (without colons), the public path of its image, and its tags. */
public record CustomEmoji(String shortcode, String imageUrl, List<String> tags) {

    public CustomEmoji {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
