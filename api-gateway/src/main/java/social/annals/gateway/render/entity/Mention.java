package social.annals.gateway.render.entity;

/** An account mentioned in a status (Mastodon's Status::Mention). */
public record Mention(String id, String acct, String username, String url) {
}
