package social.annals.gateway.emoji;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import social.annals.events.emoji.CustomEmoji;

class EmojiListFormatTest {

    private final EmojiListFormat defaults = new EmojiListFormat(new EmojiSettings(null, null, null, null, null).groups());

    @Test
    void twoFieldsTakeTheirTagFromTheGroups() {
        assertThat(defaults.parse("  blank, /emoji/blank.png  "))
                .contains(new CustomEmoji("blank", "/emoji/blank.png", List.of("Custom")));
        assertThat(defaults.parse("far, /elsewhere/far.png"))
                .contains(new CustomEmoji("far", "/elsewhere/far.png", List.of("")));
    }

    @Test
    void moreFieldsAreTagsTakenVerbatim() {
        assertThat(defaults.parse("firefox, /emoji/Firefox.gif, Gif,Fun"))
                .contains(new CustomEmoji("firefox", "/emoji/Firefox.gif", List.of("Gif", "Fun")));
        // Whitespace before a comma belongs to the field; a trailing comma is an empty tag.
        assertThat(defaults.parse("x, /emoji/x.png , A ,"))
                .contains(new CustomEmoji("x", "/emoji/x.png ", List.of("A ", "")));
    }

    @Test
    void linesWithoutShortcodeAndPathAreSkipped() {
        assertThat(defaults.parse("")).isEmpty();
        assertThat(defaults.parse("   ")).isEmpty();
        assertThat(defaults.parse("lonely")).isEmpty();
        assertThat(defaults.parse(", /emoji/nameless.png")).isEmpty();
        assertThat(defaults.parse("pathless, ")).isEmpty();
    }

    @Test
    void groupsMatchInOrderAsUnanchoredPatterns() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("Exact", List.of("/emoji/exact.png"));
        groups.put("Finmoji", List.of("/finmoji/*.png"));
        groups.put("Broken", List.of("/emoji/(*.png"));
        groups.put("Custom", List.of("/emoji/*.png"));
        EmojiListFormat format = new EmojiListFormat(groups);
        assertThat(format.groupOf("/emoji/exact.png")).isEqualTo("Exact");
        assertThat(format.groupOf("/static/finmoji/128px/a.png")).isEqualTo("Finmoji");
        // "." is a regex wildcard, so "xpng" matches too, as in Pleroma.
        assertThat(format.groupOf("/emoji/a/bxpng")).isEqualTo("Custom");
        assertThat(format.groupOf("/other/a.gif")).isEmpty();
    }
}
