package social.annals.command.social;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
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
import social.annals.events.social.ReblogVisibilityChanged;
import social.annals.events.social.UnfollowReason;

/**
 * Everything between two accounts, in both directions: follows and follow requests, blocks,
 * mutes and subscriptions. One aggregate per pair, so "a block removes the follows and the
 * subscriptions" is one decision, and writers to different pairs never contend. Refusals are
 * outcomes, not exceptions, so a batch (a follow import) can carry on past them.
 */
@Aggregate
class AccountPair {

    @AggregateIdentifier
    private String pairId;
    private final Map<String, Side> sides = new HashMap<>();

    /** What one account has towards the other. */
    private static final class Side {
        boolean following;
        boolean requested;
        boolean showingReblogs = true;
        boolean blocking;
        boolean muting;
        boolean mutingNotifications;
        boolean subscribing;

        private java.util.List<Boolean> values() {
            return java.util.List.of(following, requested, showingReblogs, blocking, muting, mutingNotifications,
                    subscribing);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Side side && values().equals(side.values());
        }

        @Override
        public int hashCode() {
            return values().hashCode();
        }
    }

    AccountPair() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RelationshipState handle(RelationshipCommands.Follow command, Clock clock) {
        String actor = command.actorId();
        String target = command.targetId();
        if (side(target, actor).blocking) {
            return state(Outcome.BLOCKED_BY_TARGET, actor, target);
        }
        Side mine = side(actor, target);
        Instant now = clock.instant();
        boolean reblogs = command.showingReblogs() != null ? command.showingReblogs() : mine.showingReblogs;
        if (mine.following || mine.requested) {
            if (reblogs != mine.showingReblogs) {
                apply(new ReblogVisibilityChanged(actor, target, reblogs, now));
                return state(Outcome.CHANGED, actor, target);
            }
            return state(Outcome.UNCHANGED, actor, target);
        }
        if (command.targetLocked()) {
            apply(new FollowRequested(actor, target, reblogs, now));
        } else {
            apply(new AccountFollowed(actor, target, reblogs, now, false));
        }
        return state(Outcome.CHANGED, actor, target);
    }

    /** A pending request is left in place, as Pleroma does; only an accepted follow ends. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RelationshipState handle(RelationshipCommands.Unfollow command, Clock clock) {
        String actor = command.actorId();
        String target = command.targetId();
        return changeUnless(!side(actor, target).following, actor, target,
                new AccountUnfollowed(actor, target, UnfollowReason.UNFOLLOWED, clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RelationshipState handle(RelationshipCommands.Block command, Clock clock) {
        String actor = command.actorId();
        String target = command.targetId();
        if (side(actor, target).blocking) {
            return state(Outcome.UNCHANGED, actor, target);
        }
        Instant now = clock.instant();
        sever(actor, target, UnfollowReason.BLOCKED, now);
        sever(target, actor, UnfollowReason.BLOCKED, now);
        apply(new AccountBlocked(actor, target, now));
        return state(Outcome.CHANGED, actor, target);
    }

    /** The actor's account is being deleted: every follow, request and subscription between the two ends. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RelationshipCommands.Sever command, Clock clock) {
        Instant now = clock.instant();
        sever(command.actorId(), command.targetId(), UnfollowReason.ACCOUNT_DELETED, now);
        sever(command.targetId(), command.actorId(), UnfollowReason.ACCOUNT_DELETED, now);
    }

    /** Ends every follow, request and subscription from {@code from} towards {@code to}. */
    private void sever(String from, String to, UnfollowReason reason, Instant now) {
        Side side = side(from, to);
        if (side.following) {
            apply(new AccountUnfollowed(from, to, reason, now));
        }
        if (side.requested) {
            apply(new FollowRequestRejected(from, to, now));
        }
        if (side.subscribing) {
            apply(new AccountUnsubscribed(from, to, now));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RelationshipState handle(RelationshipCommands.Unblock command, Clock clock) {
        String actor = command.actorId();
        String target = command.targetId();
        return changeUnless(!side(actor, target).blocking, actor, target,
                new AccountUnblocked(actor, target, clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RelationshipState handle(RelationshipCommands.Mute command, Clock clock) {
        String actor = command.actorId();
        String target = command.targetId();
        Side mine = side(actor, target);
        return changeUnless(mine.muting && mine.mutingNotifications == command.notifications(), actor, target,
                new AccountMuted(actor, target, command.notifications(), clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RelationshipState handle(RelationshipCommands.Unmute command, Clock clock) {
        String actor = command.actorId();
        String target = command.targetId();
        return changeUnless(!side(actor, target).muting, actor, target,
                new AccountUnmuted(actor, target, clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RelationshipState handle(RelationshipCommands.Subscribe command, Clock clock) {
        String actor = command.actorId();
        String target = command.targetId();
        if (side(target, actor).blocking) {
            return state(Outcome.BLOCKED_BY_TARGET, actor, target);
        }
        return changeUnless(side(actor, target).subscribing, actor, target,
                new AccountSubscribed(actor, target, clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RelationshipState handle(RelationshipCommands.Unsubscribe command, Clock clock) {
        String actor = command.actorId();
        String target = command.targetId();
        return changeUnless(!side(actor, target).subscribing, actor, target,
                new AccountUnsubscribed(actor, target, clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RelationshipState handle(RelationshipCommands.AuthorizeFollowRequest command, Clock clock) {
        String actor = command.actorId();
        String requester = command.targetId();
        Side request = side(requester, actor);
        if (!request.requested) {
            return state(Outcome.NO_REQUEST, actor, requester);
        }
        apply(new AccountFollowed(requester, actor, request.showingReblogs, clock.instant(), true));
        return state(Outcome.CHANGED, actor, requester);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RelationshipState handle(RelationshipCommands.RejectFollowRequest command, Clock clock) {
        String actor = command.actorId();
        String requester = command.targetId();
        if (!side(requester, actor).requested) {
            return state(Outcome.NO_REQUEST, actor, requester);
        }
        apply(new FollowRequestRejected(requester, actor, clock.instant()));
        return state(Outcome.CHANGED, actor, requester);
    }

    /** Records {@code event} unless the relationship already is as asked (repeating an action changes nothing). */
    private RelationshipState changeUnless(boolean alreadySo, String actor, String target, Object event) {
        if (alreadySo) {
            return state(Outcome.UNCHANGED, actor, target);
        }
        apply(event);
        return state(Outcome.CHANGED, actor, target);
    }

    /** What {@code from} has towards {@code to}; the pair's other side is the only {@code to}. */
    private Side side(String from, String to) {
        Side side = sides.get(from);
        return side != null ? side : new Side();
    }

    /** The side to change, in event-sourcing handlers only. */
    private Side changing(String from) {
        return sides.computeIfAbsent(from, id -> new Side());
    }

    private RelationshipState state(Outcome outcome, String actor, String target) {
        Side mine = side(actor, target);
        Side theirs = side(target, actor);
        return new RelationshipState(outcome, actor, target, mine.following, mine.requested, mine.showingReblogs,
                theirs.following, mine.blocking, theirs.blocking, mine.muting, mine.mutingNotifications,
                mine.subscribing);
    }

    private void identify(String one, String other) {
        pairId = PairIds.of(one, other);
    }

    @EventSourcingHandler
    void on(FollowRequested event) {
        identify(event.followerId(), event.followedId());
        Side side = changing(event.followerId());
        side.requested = true;
        side.showingReblogs = event.showingReblogs();
    }

    @EventSourcingHandler
    void on(AccountFollowed event) {
        identify(event.followerId(), event.followedId());
        Side side = changing(event.followerId());
        side.following = true;
        side.requested = false;
        side.showingReblogs = event.showingReblogs();
    }

    @EventSourcingHandler
    void on(ReblogVisibilityChanged event) {
        identify(event.followerId(), event.followedId());
        changing(event.followerId()).showingReblogs = event.showingReblogs();
    }

    @EventSourcingHandler
    void on(FollowRequestRejected event) {
        identify(event.followerId(), event.followedId());
        changing(event.followerId()).requested = false;
    }

    @EventSourcingHandler
    void on(AccountUnfollowed event) {
        identify(event.followerId(), event.followedId());
        changing(event.followerId()).following = false;
    }

    @EventSourcingHandler
    void on(AccountBlocked event) {
        identify(event.blockerId(), event.blockedId());
        changing(event.blockerId()).blocking = true;
    }

    @EventSourcingHandler
    void on(AccountUnblocked event) {
        identify(event.blockerId(), event.blockedId());
        changing(event.blockerId()).blocking = false;
    }

    @EventSourcingHandler
    void on(AccountMuted event) {
        identify(event.muterId(), event.mutedId());
        Side side = changing(event.muterId());
        side.muting = true;
        side.mutingNotifications = event.notifications();
    }

    @EventSourcingHandler
    void on(AccountUnmuted event) {
        identify(event.muterId(), event.mutedId());
        Side side = changing(event.muterId());
        side.muting = false;
        side.mutingNotifications = false;
    }

    @EventSourcingHandler
    void on(AccountSubscribed event) {
        identify(event.subscriberId(), event.targetId());
        changing(event.subscriberId()).subscribing = true;
    }

    @EventSourcingHandler
    void on(AccountUnsubscribed event) {
        identify(event.subscriberId(), event.targetId());
        changing(event.subscriberId()).subscribing = false;
    }
}
