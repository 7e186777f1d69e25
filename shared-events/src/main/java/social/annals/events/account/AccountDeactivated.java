package social.annals.events.account;

import java.time.Instant;
import social.annals.events.moderation.Moderator;

/** A moderator deactivated the account: every way of signing in refuses it until it is activated again. */
public record AccountDeactivated(String accountId, String nickname, Moderator by, Instant deactivatedAt) {
}
