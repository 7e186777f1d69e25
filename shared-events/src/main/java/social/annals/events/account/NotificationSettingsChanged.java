package social.annals.events.account;

import java.time.Instant;

/**
 * The account's notification switches after the change (the full new state). Each of the first
 * four, when {@code false}, drops notifications of its class: from followers, from accounts it
 * follows, caused remotely, caused locally. {@code blockFromStrangers} (Pleroma 2.x) drops those
 * from accounts it does not follow; {@code hideNotificationContents} asks push notifications to
 * leave out sender and text. Events stored before these two existed read them as {@code false},
 * their default, so no upcaster is needed.
 */
public record NotificationSettingsChanged(String accountId, boolean followers, boolean follows, boolean remote,
                                          boolean local, boolean blockFromStrangers, boolean hideNotificationContents,
                                          Instant changedAt) {
}
