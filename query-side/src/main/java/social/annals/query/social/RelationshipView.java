package social.annals.query.social;

/** Mastodon's Relationship, from a viewer towards {@code targetId}. */
public record RelationshipView(
        String targetId,
        boolean following,
        boolean requested,
        boolean showingReblogs,
        boolean followedBy,
        boolean blocking,
        boolean blockedBy,
        boolean muting,
        boolean mutingNotifications,
        boolean subscribing,
        boolean domainBlocking) {

    public static RelationshipView none(String targetId) {
        return new RelationshipView(targetId, false, false, true, false, false, false, false, false, false, false);
    }

    public RelationshipView withDomainBlocking(boolean blocking) {
        return new RelationshipView(targetId, following, requested, showingReblogs, followedBy, this.blocking,
                blockedBy, muting, mutingNotifications, subscribing, blocking);
    }
}
