package social.annals.events.social;

public enum UnfollowReason {
    /** The follower unfollowed. */
    UNFOLLOWED,
    /** One side blocked the other. */
    BLOCKED,
    /** One side's account was deleted. */
    ACCOUNT_DELETED,
    /** The followed account blocked the follower's domain. */
    DOMAIN_BLOCKED
}
