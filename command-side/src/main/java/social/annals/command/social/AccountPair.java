package social.annals.command.social;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import social.annals.command.social.RelationshipDecisions.Decision;
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
import social.annals.events.social.FollowRequestWithdrawn;
import social.annals.events.social.FollowRequested;
import social.annals.events.social.ReblogVisibilityChanged;

/**
 * Everything between two accounts, in both directions: follows and follow requests, blocks,
 * mutes and subscriptions. One aggregate per pair, so "a block removes the follows and the
 * subscriptions" is one decision, and writers to different pairs never contend. Refusals are
 * outcomes, not exceptions, so a batch (a follow import) can carry on past them.
 * {@link RelationshipDecisions} decides; the pair records what it decided and keeps what each
 * side has towards the other.
 */
@Aggregate
class AccountPair {

    @AggregateIdentifier
    private String pairId;
    /** What each account of the pair has towards the other, by account id. */
    private final Map<String, RelationshipSide> sides = new HashMap<>();

    AccountPair() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RelationshipState handle(RelationshipCommands.Follow command, Clock clock) {
        return decide(command.actorId(), command.targetId(), clock,
                decisions -> decisions.follow(command.targetLocked(), command.showingReblogs()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RelationshipState handle(RelationshipCommands.Unfollow command, Clock clock) {
        return decide(command.actorId(), command.targetId(), clock, RelationshipDecisions::unfollow);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RelationshipState handle(RelationshipCommands.UndoFollow command, Clock clock) {
        return decide(command.actorId(), command.targetId(), clock, RelationshipDecisions::undoFollow);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RelationshipState handle(RelationshipCommands.Block command, Clock clock) {
        return decide(command.actorId(), command.targetId(), clock, RelationshipDecisions::block);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RelationshipCommands.Sever command, Clock clock) {
        decide(command.actorId(), command.targetId(), clock, RelationshipDecisions::sever);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RelationshipCommands.RemoveFollowerOfBlockedDomain command, Clock clock) {
        decide(command.actorId(), command.targetId(), clock, RelationshipDecisions::removeFollowerOfBlockedDomain);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RelationshipState handle(RelationshipCommands.Unblock command, Clock clock) {
        return decide(command.actorId(), command.targetId(), clock, RelationshipDecisions::unblock);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RelationshipState handle(RelationshipCommands.Mute command, Clock clock) {
        return decide(command.actorId(), command.targetId(), clock,
                decisions -> decisions.mute(command.notifications()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RelationshipState handle(RelationshipCommands.Unmute command, Clock clock) {
        return decide(command.actorId(), command.targetId(), clock, RelationshipDecisions::unmute);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RelationshipState handle(RelationshipCommands.Subscribe command, Clock clock) {
        return decide(command.actorId(), command.targetId(), clock, RelationshipDecisions::subscribe);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RelationshipState handle(RelationshipCommands.Unsubscribe command, Clock clock) {
        return decide(command.actorId(), command.targetId(), clock, RelationshipDecisions::unsubscribe);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RelationshipState handle(RelationshipCommands.AuthorizeFollowRequest command, Clock clock) {
        return decide(command.actorId(), command.targetId(), clock, RelationshipDecisions::authorizeRequest);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RelationshipState handle(RelationshipCommands.RejectFollowRequest command, Clock clock) {
        return decide(command.actorId(), command.targetId(), clock, RelationshipDecisions::rejectRequest);
    }

    /**
     * Decides on the pair as it is now, records the decided events in order and answers the
     * relationship from the actor's side afterwards.
     */
    private RelationshipState decide(String actor, String target, Clock clock,
                                     Function<RelationshipDecisions, Decision> decision) {
        Decision decided = decision.apply(new RelationshipDecisions(actor, target, side(actor), side(target),
                clock.instant()));
        decided.events().forEach(AggregateLifecycle::apply);
        return state(decided.outcome(), actor, target);
    }

    /** What {@code from} has towards the pair's other account. */
    private RelationshipSide side(String from) {
        RelationshipSide side = sides.get(from);
        return side != null ? side : new RelationshipSide();
    }

    /** The side to change, in event-sourcing handlers only. */
    private RelationshipSide changing(String from) {
        return sides.computeIfAbsent(from, id -> new RelationshipSide());
    }

    private RelationshipState state(Outcome outcome, String actor, String target) {
        RelationshipSide mine = side(actor);
        RelationshipSide theirs = side(target);
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
        RelationshipSide side = changing(event.followerId());
        side.requested = true;
        side.showingReblogs = event.showingReblogs();
    }

    @EventSourcingHandler
    void on(AccountFollowed event) {
        identify(event.followerId(), event.followedId());
        RelationshipSide side = changing(event.followerId());
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
    void on(FollowRequestWithdrawn event) {
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
        RelationshipSide side = changing(event.muterId());
        side.muting = true;
        side.mutingNotifications = event.notifications();
    }

    @EventSourcingHandler
    void on(AccountUnmuted event) {
        identify(event.muterId(), event.mutedId());
        RelationshipSide side = changing(event.muterId());
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
