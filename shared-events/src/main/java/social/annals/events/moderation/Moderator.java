package social.annals.events.moderation;

/**
 * Who took a moderation action: an account ({@code accountId} and its nickname at the time), or
 * a non-account actor such as the configured admin token ({@code accountId} null).
 */
public record Moderator(String accountId, String nickname) {

    public static final Moderator ADMIN_TOKEN = new Moderator(null, "admin_token");
}
