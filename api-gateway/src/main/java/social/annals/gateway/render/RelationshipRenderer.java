package social.annals.gateway.render;

import social.annals.command.social.RelationshipState;
import social.annals.gateway.render.entity.Relationship;
import social.annals.query.social.RelationshipView;

/** Mastodon's Relationship entity with Pleroma's {@code subscribing}; every field always present. */
public final class RelationshipRenderer {

    private RelationshipRenderer() {
    }

    public static Relationship render(RelationshipView view) {
        return new Relationship(view.targetId(), view.following(), view.showingReblogs(), view.followedBy(),
                view.blocking(), view.blockedBy(), view.muting(), view.mutingNotifications(), view.requested(),
                view.domainBlocking(), false, view.subscribing(), view.subscribing());
    }

    /** The state a command answered with, seen from its actor, who blocks the target's domain or not. */
    public static RelationshipView view(RelationshipState state, boolean domainBlocking) {
        return new RelationshipView(state.targetId(), state.following(), state.requested(), state.showingReblogs(),
                state.followedBy(), state.blocking(), state.blockedBy(), state.muting(), state.mutingNotifications(),
                state.subscribing(), domainBlocking);
    }
}
