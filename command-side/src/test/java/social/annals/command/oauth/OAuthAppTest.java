package social.annals.command.oauth;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import social.annals.events.oauth.OAuthAppRegistered;

class OAuthAppTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private AggregateTestFixture<OAuthApp> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OAuthApp.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void registeringAnAppKeepsOnlyTheSecretsDigest() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAppCommand("app-1", "client", "secret-digest", "Tusky", "urn:ietf:wg:oauth:2.0:oob",
                        List.of("read", "write"), null))
                .expectEvents(new OAuthAppRegistered("app-1", "client", "secret-digest", "Tusky",
                        "urn:ietf:wg:oauth:2.0:oob", List.of("read", "write"), null, NOW));
    }

    @Test
    void theEmbeddedWebClientsNameIsReserved() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAppCommand("app-1", "client", "d", OAuthApp.RESERVED_NAME, "urn", List.of("read"),
                        null))
                .expectNoEvents()
                .expectException(AppRejected.class);
    }
}
