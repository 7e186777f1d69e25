package social.annals.events.emoji;

import java.time.Instant;
import java.util.List;

/**
 * The instance's custom emoji were reloaded from the operator's emoji sources: {@code upserted}
 * are the new and changed entries, {@code removed} the shortcodes that disappeared.
 * {@code reloadedBy} is the admin who asked, or null for the reload at startup.
 */
public record CustomEmojiReloaded(List<CustomEmoji> upserted, List<String> removed, String reloadedBy,
                                  Instant reloadedAt) {

    public CustomEmojiReloaded {
        upserted = List.copyOf(upserted);
        removed = List.copyOf(removed);
    }
}
