package social.annals.query.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import social.annals.events.account.AccountDeleted;
import social.annals.events.account.SigningKeyGenerated;
import social.annals.query.support.TestDatabase;

class ActorKeyProjectionTest {

    private static final Instant AT = Instant.parse("2026-12-04T12:00:00Z");

    private final ActorKeyProjection projection = new ActorKeyProjection(TestDatabase.jdbc());

    @BeforeEach
    void emptyReadModel() {
        projection.reset();
    }

    @Test
    void keepsEachAccountsKeyPair() {
        projection.on(new SigningKeyGenerated("a1", "public-1", "private-1", AT));
        projection.on(new SigningKeyGenerated("a2", "public-2", "private-2", AT));
        assertThat(projection.handle(new ActorKeyQueries.SigningKeyOf("a1")))
                .isEqualTo(new ActorKeyQueries.SigningKey("a1", "public-1", "private-1"));
        assertThat(projection.handle(new ActorKeyQueries.SigningKeyOf("nobody"))).isNull();
    }

    @Test
    void replayingTheKeyGivesTheSameRow() {
        var generated = new SigningKeyGenerated("a1", "public-1", "private-1", AT);
        projection.on(generated);
        projection.on(generated);
        assertThat(projection.handle(new ActorKeyQueries.SigningKeyOf("a1")).privateKeyPem()).isEqualTo("private-1");
    }

    @Test
    void aDeletedAccountsKeyIsGone() {
        projection.on(new SigningKeyGenerated("a1", "public-1", "private-1", AT));
        projection.on(new AccountDeleted("a1", "lain", 0, 0, AT));
        assertThat(projection.handle(new ActorKeyQueries.SigningKeyOf("a1"))).isNull();
    }

    @Test
    void aKeyReplayedAfterErasureIsKeptWithoutItsPrivateHalf() {
        projection.on(new SigningKeyGenerated("a1", "public-1", null, AT));
        assertThat(projection.handle(new ActorKeyQueries.SigningKeyOf("a1")).privateKeyPem()).isNull();
    }
}
