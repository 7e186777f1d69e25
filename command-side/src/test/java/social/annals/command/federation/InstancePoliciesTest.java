package social.annals.command.federation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import social.annals.events.federation.InstancePoliciesChanged;
import social.annals.events.federation.InstancePolicy;
import social.annals.events.moderation.Moderator;

class InstancePoliciesTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final Moderator ADMIN = new Moderator("admin-1", "admin");
    private static final String HOST = "spam.example";

    private AggregateTestFixture<InstancePolicies> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InstancePolicies.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static InstancePoliciesChanged changed(List<InstancePolicy> now, List<InstancePolicy> applied,
                                                   List<InstancePolicy> lifted, String reason) {
        return new InstancePoliciesChanged(HOST, now, applied, lifted, reason, ADMIN, NOW);
    }

    @Test
    void policiesGivenToAHostAreRecordedWithTheReason() {
        fixture.givenNoPriorActivity()
                .when(InstancePolicyCommands.Change.of(HOST, Set.of(InstancePolicy.REJECT), " spam ", ADMIN))
                .expectEvents(changed(List.of(InstancePolicy.REJECT), List.of(InstancePolicy.REJECT), List.of(),
                        "spam"));
    }

    @Test
    void aChangeRecordsWhatWasAppliedAndWhatWasLifted() {
        fixture.given(changed(List.of(InstancePolicy.MEDIA_NSFW, InstancePolicy.AVATAR_REMOVAL),
                        List.of(InstancePolicy.MEDIA_NSFW, InstancePolicy.AVATAR_REMOVAL), List.of(), "nsfw"))
                .when(InstancePolicyCommands.Change.of(HOST,
                        Set.of(InstancePolicy.MEDIA_REMOVAL, InstancePolicy.AVATAR_REMOVAL), "nsfw", ADMIN))
                .expectEvents(changed(List.of(InstancePolicy.MEDIA_REMOVAL, InstancePolicy.AVATAR_REMOVAL),
                        List.of(InstancePolicy.MEDIA_REMOVAL), List.of(InstancePolicy.MEDIA_NSFW), "nsfw"));
    }

    @Test
    void settingWhatAppliesAlreadyChangesNothing() {
        fixture.given(changed(List.of(InstancePolicy.REJECT), List.of(InstancePolicy.REJECT), List.of(), "spam"))
                .when(InstancePolicyCommands.Change.of(HOST, Set.of(InstancePolicy.REJECT), "spam", ADMIN))
                .expectNoEvents();
    }

    @Test
    void liftingEveryPolicyForgetsTheReason() {
        fixture.given(changed(List.of(InstancePolicy.REJECT), List.of(InstancePolicy.REJECT), List.of(), "spam"))
                .when(InstancePolicyCommands.Change.of(HOST, Set.of(), "ignored", ADMIN))
                .expectEvents(changed(List.of(), List.of(), List.of(InstancePolicy.REJECT), null));
    }

    @Test
    void nothingToLiftOnAHostWithoutPoliciesChangesNothing() {
        fixture.givenNoPriorActivity()
                .when(InstancePolicyCommands.Change.of(HOST, Set.of(), null, ADMIN))
                .expectNoEvents();
    }
}
