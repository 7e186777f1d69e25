package social.annals.command.federation;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import social.annals.events.federation.RemoteAccountDeleted;
import social.annals.events.federation.RemoteAccountDiscovered;
import social.annals.events.federation.RemoteAccountUpdated;
import social.annals.events.federation.RemoteProfile;

class RemoteAccountTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final String ID = "BD7AhsMi1hXTwPW3iK";
    private static final RemoteProfile ALICE = new RemoteProfile("https://remote.example/users/alice", "alice",
            "remote.example", "Alice", "<p>hi</p>", "https://remote.example/@alice", null, null,
            "https://remote.example/users/alice/inbox", "https://remote.example/inbox",
            "https://remote.example/users/alice/followers", "https://remote.example/users/alice/following",
            "https://remote.example/users/alice#main-key", "PEM", false, false);

    private final RemoteAccountLookup lookup = mock(RemoteAccountLookup.class);
    private AggregateTestFixture<RemoteAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RemoteAccount.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerAnnotatedCommandHandler(new RemoteAccounts(fixture.getRepository(), lookup));
    }

    @Test
    void anUnknownActorBecomesANewAccount() {
        when(lookup.accountIdOf(ALICE.actorUri())).thenReturn(Optional.empty());
        fixture.givenNoPriorActivity()
                .when(new RemoteAccountCommands.Discover(ID, ALICE))
                .expectEvents(new RemoteAccountDiscovered(ID, ALICE, NOW))
                .expectResultMessagePayload(ID);
    }

    @Test
    void aKnownActorKeepsItsAccountAndOnlyAChangedProfileIsRecorded() {
        when(lookup.accountIdOf(ALICE.actorUri())).thenReturn(Optional.of(ID));
        fixture.given(new RemoteAccountDiscovered(ID, ALICE, NOW))
                .when(new RemoteAccountCommands.Discover("another-new-id", ALICE))
                .expectNoEvents()
                .expectResultMessagePayload(ID);
        RemoteProfile renamed = new RemoteProfile(ALICE.actorUri(), "alice", "remote.example", "Alice B",
                ALICE.summaryHtml(), ALICE.url(), null, null, ALICE.inbox(), ALICE.sharedInbox(), ALICE.followersUri(),
                ALICE.followingUri(), ALICE.publicKeyId(), "ROTATED", true, false);
        fixture.given(new RemoteAccountDiscovered(ID, ALICE, NOW))
                .when(new RemoteAccountCommands.Discover("another-new-id", renamed))
                .expectEvents(new RemoteAccountUpdated(ID, renamed, NOW));
    }

    @Test
    void anActorCannotChangeItsId() {
        RemoteProfile moved = new RemoteProfile("https://remote.example/users/mallory", "alice", "remote.example",
                "Alice", "", null, null, null, ALICE.inbox(), null, null, null, ALICE.publicKeyId(), "PEM", false,
                false);
        fixture.given(new RemoteAccountDiscovered(ID, ALICE, NOW))
                .when(new RemoteAccountCommands.Refresh(ID, moved))
                .expectNoEvents()
                .expectException(FederationRefused.class);
    }

    @Test
    void anActorThatDeletedItselfIsDeletedOnceAndNeverRefreshed() {
        fixture.given(new RemoteAccountDiscovered(ID, ALICE, NOW))
                .when(new RemoteAccountCommands.Delete(ID))
                .expectEvents(new RemoteAccountDeleted(ID, ALICE.actorUri(), NOW));
        fixture.given(new RemoteAccountDiscovered(ID, ALICE, NOW), new RemoteAccountDeleted(ID, ALICE.actorUri(), NOW))
                .when(new RemoteAccountCommands.Delete(ID))
                .expectNoEvents();
        fixture.given(new RemoteAccountDiscovered(ID, ALICE, NOW), new RemoteAccountDeleted(ID, ALICE.actorUri(), NOW))
                .when(new RemoteAccountCommands.Refresh(ID, ALICE))
                .expectNoEvents()
                .expectException(FederationRefused.class);
    }
}
