package social.annals.gateway.render;

import java.util.LinkedHashMap;
import java.util.Map;
import social.annals.command.social.RelationshipState;
import social.annals.query.social.RelationshipView;

/** Mastodon's Relationship entity with Pleroma's {@code subscribing}; every field always present. */
public final class RelationshipRenderer {

    private RelationshipRenderer() {
    }

    public static Map<String, Object> render(RelationshipView view) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", view.targetId());
        out.put("following", view.following());
        out.put("showing_reblogs", view.showingReblogs());
        out.put("followed_by", view.followedBy());
        out.put("blocking", view.blocking());
        out.put("blocked_by", view.blockedBy());
        out.put("muting", view.muting());
        out.put("muting_notifications", view.mutingNotifications());
        out.put("requested", view.requested());
        out.put("domain_blocking", false);
        out.put("endorsed", false);
        out.put("subscribing", view.subscribing());
        out.put("notifying", view.subscribing());
        return out;
    }

    /** The state a command answered with, seen from its actor. */
    public static RelationshipView view(RelationshipState state) {
        return new RelationshipView(state.targetId(), state.following(), state.requested(), state.showingReblogs(),
                state.followedBy(), state.blocking(), state.blockedBy(), state.muting(), state.mutingNotifications(),
                state.subscribing());
    }
}
