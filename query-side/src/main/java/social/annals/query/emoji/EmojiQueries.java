package social.annals.query.emoji;

import java.util.Collection;

/** Queries answered from the "emoji" read model; answers are {@code CustomEmoji} records. */
public final class EmojiQueries {

    private EmojiQueries() {
    }

    /** Every custom emoji, sorted by shortcode. */
    public record All() {
    }

    /** The custom emoji among these shortcodes (for rendering {@code :shortcode:} in a post). */
    public record ByShortcodes(Collection<String> shortcodes) {
    }
}
