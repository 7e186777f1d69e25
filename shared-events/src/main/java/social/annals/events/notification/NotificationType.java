package social.annals.events.notification;

import java.util.Locale;
import java.util.Optional;

/** What a notification is about, named as the Mastodon API names it. */
public enum NotificationType {
    /** A status that mentions or replies to the recipient, or a post by an account they subscribe to. */
    MENTION,
    REBLOG,
    FAVOURITE,
    /** A follow, or a request to follow a locked account (Pleroma 1.x has no separate type for it). */
    FOLLOW,
    /** A reaction with an emoji to one of the recipient's statuses (Pleroma 2.x). */
    EMOJI_REACTION;

    public String apiName() {
        return this == EMOJI_REACTION ? "pleroma:emoji_reaction" : name().toLowerCase(Locale.ROOT);
    }

    public static Optional<NotificationType> fromApiName(String name) {
        for (NotificationType type : values()) {
            if (type.apiName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
