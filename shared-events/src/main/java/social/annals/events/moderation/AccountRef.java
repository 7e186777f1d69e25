package social.annals.events.moderation;

/** An account as a moderation event names it: its id and its nickname (readable even after deletion). */
public record AccountRef(String accountId, String nickname) {
}
