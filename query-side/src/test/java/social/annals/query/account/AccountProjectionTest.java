package social.annals.query.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import social.annals.events.account.AccountRegistered;
import social.annals.events.account.AccountRole;
import social.annals.events.account.AccountRoleGranted;
import social.annals.events.account.ProfileUpdated;
import social.annals.events.social.AccountFollowed;
import social.annals.events.social.AccountUnfollowed;
import social.annals.events.social.UnfollowReason;
import social.annals.events.status.StatusDeleted;
import social.annals.events.status.StatusPosted;
import social.annals.events.status.Visibility;
import social.annals.query.instance.InstanceStats;
import social.annals.query.instance.InstanceStatsQueryHandler;
import social.annals.query.support.OneBatch;
import social.annals.query.support.TestDatabase;

class AccountProjectionTest {

    private static final Instant AT = Instant.parse("2026-11-26T12:00:00Z");

    private final JdbcTemplate jdbc = TestDatabase.jdbc();
    private final AccountProjection projection = new AccountProjection(jdbc);

    @BeforeEach
    void emptyReadModel() {
        projection.reset();
    }

    private static AccountRegistered lain() {
        return new AccountRegistered("A1", "Lain", "lain@wired.jp", "d1", "lain iwakura", "bio", "<p>bio</p>", "h",
                false, AT);
    }

    @Test
    void aRegisteredAccountIsFoundByIdAndCaseInsensitiveNickname() {
        projection.on(lain());

        AccountView byId = projection.handle(new AccountQueries.ById("A1"));
        assertThat(byId.nickname()).isEqualTo("Lain");
        assertThat(byId.displayName()).isEqualTo("lain iwakura");
        assertThat(byId.noteHtml()).isEqualTo("<p>bio</p>");
        assertThat(byId.hideFavorites()).isTrue();
        assertThat(byId.locked()).isFalse();
        assertThat(byId.notificationSettings())
                .isEqualTo(new AccountView.NotificationSettings(true, true, true, true));
        assertThat(byId.createdAt()).isEqualTo(AT);
        assertThat(projection.handle(new AccountQueries.ByNickname("lAIN"))).isEqualTo(byId);
        assertThat(projection.handle(new AccountQueries.ById("nobody"))).isNull();
    }

    @Test
    void replayingTheSameEventsGivesTheSameState() {
        ProfileUpdated update = new ProfileUpdated("A1", "Lain", "new", "new", true, false, AT);
        projection.on(lain());
        projection.on(update);
        AccountView once = projection.handle(new AccountQueries.ById("A1"));

        projection.on(lain());
        projection.on(update);

        assertThat(projection.handle(new AccountQueries.ById("A1"))).isEqualTo(once);
        assertThat(once.locked()).isTrue();
        assertThat(once.hideFavorites()).isFalse();
    }

    @Test
    void rolesAreProjected() {
        projection.on(lain());
        projection.on(new AccountRoleGranted("A1", "Lain", AccountRole.MODERATOR, "admin", AT));
        AccountView view = projection.handle(new AccountQueries.ById("A1"));
        assertThat(view.moderator()).isTrue();
        assertThat(view.admin()).isFalse();
    }

    @Test
    void anErasedDisplayNameReadsAsNull() {
        projection.on(new AccountRegistered("A2", "gone", null, "d2", null, null, null, "h", false, AT));
        assertThat(projection.handle(new AccountQueries.ById("A2")).displayName()).isNull();
    }

    @Test
    void nicknamesLookupReturnsOnlyExistingAccounts() {
        projection.on(lain());
        assertThat(projection.handle(new AccountQueries.ByNicknames(List.of("lain", "nobody"))))
                .extracting(AccountView::accountId).containsExactly("A1");
    }

    @Test
    void followsAndUnfollowsMoveBothCounts() {
        projection.on(lain());
        projection.on(new AccountRegistered("A4", "bob", "b@b.c", "d4", "Bob", "", "", "h", false, AT));
        projection.on(new social.annals.events.social.AccountFollowed("A4", "A1", true, AT, false));
        assertThat(projection.handle(new AccountQueries.ById("A1")).followersCount()).isEqualTo(1);
        assertThat(projection.handle(new AccountQueries.ById("A4")).followingCount()).isEqualTo(1);
        projection.on(new social.annals.events.social.AccountUnfollowed("A4", "A1",
                social.annals.events.social.UnfollowReason.UNFOLLOWED, AT));
        assertThat(projection.handle(new AccountQueries.ById("A1")).followersCount()).isZero();
        assertThat(projection.handle(new AccountQueries.ByIds(List.of("A1", "A4", "none")))).hasSize(2);
    }

    @Test
    void countersWrittenPerBatchAreThoseWrittenEventByEvent() {
        List<Object> events = List.of(
                lain(),
                new AccountRegistered("A4", "bob", "b@b.c", "d4", "Bob", "", "", "h", false, AT),
                new AccountFollowed("A4", "A1", true, AT, false),
                posted("S1", "A1"),
                new AccountFollowed("A1", "A4", true, AT, false),
                posted("S2", "A1"),
                new StatusDeleted("S1", "A1", "A1", AT),
                new AccountUnfollowed("A4", "A1", UnfollowReason.UNFOLLOWED, AT),
                posted("S3", "A4"),
                new AccountFollowed("A4", "A1", true, AT, false));
        String counts = "SELECT account_id || ' ' || followers_count || ' ' || following_count || ' ' || statuses_count "
                + "FROM account_view ORDER BY account_id";

        events.forEach(this::deliver);
        List<String> oneByOne = jdbc.queryForList(counts, String.class);
        projection.reset();
        OneBatch.deliver(events, this::deliver);

        assertThat(oneByOne).containsExactly("A1 1 1 1", "A4 1 1 1");
        assertThat(jdbc.queryForList(counts, String.class)).isEqualTo(oneByOne);
    }

    private static StatusPosted posted(String id, String author) {
        return new StatusPosted(id, author, "text", "<p>text</p>", "", Visibility.PUBLIC, false, null, null, id,
                List.of(), List.of(), List.of(), List.of(), "Web", AT, null);
    }

    private void deliver(Object event) {
        if (event instanceof AccountRegistered registered) {
            projection.on(registered);
        } else if (event instanceof AccountFollowed followed) {
            projection.on(followed);
        } else if (event instanceof AccountUnfollowed unfollowed) {
            projection.on(unfollowed);
        } else if (event instanceof StatusPosted posted) {
            projection.on(posted);
        } else {
            projection.on((StatusDeleted) event);
        }
    }

    @Test
    void instanceStatsCountActiveAccounts() {
        projection.on(lain());
        projection.on(new AccountRegistered("A3", "alice", "a@b.c", "d3", "Alice", "", "", "h", false, AT));
        assertThat(new InstanceStatsQueryHandler(jdbc).handle(new InstanceStats.Query()).userCount()).isEqualTo(2);
    }
}
