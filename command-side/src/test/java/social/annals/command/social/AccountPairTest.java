package social.annals.command.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import social.annals.command.social.RelationshipState.Outcome;
import social.annals.events.social.AccountBlocked;
import social.annals.events.social.AccountFollowed;
import social.annals.events.social.AccountMuted;
import social.annals.events.social.AccountSubscribed;
import social.annals.events.social.AccountUnblocked;
import social.annals.events.social.AccountUnfollowed;
import social.annals.events.social.AccountUnmuted;
import social.annals.events.social.AccountUnsubscribed;
import social.annals.events.social.FollowRequestRejected;
import social.annals.events.social.FollowRequested;
import social.annals.events.social.FollowRequestWithdrawn;
import social.annals.events.social.ReblogVisibilityChanged;
import social.annals.events.social.UnfollowReason;

class AccountPairTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final String A = "AAAAAAAAAAAAAAAAAA";
    private static final String B = "BBBBBBBBBBBBBBBBBB";

    private AggregateTestFixture<AccountPair> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccountPair.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static RelationshipState result(ResultValidator<AccountPair> validator) {
        RelationshipState[] captured = new RelationshipState[1];
        validator.expectResultMessageMatching(org.axonframework.test.matchers.Matchers.predicate(message -> {
            captured[0] = (RelationshipState) ((org.axonframework.messaging.ResultMessage<?>) message).getPayload();
            return true;
        }));
        return captured[0];
    }

    @Test
    void followingAnUnlockedAccountTakesEffectAtOnce() {
        RelationshipState state = result(fixture.givenNoPriorActivity()
                .when(new RelationshipCommands.Follow(A, B, false, null))
                .expectEvents(new AccountFollowed(A, B, true, NOW, false)));
        assertThat(state.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(state.following()).isTrue();
        assertThat(state.requested()).isFalse();
    }

    @Test
    void followingALockedAccountLeavesARequest() {
        RelationshipState state = result(fixture.givenNoPriorActivity()
                .when(new RelationshipCommands.Follow(A, B, true, false))
                .expectEvents(new FollowRequested(A, B, false, NOW)));
        assertThat(state.requested()).isTrue();
        assertThat(state.following()).isFalse();
        assertThat(state.showingReblogs()).isFalse();
    }

    @Test
    void followingAgainOnlyAppliesTheReblogChoice() {
        fixture.given(new AccountFollowed(A, B, true, NOW, false))
                .when(new RelationshipCommands.Follow(A, B, false, false))
                .expectEvents(new ReblogVisibilityChanged(A, B, false, NOW));
        fixture.given(new AccountFollowed(A, B, true, NOW, false))
                .when(new RelationshipCommands.Follow(A, B, false, null))
                .expectNoEvents();
    }

    @Test
    void aBlockedAccountCannotFollowOrSubscribe() {
        RelationshipState follow = result(fixture.given(new AccountBlocked(B, A, NOW))
                .when(new RelationshipCommands.Follow(A, B, false, null))
                .expectNoEvents());
        assertThat(follow.outcome()).isEqualTo(Outcome.BLOCKED_BY_TARGET);
        assertThat(follow.blockedBy()).isTrue();
        RelationshipState subscribe = result(fixture.given(new AccountBlocked(B, A, NOW))
                .when(new RelationshipCommands.Subscribe(A, B))
                .expectNoEvents());
        assertThat(subscribe.outcome()).isEqualTo(Outcome.BLOCKED_BY_TARGET);
    }

    @Test
    void blockingSeversFollowsRequestsAndSubscriptionsBothWays() {
        fixture.given(new AccountFollowed(A, B, true, NOW, false), new FollowRequested(B, A, true, NOW),
                        new AccountSubscribed(B, A, NOW), new AccountSubscribed(A, B, NOW))
                .when(new RelationshipCommands.Block(A, B))
                .expectEvents(new AccountUnfollowed(A, B, UnfollowReason.BLOCKED, NOW),
                        new AccountUnsubscribed(A, B, NOW),
                        new FollowRequestRejected(B, A, NOW),
                        new AccountUnsubscribed(B, A, NOW),
                        new AccountBlocked(A, B, NOW));
    }

    @Test
    void deletingAnAccountSeversEverythingBothWaysButLeavesBlocksAndMutes() {
        fixture.given(new AccountFollowed(B, A, true, NOW, false), new FollowRequested(A, B, true, NOW),
                        new AccountSubscribed(B, A, NOW), new AccountMuted(B, A, true, NOW))
                .when(new RelationshipCommands.Sever(A, B))
                .expectEvents(new FollowRequestRejected(A, B, NOW),
                        new AccountUnfollowed(B, A, UnfollowReason.ACCOUNT_DELETED, NOW),
                        new AccountUnsubscribed(B, A, NOW));
        fixture.given(new AccountBlocked(A, B, NOW))
                .when(new RelationshipCommands.Sever(A, B))
                .expectNoEvents();
    }

    @Test
    void blockingAFollowersDomainEndsItsFollowAndRefusesItsRequestButKeepsTheBlockersOwnFollow() {
        fixture.given(new AccountFollowed(B, A, true, NOW, false), new AccountFollowed(A, B, true, NOW, false))
                .when(new RelationshipCommands.RemoveFollowerOfBlockedDomain(A, B))
                .expectEvents(new AccountUnfollowed(B, A, UnfollowReason.DOMAIN_BLOCKED, NOW));
        fixture.given(new FollowRequested(B, A, true, NOW))
                .when(new RelationshipCommands.RemoveFollowerOfBlockedDomain(A, B))
                .expectEvents(new FollowRequestRejected(B, A, NOW));
        fixture.given(new AccountFollowed(A, B, true, NOW, false))
                .when(new RelationshipCommands.RemoveFollowerOfBlockedDomain(A, B))
                .expectNoEvents();
    }

    @Test
    void blockingTwiceAndUnblockingWhatIsNotBlockedChangeNothing() {
        fixture.given(new AccountBlocked(A, B, NOW))
                .when(new RelationshipCommands.Block(A, B))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RelationshipCommands.Unblock(A, B))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void unblockingRecordsIt() {
        fixture.given(new AccountBlocked(A, B, NOW))
                .when(new RelationshipCommands.Unblock(A, B))
                .expectEvents(new AccountUnblocked(A, B, NOW));
    }

    @Test
    void unfollowingEndsAFollowButLeavesAPendingRequestAsPleromaDoes() {
        fixture.given(new AccountFollowed(A, B, true, NOW, false))
                .when(new RelationshipCommands.Unfollow(A, B))
                .expectEvents(new AccountUnfollowed(A, B, UnfollowReason.UNFOLLOWED, NOW));
        RelationshipState pending = result(fixture.given(new FollowRequested(A, B, true, NOW))
                .when(new RelationshipCommands.Unfollow(A, B))
                .expectNoEvents());
        assertThat(pending.requested()).isTrue();
    }

    @Test
    void undoingAFollowFromAnotherServerWithdrawsAPendingRequestOrEndsTheFollow() {
        RelationshipState withdrawn = result(fixture.given(new FollowRequested(A, B, true, NOW))
                .when(new RelationshipCommands.UndoFollow(A, B))
                .expectEvents(new FollowRequestWithdrawn(A, B, NOW)));
        assertThat(withdrawn.requested()).isFalse();
        fixture.given(new AccountFollowed(A, B, true, NOW, false))
                .when(new RelationshipCommands.UndoFollow(A, B))
                .expectEvents(new AccountUnfollowed(A, B, UnfollowReason.UNFOLLOWED, NOW));
        fixture.givenNoPriorActivity()
                .when(new RelationshipCommands.UndoFollow(A, B))
                .expectNoEvents();
    }

    @Test
    void mutesCarryTheNotificationsChoice() {
        RelationshipState state = result(fixture.givenNoPriorActivity()
                .when(new RelationshipCommands.Mute(A, B, true))
                .expectEvents(new AccountMuted(A, B, true, NOW)));
        assertThat(state.muting()).isTrue();
        assertThat(state.mutingNotifications()).isTrue();
        fixture.given(new AccountMuted(A, B, true, NOW))
                .when(new RelationshipCommands.Mute(A, B, false))
                .expectEvents(new AccountMuted(A, B, false, NOW));
        fixture.given(new AccountMuted(A, B, false, NOW))
                .when(new RelationshipCommands.Unmute(A, B))
                .expectEvents(new AccountUnmuted(A, B, NOW));
    }

    @Test
    void subscribingIsIdempotent() {
        fixture.given(new AccountSubscribed(A, B, NOW))
                .when(new RelationshipCommands.Subscribe(A, B))
                .expectNoEvents();
        fixture.given(new AccountSubscribed(A, B, NOW))
                .when(new RelationshipCommands.Unsubscribe(A, B))
                .expectEvents(new AccountUnsubscribed(A, B, NOW));
    }

    @Test
    void authorizingARequestMakesTheRequesterAFollower() {
        RelationshipState state = result(fixture.given(new FollowRequested(A, B, false, NOW))
                .when(new RelationshipCommands.AuthorizeFollowRequest(B, A))
                .expectEvents(new AccountFollowed(A, B, false, NOW, true)));
        assertThat(state.followedBy()).isTrue();
    }

    @Test
    void rejectingARequestEndsIt() {
        fixture.given(new FollowRequested(A, B, true, NOW))
                .when(new RelationshipCommands.RejectFollowRequest(B, A))
                .expectEvents(new FollowRequestRejected(A, B, NOW));
    }

    @Test
    void withoutARequestThereIsNothingToAuthorize() {
        RelationshipState state = result(fixture.givenNoPriorActivity()
                .when(new RelationshipCommands.AuthorizeFollowRequest(B, A))
                .expectNoEvents());
        assertThat(state.outcome()).isEqualTo(Outcome.NO_REQUEST);
    }

    @Test
    void theRelationshipIsSeenFromTheActorsSide() {
        RelationshipState state = result(fixture.given(new AccountFollowed(B, A, true, NOW, false),
                        new AccountMuted(A, B, false, NOW))
                .when(new RelationshipCommands.Subscribe(A, B))
                .expectEvents(new AccountSubscribed(A, B, NOW)));
        assertThat(state.followedBy()).isTrue();
        assertThat(state.following()).isFalse();
        assertThat(state.muting()).isTrue();
        assertThat(state.subscribing()).isTrue();
    }
}
