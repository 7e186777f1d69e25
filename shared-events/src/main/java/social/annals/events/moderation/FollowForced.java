package social.annals.events.moderation;

import java.time.Instant;

/**
 * An admin made {@code follower} follow ({@code follow} true) or unfollow {@code followed}; the
 * relationship change itself is recorded with it on the pair.
 */
public record FollowForced(String actionId, AccountRef follower, AccountRef followed, boolean follow, Moderator by,
                           Instant at) {
}
