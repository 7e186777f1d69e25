package social.annals.query.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import social.annals.events.account.AccountDeactivated;
import social.annals.events.account.AccountDeletionStarted;
import social.annals.events.account.AccountRegistered;
import social.annals.events.account.AccountRole;
import social.annals.events.account.AccountRoleGranted;
import social.annals.events.moderation.AccountRef;
import social.annals.events.moderation.AccountsTagged;
import social.annals.events.moderation.Moderator;
import social.annals.events.status.StatusDeleted;
import social.annals.query.support.TestDatabase;

class ModerationLogProjectionTest {

    private static final Instant AT = Instant.parse("2026-11-27T12:00:00Z");
    private static final Moderator ROOT = new Moderator("R", "root");

    private final ModerationLogProjection projection = new ModerationLogProjection(TestDatabase.jdbc());

    @BeforeEach
    void emptyReadModel() {
        projection.reset();
        projection.on(new AccountRegistered("R", "root", "r@x.org", "d1", "Root", "", "", "hash", false, AT));
        projection.on(new AccountRegistered("L", "lain", "l@x.org", "d2", "Lain", "", "", "hash", false, AT));
    }

    private List<String> data() {
        return projection.handle(new ModerationLogQueries.Entries(ModerationLogQueries.Filter.NONE, 1, 0)).stream()
                .map(ModerationLogQueries.Entry::data).toList();
    }

    @Test
    void eachModerationEventIsOneEntryNewestFirstAndRedeliveryAddsNothing() {
        projection.on(new AccountDeactivated("L", "lain", ROOT, AT), "e1");
        projection.on(new AccountsTagged("M1", List.of(new AccountRef("L", "lain")), List.of("sandbox"), ROOT,
                AT.plusSeconds(1)), "e2");
        projection.on(new AccountDeactivated("L", "lain", ROOT, AT), "e1");
        assertThat(data()).containsExactly(
                "{\"actor\":{\"id\":\"R\",\"nickname\":\"root\",\"type\":\"user\"},\"action\":\"tag\","
                        + "\"nicknames\":[\"lain\"],\"tags\":[\"sandbox\"]}",
                "{\"actor\":{\"id\":\"R\",\"nickname\":\"root\",\"type\":\"user\"},\"action\":\"deactivate\","
                        + "\"subject\":{\"id\":\"L\",\"nickname\":\"lain\",\"type\":\"user\"}}");
    }

    @Test
    void actorsNamedByIdOrNicknameAreResolvedAndSelfServiceIsNotModeration() {
        projection.on(new AccountRoleGranted("L", "lain", AccountRole.MODERATOR, "root", AT), "e1");
        projection.on(new AccountDeletionStarted("L", "lain", "L", AT), "e2");
        projection.on(new StatusDeleted("S1", "L", "L", AT), "e3");
        projection.on(new StatusDeleted("S2", "L", "R", AT.plusSeconds(1)), "e4");
        projection.on(new AccountDeletionStarted("L", "lain", "admin_token", AT.plusSeconds(2)), "e5");
        assertThat(data()).containsExactly(
                "{\"actor\":{\"id\":null,\"nickname\":\"admin_token\",\"type\":\"user\"},\"action\":\"delete\","
                        + "\"subject\":{\"id\":\"L\",\"nickname\":\"lain\",\"type\":\"user\"}}",
                "{\"actor\":{\"id\":\"R\",\"nickname\":\"root\",\"type\":\"user\"},\"action\":\"status_delete\","
                        + "\"subject_id\":\"S2\"}",
                "{\"actor\":{\"id\":\"R\",\"nickname\":\"root\",\"type\":\"user\"},\"action\":\"grant\","
                        + "\"subject\":{\"id\":\"L\",\"nickname\":\"lain\",\"type\":\"user\"},\"permission\":\"moderator\"}");
    }

    @Test
    void filtersSelectByActorSubjectActionAndTime() {
        projection.on(new AccountDeactivated("L", "lain", ROOT, AT), "e1");
        projection.on(new AccountDeactivated("R", "root", Moderator.ADMIN_TOKEN, AT.plusSeconds(60)), "e2");
        assertThat(count(new ModerationLogQueries.Filter("R", null, null, null, null))).isEqualTo(1);
        assertThat(count(new ModerationLogQueries.Filter(null, "R", null, null, null))).isEqualTo(1);
        assertThat(count(new ModerationLogQueries.Filter(null, null, "deactivate", AT.plusSeconds(1), null)))
                .isEqualTo(1);
        assertThat(count(new ModerationLogQueries.Filter(null, null, null, null, AT.plusSeconds(1)))).isEqualTo(1);
        assertThat(count(new ModerationLogQueries.Filter(null, null, "tag", null, null))).isZero();
    }

    private int count(ModerationLogQueries.Filter filter) {
        return projection.handle(new ModerationLogQueries.Count(filter));
    }
}
