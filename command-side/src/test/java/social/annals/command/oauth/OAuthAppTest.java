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
                .when(new OAuthCommands.RegisterApp("app-1", "client", "secret-digest", "Tusky",
                        "urn:ietf:wg:oauth:2.0:oob", List.of("read", "write"), null))
                .expectEvents(new OAuthAppRegistered("app-1", "client", "secret-digest", "Tusky",
                        "urn:ietf:wg:oauth:2.0:oob", List.of("read", "write"), null, NOW));
    }

    @Test
    void theEmbeddedWebClientsNameIsReserved() {
        fixture.givenNoPriorActivity()
                .when(new OAuthCommands.RegisterApp("app-1", "client", "d", OAuthApp.RESERVED_NAME, "urn",
                        List.of("read"), null))
                .expectNoEvents()
                .expectException(AppRejected.class);
    }

    @Test
    void oversizedFieldsAndScopeListsAreRefusedBeforeTheyReachTheLog() {
        List<OAuthCommands.RegisterApp> oversized = List.of(
                new OAuthCommands.RegisterApp("app-1", "c", "d", "n".repeat(OAuthApp.MAX_NAME + 1), "urn",
                        List.of("read"), null),
                new OAuthCommands.RegisterApp("app-1", "c", "d", "n", "u".repeat(OAuthApp.MAX_URIS + 1),
                        List.of("read"), null),
                new OAuthCommands.RegisterApp("app-1", "c", "d", "n", "urn", List.of("read"),
                        "w".repeat(OAuthApp.MAX_URIS + 1)),
                new OAuthCommands.RegisterApp("app-1", "c", "d", "n", "urn",
                        java.util.stream.IntStream.range(0, OAuthApp.MAX_SCOPES + 1).mapToObj(i -> "s" + i).toList(), null),
                new OAuthCommands.RegisterApp("app-1", "c", "d", "n", "urn", List.of("read", "r".repeat(65)), null),
                new OAuthCommands.RegisterApp("app-1", "c", "d", "n", "urn", List.of("<script>"), null));
        for (OAuthCommands.RegisterApp command : oversized) {
            fixture.givenNoPriorActivity().when(command).expectNoEvents().expectException(AppRejected.class);
        }
    }

    @Test
    void pleromasFineGrainedAndAdminScopesAreAccepted() {
        List<String> scopes = List.of("read:statuses", "write:follows", "admin:read:accounts", "push", "follow");
        fixture.givenNoPriorActivity()
                .when(new OAuthCommands.RegisterApp("app-1", "c", "d", "n", "urn", scopes, "https://example.org"))
                .expectEvents(new OAuthAppRegistered("app-1", "c", "d", "n", "urn", scopes, "https://example.org", NOW));
    }
}
