package social.annals.events.social;

public enum UnfollowReason {
    /** The follower unfollowed. */
    UNFOLLOWED,
    /** One side blocked the other. */
    BLOCKED,
    /** One side's account was deleted. */
    ACCOUNT_DELETED
}
