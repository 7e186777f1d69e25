package social.annals.query.emoji;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import social.annals.events.emoji.CustomEmoji;
import social.annals.events.emoji.CustomEmojiReloaded;
import social.annals.query.support.TestDatabase;

class EmojiProjectionTest {

    private static final Instant AT = Instant.parse("2026-11-27T12:00:00Z");
    private static final CustomEmoji BLANK = new CustomEmoji("blank", "/emoji/blank.png", List.of(""));
    private static final CustomEmoji FIREFOX = new CustomEmoji("firefox", "/emoji/Firefox.gif", List.of("Gif", "Fun"));
    private static final CustomEmoji UPPER = new CustomEmoji("Zed", "/emoji/zed.png", List.of("Custom"));

    private final EmojiProjection projection = new EmojiProjection(TestDatabase.jdbc());

    @BeforeEach
    void emptyReadModel() {
        projection.reset();
    }

    @Test
    void listsEveryEmojiInShortcodeByteOrderWithItsTags() {
        projection.on(new CustomEmojiReloaded(List.of(FIREFOX, BLANK, UPPER), List.of(), null, AT));
        assertThat(projection.handle(new EmojiQueries.All())).containsExactly(UPPER, BLANK, FIREFOX);
    }

    @Test
    void aLaterReloadReplacesChangedEntriesAndDropsRemovedOnes() {
        projection.on(new CustomEmojiReloaded(List.of(FIREFOX, BLANK), List.of(), null, AT));
        CustomEmoji moved = new CustomEmoji("blank", "/emoji/pack/blank.png", List.of("pack:pack"));
        projection.on(new CustomEmojiReloaded(List.of(moved), List.of("firefox"), "admin", AT));
        assertThat(projection.handle(new EmojiQueries.All())).containsExactly(moved);
    }

    @Test
    void replayingTheSameReloadsGivesTheSameList() {
        var first = new CustomEmojiReloaded(List.of(FIREFOX, BLANK), List.of(), null, AT);
        var second = new CustomEmojiReloaded(List.of(UPPER), List.of("blank"), "admin", AT);
        projection.on(first);
        projection.on(second);
        var before = projection.handle(new EmojiQueries.All());
        projection.on(first);
        projection.on(second);
        assertThat(projection.handle(new EmojiQueries.All())).isEqualTo(before);
    }

    @Test
    void findsOnlyTheNamedShortcodes() {
        projection.on(new CustomEmojiReloaded(List.of(FIREFOX, BLANK), List.of(), null, AT));
        assertThat(projection.handle(new EmojiQueries.ByShortcodes(List.of("firefox", "unknown"))))
                .containsExactly(FIREFOX);
        assertThat(projection.handle(new EmojiQueries.ByShortcodes(List.of()))).isEmpty();
    }
}
