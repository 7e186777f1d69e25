package social.annals.command.social;

/**
 * What a command changed, and the relationship from the actor's side afterwards: everything
 * Mastodon's Relationship entity says that the pair knows.
 */
public record RelationshipState(
        Outcome outcome,
        String actorId,
        String targetId,
        boolean following,
        boolean requested,
        boolean showingReblogs,
        boolean followedBy,
        boolean blocking,
        boolean blockedBy,
        boolean muting,
        boolean mutingNotifications,
        boolean subscribing) {

    public enum Outcome {
        /** The command changed the relationship as asked. */
        CHANGED,
        /** It already was as asked; nothing was recorded. */
        UNCHANGED,
        /** The target blocks the actor, so the follow or subscription was refused. */
        BLOCKED_BY_TARGET,
        /** There is no pending follow request to authorize or reject. */
        NO_REQUEST
    }
}
