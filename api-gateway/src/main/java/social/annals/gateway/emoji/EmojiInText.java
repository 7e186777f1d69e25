package social.annals.gateway.emoji;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import social.annals.events.emoji.CustomEmoji;
import social.annals.gateway.api.Queries;
import social.annals.query.emoji.EmojiQueries;

/** Finds the instance's custom emoji that texts use as {@code :shortcode:}. */
@Component
public class EmojiInText {

    private static final Pattern SHORTCODE = Pattern.compile(":([A-Za-z0-9_+-]+):");

    private final Queries queries;

    public EmojiInText(Queries queries) {
        this.queries = queries;
    }

    /** The known custom emoji the texts use, in order of first use, without their tags. Null texts are skipped. */
    public List<CustomEmoji> in(String... texts) {
        Set<String> shortcodes = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher matcher = SHORTCODE.matcher(text);
            while (matcher.find()) {
                shortcodes.add(matcher.group(1));
            }
        }
        if (shortcodes.isEmpty()) {
            return List.of();
        }
        Map<String, CustomEmoji> known = new HashMap<>();
        queries.many(new EmojiQueries.ByShortcodes(shortcodes), CustomEmoji.class)
                .forEach(emoji -> known.put(emoji.shortcode(), emoji));
        return shortcodes.stream().map(known::get).filter(Objects::nonNull)
                .map(emoji -> new CustomEmoji(emoji.shortcode(), emoji.imageUrl(), List.of())).toList();
    }
}
