package social.annals.events.account;

import java.time.Instant;
import social.annals.events.moderation.Moderator;

/** A moderator activated a deactivated account again. */
public record AccountActivated(String accountId, String nickname, Moderator by, Instant activatedAt) {
}
