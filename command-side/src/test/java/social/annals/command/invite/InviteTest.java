package social.annals.command.invite;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import social.annals.events.invite.InviteCreated;
import social.annals.events.invite.InviteRevoked;
import social.annals.events.invite.InviteType;
import social.annals.events.invite.InviteUsed;

class InviteTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private AggregateTestFixture<Invite> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invite.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static InviteCreated created(Integer maxUse, LocalDate expiresOn) {
        return new InviteCreated(7, "digest", maxUse, expiresOn, InviteType.of(maxUse, expiresOn), "root", NOW);
    }

    @Test
    void theTypeFollowsTheLimitsGiven() {
        fixture.givenNoPriorActivity()
                .when(new InviteCommands.Create(7, "digest", 3, TODAY, "root"))
                .expectEvents(new InviteCreated(7, "digest", 3, TODAY, InviteType.REUSABLE_DATE_LIMITED, "root", NOW));
        fixture.givenNoPriorActivity()
                .when(new InviteCommands.Create(7, "digest", null, null, "root"))
                .expectEvents(new InviteCreated(7, "digest", null, null, InviteType.ONE_TIME, "root", NOW));
    }

    @Test
    void aOneTimeInviteWorksOnce() {
        fixture.given(created(null, null))
                .when(new InviteCommands.Use(7, "A1"))
                .expectEvents(new InviteUsed(7, "A1", 0, true, NOW));
        fixture.given(created(null, null), new InviteUsed(7, "A1", 0, true, NOW))
                .when(new InviteCommands.Use(7, "A2"))
                .expectNoEvents()
                .expectException(InviteExpired.class);
    }

    @Test
    void aReusableInviteCountsUsesUpToItsLimit() {
        fixture.given(created(2, null), new InviteUsed(7, "A1", 1, false, NOW))
                .when(new InviteCommands.Use(7, "A2"))
                .expectEvents(new InviteUsed(7, "A2", 2, true, NOW));
        fixture.given(created(2, null), new InviteUsed(7, "A1", 1, false, NOW), new InviteUsed(7, "A2", 2, true, NOW))
                .when(new InviteCommands.Use(7, "A3"))
                .expectException(InviteExpired.class);
    }

    @Test
    void aDateLimitedInviteWorksThroughItsLastDayAndNotAfter() {
        fixture.given(created(null, TODAY), new InviteUsed(7, "A1", 0, false, NOW))
                .when(new InviteCommands.Use(7, "A2"))
                .expectEvents(new InviteUsed(7, "A2", 0, false, NOW));
        fixture.given(created(null, TODAY.minusDays(1)))
                .when(new InviteCommands.Use(7, "A1"))
                .expectException(InviteExpired.class);
    }

    @Test
    void aRevokedInviteIsExpired() {
        fixture.given(created(5, null), new InviteRevoked(7, "root", NOW))
                .when(new InviteCommands.Use(7, "A1"))
                .expectNoEvents()
                .expectException(InviteExpired.class);
    }
}
