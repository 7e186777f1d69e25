package social.annals.command.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an account list as users bring it: whitespace- or newline-separated addresses, or
 * Mastodon's CSV exports with or without their header (only the first column counts). Entries
 * are trimmed, lose one leading {@code @}, and repeat only once (compared without case). Reading
 * stops as soon as the list is known to be too long or to hold an entry too long to be an address.
 */
final class ImportList {

    public static final int MAX_ENTRIES = 10_000;
    /** A nickname and a DNS name at their longest: a longer entry names no account, and would stay in the log. */
    public static final int MAX_ENTRY_LENGTH = 64 + 1 + 253;

    private ImportList() {
    }

    public static List<String> parse(String text) {
        if (text == null) {
            return List.of();
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : body.split("\r\n|\r|\n")) {
            int comma = line.indexOf(',');
            String first = (comma < 0 ? line : line.substring(0, comma)).trim();
            if (first.equalsIgnoreCase("Account address")) {
                continue;
            }
            for (String token : first.split("\\s+")) {
                String entry = token.startsWith("@") ? token.substring(1) : token;
                if (entry.length() > MAX_ENTRY_LENGTH) {
                    throw new ImportRejected("The list has an entry longer than " + MAX_ENTRY_LENGTH + " characters");
                }
                if (!entry.isEmpty()) {
                    entries.putIfAbsent(entry.toLowerCase(Locale.ROOT), entry);
                    if (entries.size() > MAX_ENTRIES) {
                        throw new ImportRejected("The list has more than " + MAX_ENTRIES + " entries");
                    }
                }
            }
        }
        return new ArrayList<>(entries.values());
    }
}
