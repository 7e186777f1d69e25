package social.annals.gateway.emoji;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import social.annals.events.emoji.CustomEmoji;

/**
 * Pleroma's {@code emoji.txt} lines ({@code shortcode, path[, tag...]}) and its path groups. The
 * quirks are deliberate: fields split on a comma and the whitespace after it, tags taken
 * verbatim, and group patterns matched as unanchored regular expressions with {@code *} as {@code .*}.
 */
final class EmojiListFormat {

    private static final Pattern SEPARATOR = Pattern.compile(",\\s*");

    private final Map<String, List<String>> groups;

    EmojiListFormat(Map<String, List<String>> groups) {
        this.groups = groups;
    }

    /** The emoji of one line; empty for blank or one-field lines and for an empty shortcode or path. */
    Optional<CustomEmoji> parse(String line) {
        String[] fields = SEPARATOR.split(line.trim(), -1);
        if (fields.length < 2 || fields[0].isEmpty() || fields[1].isEmpty()) {
            return Optional.empty();
        }
        List<String> tags = fields.length == 2 ? List.of(groupOf(fields[1]))
                : List.of(Arrays.copyOfRange(fields, 2, fields.length));
        return Optional.of(new CustomEmoji(fields[0], fields[1], tags));
    }

    /** The first configured group with a matching pattern, or {@code ""}. */
    String groupOf(String path) {
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            if (group.getValue().stream().anyMatch(pattern -> matches(pattern, path))) {
                return group.getKey();
            }
        }
        return "";
    }

    private static boolean matches(String pattern, String path) {
        if (!pattern.contains("*")) {
            return pattern.equals(path);
        }
        try {
            return Pattern.compile(pattern.replace("*", ".*")).matcher(path).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
