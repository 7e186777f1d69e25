package social.annals.query.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import social.annals.events.account.AccountRegistered;
import social.annals.events.federation.RemoteAccountDiscovered;
import social.annals.events.federation.RemoteProfile;
import social.annals.events.social.AccountBlocked;
import social.annals.events.social.AccountFollowed;
import social.annals.events.social.AccountMuted;
import social.annals.events.social.AccountSubscribed;
import social.annals.events.social.AccountUnfollowed;
import social.annals.events.social.DomainBlocked;
import social.annals.events.social.DomainUnblocked;
import social.annals.events.social.FollowRequestRejected;
import social.annals.events.social.FollowRequested;
import social.annals.events.social.UnfollowReason;
import social.annals.query.account.AccountProjectionAccess;
import social.annals.query.social.RelationshipQueries.AccountList;
import social.annals.query.support.TestDatabase;

class RelationshipProjectionTest {

    private static final Instant AT = Instant.parse("2026-11-26T12:00:00Z");

    private final JdbcTemplate jdbc = TestDatabase.jdbc();
    private final RelationshipProjection projection = new RelationshipProjection(jdbc);

    private final AccountProjectionAccess accounts = new AccountProjectionAccess(jdbc);

    @BeforeEach
    void accounts() {
        projection.reset();
        accounts.reset();
        for (String id : List.of("A", "B", "C", "D")) {
            accounts.on(new AccountRegistered(id, "n" + id, null, "d" + id, null, null, null, "h", false, AT));
        }
    }

    private void remote(String id, String username, String host) {
        String uri = "https://" + host + "/users/" + username;
        accounts.on(new RemoteAccountDiscovered(id, new RemoteProfile(uri, username, host, username, "", null, null,
                null, uri + "/inbox", null, null, null, uri + "#main-key", "KEY", false, false), AT));
    }

    @Test
    void aBlockedDomainCoversItsSubdomainsWhateverThePortButNotOtherDomainsOrLocalAccounts() {
        remote("R1", "alice", "spam.example");
        remote("R2", "bob", "sub.spam.example:8443");
        remote("R3", "carol", "notspam.example");
        projection.on(new AccountFollowed("R1", "A", true, AT, false));
        projection.on(new FollowRequested("R2", "A", true, AT));
        projection.on(new AccountFollowed("R3", "A", true, AT, false));
        projection.on(new AccountFollowed("B", "A", true, AT, false));
        projection.on(new DomainBlocked("A", "spam.example", AT));

        assertThat(projection.handle(new RelationshipQueries.Between("A", List.of("R1", "R2", "R3", "B"))))
                .extracting(RelationshipView::domainBlocking).containsExactly(true, true, false, false);
        assertThat(projection.handle(new RelationshipQueries.FollowersOnDomain("A", "spam.example")))
                .containsExactly("R1", "R2");
        assertThat(projection.handle(new RelationshipQueries.BlocksDomainOf("A", "R2"))).isTrue();
        assertThat(projection.handle(new RelationshipQueries.BlocksDomainOf("B", "R2"))).isFalse();
        projection.on(new DomainUnblocked("A", "spam.example", AT));
        assertThat(projection.handle(new RelationshipQueries.BlocksDomainOf("A", "R1"))).isFalse();
    }

    private List<String> page(AccountList list, String account, String max, String since, String min, int limit) {
        return projection.handle(new RelationshipQueries.Page(list, account, max, since, min, limit));
    }

    @Test
    void relationshipsCombineBothDirectionsAndOmitUnknownAccounts() {
        projection.on(new AccountFollowed("A", "B", false, AT, false));
        projection.on(new AccountFollowed("B", "A", true, AT, false));
        projection.on(new AccountMuted("A", "B", true, AT));
        projection.on(new AccountSubscribed("A", "B", AT));
        projection.on(new AccountBlocked("C", "A", AT));

        List<RelationshipView> views = projection.handle(new RelationshipQueries.Between("A", List.of("C", "B", "X")));
        assertThat(views).extracting(RelationshipView::targetId).containsExactly("C", "B");
        assertThat(views.get(1)).isEqualTo(new RelationshipView("B", true, false, false, true, false, false, true,
                true, true, false));
        assertThat(views.get(0).blockedBy()).isTrue();
        assertThat(views.get(0).following()).isFalse();
    }

    @Test
    void listsArePagedByTheListedAccountNewestFirst() {
        for (String follower : List.of("B", "C", "D")) {
            projection.on(new AccountFollowed(follower, "A", true, AT, false));
        }
        assertThat(page(AccountList.FOLLOWERS, "A", null, null, null, 20)).containsExactly("D", "C", "B");
        assertThat(page(AccountList.FOLLOWERS, "A", "D", null, null, 1)).containsExactly("C");
        assertThat(page(AccountList.FOLLOWERS, "A", null, "B", null, 20)).containsExactly("D", "C");
        assertThat(page(AccountList.FOLLOWERS, "A", null, null, "B", 1)).containsExactly("C");
        assertThat(page(AccountList.FOLLOWING, "B", null, null, null, 20)).containsExactly("A");

        projection.on(new AccountUnfollowed("C", "A", UnfollowReason.BLOCKED, AT));
        assertThat(page(AccountList.FOLLOWERS, "A", null, null, null, 20)).containsExactly("D", "B");
    }

    @Test
    void requestsLeaveTheListWhenRejectedOrAccepted() {
        projection.on(new FollowRequested("B", "A", true, AT));
        projection.on(new FollowRequested("C", "A", true, AT));
        assertThat(page(AccountList.FOLLOW_REQUESTS, "A", null, null, null, 20)).containsExactly("C", "B");
        projection.on(new FollowRequestRejected("B", "A", AT));
        projection.on(new AccountFollowed("C", "A", true, AT, false));
        assertThat(page(AccountList.FOLLOW_REQUESTS, "A", null, null, null, 20)).isEmpty();
        assertThat(page(AccountList.FOLLOWERS, "A", null, null, null, 20)).containsExactly("C");
    }

    @Test
    void redeliveryChangesNothing() {
        AccountFollowed followed = new AccountFollowed("B", "A", true, AT, false);
        projection.on(followed);
        projection.on(followed);
        assertThat(page(AccountList.FOLLOWERS, "A", null, null, null, 20)).containsExactly("B");
    }
}
