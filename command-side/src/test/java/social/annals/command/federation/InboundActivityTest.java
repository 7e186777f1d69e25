package social.annals.command.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import social.annals.events.federation.ActivityReceived;

class InboundActivityTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final InboundActivityCommands.Receive FOLLOW = InboundActivityCommands.Receive.of(
            "https://remote.example/follows/1", "Follow", "remote-account", "https://annals.test/users/lain", "{}");

    private AggregateTestFixture<InboundActivity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InboundActivity.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aNewActivityIsRecordedAsReceived() {
        fixture.givenNoPriorActivity()
                .when(FOLLOW)
                .expectEvents(new ActivityReceived(FOLLOW.inboundId(), FOLLOW.activityUri(), "Follow", "remote-account",
                        FOLLOW.objectUri(), "{}", NOW))
                .expectResultMessagePayload(true);
    }

    @Test
    void anActivityReceivedBeforeIsNotReceivedAgain() {
        fixture.given(new ActivityReceived(FOLLOW.inboundId(), FOLLOW.activityUri(), "Follow", "remote-account",
                        FOLLOW.objectUri(), "{}", NOW))
                .when(FOLLOW)
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void theIdIsADigestThatFitsTheEventStore() {
        String longUri = "https://remote.example/" + "x".repeat(500);
        String id = InboundActivityCommands.Receive.of(longUri, "Follow", "a", null, "{}").inboundId();
        assertThat(id).hasSize("inbound-".length() + 64).isEqualTo(
                InboundActivityCommands.Receive.of(longUri, "Undo", "b", null, "{}").inboundId());
    }
}
