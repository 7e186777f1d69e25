package social.annals.query.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import social.annals.events.federation.RemoteAccountDeleted;
import social.annals.events.federation.RemoteAccountDiscovered;
import social.annals.events.federation.RemoteAccountUpdated;
import social.annals.events.federation.RemoteProfile;
import social.annals.query.support.TestDatabase;

class RemoteActorProjectionTest {

    private static final Instant AT = Instant.parse("2026-12-04T12:00:00Z");

    private final RemoteActorProjection projection = new RemoteActorProjection(TestDatabase.jdbc());

    @BeforeEach
    void emptyReadModel() {
        projection.reset();
    }

    private static RemoteProfile profile(String host, String username, String key, String sharedInbox) {
        String id = "https://" + host + "/users/" + username;
        return new RemoteProfile(id, username, host, username, "", null, null, null, id + "/inbox", sharedInbox,
                id + "/followers", id + "/following", id + "#main-key", key, false, false);
    }

    @Test
    void findsAnActorByKeyIdAndByIdAndDeliversToItsSharedInbox() {
        projection.on(new RemoteAccountDiscovered("r1", profile("one.example", "alice", "KEY", "https://one.example/inbox"), AT));
        var byKey = projection.handle(new RemoteActorQueries.ByKeyId("https://one.example/users/alice#main-key"));
        assertThat(byKey.accountId()).isEqualTo("r1");
        assertThat(byKey.deliveryInbox()).isEqualTo("https://one.example/inbox");
        assertThat(projection.handle(new RemoteActorQueries.ByActorUri("https://one.example/users/alice")).publicKeyPem())
                .isEqualTo("KEY");
        assertThat(projection.handle(new RemoteActorQueries.ByKeyId("https://one.example/users/bob#main-key"))).isNull();
    }

    @Test
    void anUpdateReplacesTheKeyAndAnActorWithoutSharedInboxIsDeliveredToItsOwn() {
        projection.on(new RemoteAccountDiscovered("r1", profile("one.example", "alice", "KEY", null), AT));
        projection.on(new RemoteAccountUpdated("r1", profile("one.example", "alice", "ROTATED", null), AT));
        var actor = projection.handle(new RemoteActorQueries.ByAccountIds(List.of("r1", "local"))).get(0);
        assertThat(actor.publicKeyPem()).isEqualTo("ROTATED");
        assertThat(actor.deliveryInbox()).isEqualTo("https://one.example/users/alice/inbox");
        projection.on(new RemoteAccountDiscovered("r2", profile("two.example", "bob", "K", "https://two.example/inbox"), AT));
        projection.on(new RemoteAccountDiscovered("r3", profile("two.example", "eve", "K", "https://two.example/inbox"), AT));
        assertThat(projection.handle(new RemoteActorQueries.KnownInboxes())).containsExactly(
                "https://one.example/users/alice/inbox", "https://two.example/inbox");
    }

    @Test
    void listsEachKnownHostOnceAndReplaysToTheSameRows() {
        var discovered = new RemoteAccountDiscovered("r1", profile("one.example", "alice", "KEY", null), AT);
        projection.on(discovered);
        projection.on(discovered);
        projection.on(new RemoteAccountDiscovered("r2", profile("one.example", "bob", "KEY2", null), AT));
        projection.on(new RemoteAccountDiscovered("r3", profile("two.example", "carol", "KEY3", null), AT));
        assertThat(projection.handle(new RemoteActorQueries.Hosts())).containsExactly("one.example", "two.example");
        assertThat(projection.handle(new RemoteActorQueries.AccountsByHost())).containsExactly(
                new RemoteActorQueries.HostAccounts("one.example", 2), new RemoteActorQueries.HostAccounts("two.example", 1));
    }

    @Test
    void aDeletedActorIsFoundNoMoreEvenWhenReplayed() {
        var discovered = new RemoteAccountDiscovered("r1", profile("one.example", "alice", "KEY", null), AT);
        var deleted = new RemoteAccountDeleted("r1", "https://one.example/users/alice", AT);
        projection.on(discovered);
        projection.on(deleted);
        projection.on(deleted);
        assertThat(projection.handle(new RemoteActorQueries.ByKeyId("https://one.example/users/alice#main-key")))
                .isNull();
        assertThat(projection.handle(new RemoteActorQueries.ByAccountIds(List.of("r1")))).isEmpty();
    }
}
