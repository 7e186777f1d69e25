package social.annals.command.moderation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import social.annals.events.moderation.AccountRef;
import social.annals.events.moderation.AccountsCreatedByAdmin;
import social.annals.events.moderation.AccountsTagged;
import social.annals.events.moderation.AccountsUntagged;
import social.annals.events.moderation.FollowForced;
import social.annals.events.moderation.Moderator;

class ModerationActionTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final Moderator ROOT = new Moderator("R", "root");
    private static final AccountRef LAIN = new AccountRef("L", "lain");
    private static final AccountRef ALICE = new AccountRef("A", "alice");

    private AggregateTestFixture<ModerationAction> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ModerationAction.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void tagsAreLowerCasedTrimmedAndDeduplicated() {
        fixture.givenNoPriorActivity()
                .when(new ModerationActionCommands.Tag("M1", List.of(LAIN, ALICE), List.of("Force_NSFW ", "force_nsfw",
                        "", "sandbox"), true, ROOT))
                .expectEvents(new AccountsTagged("M1", List.of(LAIN, ALICE), List.of("force_nsfw", "sandbox"), ROOT,
                        NOW));
        fixture.givenNoPriorActivity()
                .when(new ModerationActionCommands.Tag("M2", List.of(LAIN), List.of("Sandbox"), false, ROOT))
                .expectEvents(new AccountsUntagged("M2", List.of(LAIN), List.of("sandbox"), ROOT, NOW));
    }

    @Test
    void creationsAndForcedFollowsAreRecordedAsTheyHappened() {
        fixture.givenNoPriorActivity()
                .when(new ModerationActionCommands.RecordCreation("M3", List.of(LAIN, ALICE), ROOT))
                .expectEvents(new AccountsCreatedByAdmin("M3", List.of(LAIN, ALICE), ROOT, NOW));
        fixture.givenNoPriorActivity()
                .when(new ModerationActionCommands.RecordForcedFollow("M4", LAIN, ALICE, false, ROOT))
                .expectEvents(new FollowForced("M4", LAIN, ALICE, false, ROOT, NOW));
    }
}
