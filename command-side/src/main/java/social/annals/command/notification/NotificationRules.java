package social.annals.command.notification;

import social.annals.events.notification.NotificationType;

/**
 * Whether a candidate recipient gets a notification (pleroma-api §2.11): it is dropped when the
 * actor is the recipient, is blocked by them, or muted with its notifications; when the activity
 * is local (or remote) and the recipient switched those off; when the actor follows the
 * recipient (or the recipient follows the actor) and that class is switched off; and for a
 * follow, when a notification of an earlier follow by the same actor still exists.
 */
final class NotificationRules {

    private NotificationRules() {
    }

    /** The four class switches: {@code false} drops that class. */
    public record Settings(boolean followers, boolean follows, boolean remote, boolean local) {
        public static final Settings DEFAULT = new Settings(true, true, true, true);
    }

    /** A candidate recipient and what it has to do with the actor. */
    public record Recipient(String accountId, boolean blocksActor, boolean mutesActorNotifications,
                            boolean followsActor, boolean followedByActor, Settings settings,
                            boolean hasFollowNotificationFromActor) {
    }

    public static boolean notifies(Recipient recipient, String actorId, NotificationType type, boolean localActivity) {
        Settings settings = recipient.settings();
        return !recipient.accountId().equals(actorId)
                && !recipient.blocksActor()
                && !(localActivity && !settings.local())
                && !(!localActivity && !settings.remote())
                && !recipient.mutesActorNotifications()
                && !(recipient.followedByActor() && !settings.followers())
                && !(recipient.followsActor() && !settings.follows())
                && !(type == NotificationType.FOLLOW && recipient.hasFollowNotificationFromActor());
    }
}
