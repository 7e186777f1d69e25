package social.annals.command.social;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import social.annals.events.social.UnfollowReason;

/**
 * What an {@link AccountPair} decides on one command of {@code actor} towards {@code target},
 * from what each has towards the other: the events to record, in order, and the outcome.
 * Refusals are outcomes, not exceptions, and repeating an action changes nothing.
 */
final class RelationshipDecisions {

    /** The events to record, in order, and the outcome to answer with. */
    record Decision(Outcome outcome, List<Object> events) {
    }

    private final String actor;
    private final String target;
    /** What the actor has towards the target. */
    private final RelationshipSide mine;
    /** What the target has towards the actor. */
    private final RelationshipSide theirs;
    private final Instant now;

    RelationshipDecisions(String actor, String target, RelationshipSide mine, RelationshipSide theirs, Instant now) {
        this.actor = actor;
        this.target = target;
        this.mine = mine;
        this.theirs = theirs;
        this.now = now;
    }

    /** A locked target is asked; following or asking again only changes whether its boosts show. */
    Decision follow(boolean targetLocked, Boolean showingReblogs) {
        if (theirs.blocking) {
            return nothingRecorded(Outcome.BLOCKED_BY_TARGET);
        }
        boolean reblogs = showingReblogs != null ? showingReblogs : mine.showingReblogs;
        if (mine.following || mine.requested) {
            return changeUnless(reblogs == mine.showingReblogs,
                    new ReblogVisibilityChanged(actor, target, reblogs, now));
        }
        return changed(targetLocked ? new FollowRequested(actor, target, reblogs, now)
                : new AccountFollowed(actor, target, reblogs, now, false));
    }

    /** A pending request is left in place, as Pleroma does; only an accepted follow ends. */
    Decision unfollow() {
        return changeUnless(!mine.following, new AccountUnfollowed(actor, target, UnfollowReason.UNFOLLOWED, now));
    }

    /** A follower's server undoing its Follow: the follow ends, or the request still pending is taken back. */
    Decision undoFollow() {
        if (mine.requested) {
            return new Decision(Outcome.CHANGED, List.of(new FollowRequestWithdrawn(actor, target, now)));
        }
        return unfollow();
    }

    /** A block ends every follow, request and subscription between the two, both ways. */
    Decision block() {
        if (mine.blocking) {
            return nothingRecorded(Outcome.UNCHANGED);
        }
        List<Object> events = new ArrayList<>();
        sever(mine, actor, target, UnfollowReason.BLOCKED, events);
        sever(theirs, target, actor, UnfollowReason.BLOCKED, events);
        events.add(new AccountBlocked(actor, target, now));
        return new Decision(Outcome.CHANGED, events);
    }

    /** The actor's account is being deleted: every follow, request and subscription between the two ends. */
    Decision sever() {
        List<Object> events = new ArrayList<>();
        sever(mine, actor, target, UnfollowReason.ACCOUNT_DELETED, events);
        sever(theirs, target, actor, UnfollowReason.ACCOUNT_DELETED, events);
        return new Decision(events.isEmpty() ? Outcome.UNCHANGED : Outcome.CHANGED, events);
    }

    /** Ends every follow, request and subscription of {@code side}, from {@code from} towards {@code to}. */
    private void sever(RelationshipSide side, String from, String to, UnfollowReason reason, List<Object> events) {
        if (side.following) {
            events.add(new AccountUnfollowed(from, to, reason, now));
        }
        if (side.requested) {
            events.add(new FollowRequestRejected(from, to, now));
        }
        if (side.subscribing) {
            events.add(new AccountUnsubscribed(from, to, now));
        }
    }

    /**
     * The actor blocked the target's domain: the target no longer follows the actor, nor asks to
     * (what the actor follows of theirs is the actor's to keep or end, as on Mastodon).
     */
    Decision removeFollowerOfBlockedDomain() {
        List<Object> events = new ArrayList<>();
        if (theirs.following) {
            events.add(new AccountUnfollowed(target, actor, UnfollowReason.DOMAIN_BLOCKED, now));
        }
        if (theirs.requested) {
            events.add(new FollowRequestRejected(target, actor, now));
        }
        return new Decision(events.isEmpty() ? Outcome.UNCHANGED : Outcome.CHANGED, events);
    }

    Decision unblock() {
        return changeUnless(!mine.blocking, new AccountUnblocked(actor, target, now));
    }

    Decision mute(boolean notifications) {
        return changeUnless(mine.muting && mine.mutingNotifications == notifications,
                new AccountMuted(actor, target, notifications, now));
    }

    Decision unmute() {
        return changeUnless(!mine.muting, new AccountUnmuted(actor, target, now));
    }

    Decision subscribe() {
        if (theirs.blocking) {
            return nothingRecorded(Outcome.BLOCKED_BY_TARGET);
        }
        return changeUnless(mine.subscribing, new AccountSubscribed(actor, target, now));
    }

    Decision unsubscribe() {
        return changeUnless(!mine.subscribing, new AccountUnsubscribed(actor, target, now));
    }

    /** The actor is the followed account; the target, the account that asked. */
    Decision authorizeRequest() {
        if (!theirs.requested) {
            return nothingRecorded(Outcome.NO_REQUEST);
        }
        return changed(new AccountFollowed(target, actor, theirs.showingReblogs, now, true));
    }

    /** The actor is the followed account; the target, the account that asked. */
    Decision rejectRequest() {
        if (!theirs.requested) {
            return nothingRecorded(Outcome.NO_REQUEST);
        }
        return changed(new FollowRequestRejected(target, actor, now));
    }

    /** Records {@code event} unless the relationship already is as asked. */
    private static Decision changeUnless(boolean alreadySo, Object event) {
        return alreadySo ? nothingRecorded(Outcome.UNCHANGED) : changed(event);
    }

    private static Decision changed(Object event) {
        return new Decision(Outcome.CHANGED, List.of(event));
    }

    /** Nothing to record: only an outcome. */
    private static Decision nothingRecorded(Outcome outcome) {
        return new Decision(outcome, List.of());
    }
}
