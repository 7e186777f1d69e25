package social.annals.command.federation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import social.annals.command.account.SigningKeyPairs;
import social.annals.events.account.SigningKeyGenerated;

class InstanceActorTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final SigningKeyPairs.Pem KEYS = new SigningKeyPairs.Pem("public-pem", "private-pem");

    private AggregateTestFixture<InstanceActor> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InstanceActor.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new SigningKeyPairs(1024) {
            @Override
            public Pem generate() {
                return KEYS;
            }
        });
    }

    @Test
    void theFirstNeedGivesTheInstanceActorItsKey() {
        fixture.givenNoPriorActivity()
                .when(new InstanceActorCommands.EnsureKey())
                .expectEvents(new SigningKeyGenerated(InstanceActorCommands.ID, "public-pem", "private-pem", NOW));
    }

    @Test
    void itKeepsTheKeyItHas() {
        fixture.given(new SigningKeyGenerated(InstanceActorCommands.ID, "old-public", "old-private", NOW))
                .when(new InstanceActorCommands.EnsureKey())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
