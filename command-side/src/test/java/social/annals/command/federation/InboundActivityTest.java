package social.annals.command.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import social.annals.events.federation.ActivityReceived;
import social.annals.events.federation.ActivityRejected;
import social.annals.events.federation.InstancePolicy;

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
                        FOLLOW.objectUri(), "{}", NOW));
    }

    @Test
    void anActivityReceivedBeforeIsNotReceivedAgain() {
        fixture.given(new ActivityReceived(FOLLOW.inboundId(), FOLLOW.activityUri(), "Follow", "remote-account",
                        FOLLOW.objectUri(), "{}", NOW))
                .when(new InboundActivityCommands.ReceiveAgain(FOLLOW))
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

    private static final InboundActivityCommands.Reject REJECT_FOLLOW = InboundActivityCommands.Reject.of(
            FOLLOW.activityUri(), "Follow", "https://remote.example/users/spam", "remote.example", FOLLOW.objectUri(),
            InstancePolicy.REJECT);

    private static ActivityRejected rejected() {
        return new ActivityRejected(FOLLOW.inboundId(), FOLLOW.activityUri(), "Follow",
                "https://remote.example/users/spam", "remote.example", FOLLOW.objectUri(), InstancePolicy.REJECT, NOW);
    }

    @Test
    void aRejectedActivityIsRecordedAsRejectedOnce() {
        fixture.givenNoPriorActivity()
                .when(REJECT_FOLLOW)
                .expectEvents(rejected())
                .expectResultMessagePayload(true);
        fixture.given(rejected())
                .when(REJECT_FOLLOW)
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void anActivityRejectedAtTheDoorIsReceivedWhenSentAgainAfterThePolicyWasLifted() {
        fixture.given(rejected())
                .when(new InboundActivityCommands.ReceiveAgain(FOLLOW))
                .expectEvents(new ActivityReceived(FOLLOW.inboundId(), FOLLOW.activityUri(), "Follow", "remote-account",
                        FOLLOW.objectUri(), "{}", NOW))
                .expectResultMessagePayload(true);
    }

    @Test
    void aReceivedActivityStoppedByAPolicyBeforeItWasActedOnIsRecordedAsRejected() {
        fixture.given(new ActivityReceived(FOLLOW.inboundId(), FOLLOW.activityUri(), "Follow", "remote-account",
                        FOLLOW.objectUri(), "{}", NOW))
                .when(REJECT_FOLLOW)
                .expectEvents(rejected());
    }
}
