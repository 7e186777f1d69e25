package social.annals.command.social;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import social.annals.events.social.ThreadMuted;
import social.annals.events.social.ThreadUnmuted;

class ThreadMuteTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private AggregateTestFixture<ThreadMute> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ThreadMute.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void mutingAndUnmutingAreRecordedOnlyWhenTheyChangeSomething() {
        fixture.givenNoPriorActivity()
                .when(new ThreadMuteCommands.Mute("A", "C1"))
                .expectEvents(new ThreadMuted("A", "C1", NOW));
        fixture.given(new ThreadMuted("A", "C1", NOW))
                .when(new ThreadMuteCommands.Mute("A", "C1"))
                .expectNoEvents();
        fixture.given(new ThreadMuted("A", "C1", NOW))
                .when(new ThreadMuteCommands.Unmute("A", "C1"))
                .expectEvents(new ThreadUnmuted("A", "C1", NOW));
        fixture.givenNoPriorActivity()
                .when(new ThreadMuteCommands.Unmute("A", "C1"))
                .expectNoEvents();
    }
}
