package social.annals.events.account;

import java.time.Instant;

/**
 * The account's notification switches after the change (the full new state). Each, when
 * {@code false}, drops notifications of its class: from followers, from accounts it follows,
 * caused remotely, caused locally. Events stored while Pleroma 2.x's two switches were also
 * taken still carry them; they are ignored on reading.
 */
public record NotificationSettingsChanged(String accountId, boolean followers, boolean follows, boolean remote,
                                          boolean local, Instant changedAt) {
}
