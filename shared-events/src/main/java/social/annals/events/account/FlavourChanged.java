package social.annals.events.account;

import java.time.Instant;

/** The Mastodon web front-end flavour the account chose ({@code glitch} or {@code vanilla}). */
public record FlavourChanged(String accountId, String flavour, Instant changedAt) {
}
