package social.annals.query.moderation;

import java.time.Instant;
import java.util.List;

/** Queries answered from the "moderation-log" read model. */
public final class ModerationLogQueries {

    private ModerationLogQueries() {
    }

    /** Every criterion is optional (null); given ones must all hold. {@code to} is exclusive. */
    public record Filter(String actorId, String subjectId, String action, Instant from, Instant to) {

        public static final Filter NONE = new Filter(null, null, null, null, null);
    }

    /** One page, newest first; {@code pageSize} 0 means every matching entry. */
    public record Entries(Filter filter, int page, int pageSize) {
    }

    /** {@code data} is the entry's JSON: actor, action and the action's own keys. */
    public record Entry(Instant time, String data) {
    }

    public record Count(Filter filter) {
    }

    public static final List<String> ACTIONS = List.of("create", "delete", "activate", "deactivate", "tag", "untag",
            "grant", "revoke", "follow", "unfollow", "status_update", "status_delete", "report_update",
            "report_response", "rebuild");
}
