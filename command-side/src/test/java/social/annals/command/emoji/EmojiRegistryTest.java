package social.annals.command.emoji;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import social.annals.events.emoji.CustomEmoji;
import social.annals.events.emoji.CustomEmojiReloaded;

class EmojiRegistryTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final CustomEmoji HEART = new CustomEmoji("heart", "/emoji/custom/heart.png", List.of("Custom"));
    private static final CustomEmoji STAR = new CustomEmoji("star", "/emoji/custom/star.png", List.of("Custom"));

    private AggregateTestFixture<EmojiRegistry> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(EmojiRegistry.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theFirstLoadRecordsEveryEmoji() {
        fixture.givenNoPriorActivity()
                .when(EmojiCommands.Reload.of(List.of(HEART, STAR), null))
                .expectEvents(new CustomEmojiReloaded(List.of(HEART, STAR), List.of(), null, NOW));
    }

    @Test
    void aStartupReloadOfUnchangedFilesRecordsNothing() {
        fixture.given(new CustomEmojiReloaded(List.of(HEART, STAR), List.of(), null, NOW))
                .when(EmojiCommands.Reload.of(List.of(STAR, HEART), null))
                .expectNoEvents();
    }

    @Test
    void aReloadRecordsOnlyWhatChangedAndWhatDisappeared() {
        CustomEmoji retagged = new CustomEmoji("heart", "/emoji/custom/heart.png", List.of("Love"));
        CustomEmoji wave = new CustomEmoji("wave", "/emoji/custom/wave.png", List.of("Custom"));
        fixture.given(new CustomEmojiReloaded(List.of(HEART, STAR), List.of(), null, NOW))
                .when(EmojiCommands.Reload.of(List.of(retagged, wave), "admin-1"))
                .expectEvents(new CustomEmojiReloaded(List.of(retagged, wave), List.of("star"), "admin-1", NOW));
    }

    @Test
    void anAdminReloadIsRecordedEvenWhenNothingChanged() {
        fixture.given(new CustomEmojiReloaded(List.of(HEART), List.of(), null, NOW))
                .when(EmojiCommands.Reload.of(List.of(HEART), "admin-1"))
                .expectEvents(new CustomEmojiReloaded(List.of(), List.of(), "admin-1", NOW));
    }

    @Test
    void aLaterSourceWinsForARepeatedShortcode() {
        CustomEmoji override = new CustomEmoji("heart", "/emoji/pack/heart.png", List.of("pack:pack"));
        fixture.givenNoPriorActivity()
                .when(EmojiCommands.Reload.of(List.of(HEART, override), null))
                .expectEvents(new CustomEmojiReloaded(List.of(override), List.of(), null, NOW));
    }
}
