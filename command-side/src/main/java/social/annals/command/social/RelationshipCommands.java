package social.annals.command.social;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Commands on the relationship between an actor and a target account. Each answers with the
 * {@link RelationshipState} from the actor's side after the change.
 */
public final class RelationshipCommands {

    private RelationshipCommands() {
    }

    /** {@code showingReblogs} null keeps the current choice (true for a new follow). */
    public record Follow(@TargetAggregateIdentifier String pairId, String actorId, String targetId,
                         boolean targetLocked, Boolean showingReblogs) {
        public Follow(String actorId, String targetId, boolean targetLocked, Boolean showingReblogs) {
            this(PairIds.of(actorId, targetId), actorId, targetId, targetLocked, showingReblogs);
        }
    }

    public record Unfollow(@TargetAggregateIdentifier String pairId, String actorId, String targetId) {
        public Unfollow(String actorId, String targetId) {
            this(PairIds.of(actorId, targetId), actorId, targetId);
        }
    }

    /** The actor's server undid its Follow: a follow ends, a pending request is withdrawn. */
    public record UndoFollow(@TargetAggregateIdentifier String pairId, String actorId, String targetId) {
        public UndoFollow(String actorId, String targetId) {
            this(PairIds.of(actorId, targetId), actorId, targetId);
        }
    }

    public record Block(@TargetAggregateIdentifier String pairId, String actorId, String targetId) {
        public Block(String actorId, String targetId) {
            this(PairIds.of(actorId, targetId), actorId, targetId);
        }
    }

    public record Unblock(@TargetAggregateIdentifier String pairId, String actorId, String targetId) {
        public Unblock(String actorId, String targetId) {
            this(PairIds.of(actorId, targetId), actorId, targetId);
        }
    }

    public record Mute(@TargetAggregateIdentifier String pairId, String actorId, String targetId,
                       boolean notifications) {
        public Mute(String actorId, String targetId, boolean notifications) {
            this(PairIds.of(actorId, targetId), actorId, targetId, notifications);
        }
    }

    public record Unmute(@TargetAggregateIdentifier String pairId, String actorId, String targetId) {
        public Unmute(String actorId, String targetId) {
            this(PairIds.of(actorId, targetId), actorId, targetId);
        }
    }

    public record Subscribe(@TargetAggregateIdentifier String pairId, String actorId, String targetId) {
        public Subscribe(String actorId, String targetId) {
            this(PairIds.of(actorId, targetId), actorId, targetId);
        }
    }

    public record Unsubscribe(@TargetAggregateIdentifier String pairId, String actorId, String targetId) {
        public Unsubscribe(String actorId, String targetId) {
            this(PairIds.of(actorId, targetId), actorId, targetId);
        }
    }

    /** The actor (the followed account) accepts the target's pending request. */
    public record AuthorizeFollowRequest(@TargetAggregateIdentifier String pairId, String actorId, String targetId) {
        public AuthorizeFollowRequest(String actorId, String targetId) {
            this(PairIds.of(actorId, targetId), actorId, targetId);
        }
    }

    /** The actor (the followed account) refuses the target's pending request. */
    public record RejectFollowRequest(@TargetAggregateIdentifier String pairId, String actorId, String targetId) {
        public RejectFollowRequest(String actorId, String targetId) {
            this(PairIds.of(actorId, targetId), actorId, targetId);
        }
    }

    /** End every follow, request and subscription between the two, both ways (the actor's account is deleted). */
    public record Sever(@TargetAggregateIdentifier String pairId, String actorId, String targetId) {
        public Sever(String actorId, String targetId) {
            this(PairIds.of(actorId, targetId), actorId, targetId);
        }
    }

    /** The actor blocked the target's domain: the target stops following the actor and its request is refused. */
    public record RemoveFollowerOfBlockedDomain(@TargetAggregateIdentifier String pairId, String actorId,
                                                String targetId) {
        public RemoveFollowerOfBlockedDomain(String actorId, String targetId) {
            this(PairIds.of(actorId, targetId), actorId, targetId);
        }
    }
}
