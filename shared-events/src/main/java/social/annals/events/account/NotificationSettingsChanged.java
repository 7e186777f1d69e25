package social.annals.events.account;

import java.time.Instant;

/**
 * The account's notification switches after the change (the full new state). Each {@code false}
 * drops notifications of its class: from followers, from accounts it follows, caused remotely,
 * caused locally.
 */
public record NotificationSettingsChanged(String accountId, boolean followers, boolean follows, boolean remote,
                                          boolean local, Instant changedAt) {
}
