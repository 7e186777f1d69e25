package social.annals.events.federation;

/**
 * What a remote actor's document said about it when we fetched it: public data its own server
 * publishes. {@code username} is its {@code preferredUsername}, {@code host} the host of its id;
 * an account here shows as {@code username@host}. {@code sharedInbox} may be null.
 */
public record RemoteProfile(
        String actorUri,
        String username,
        String host,
        String displayName,
        String summaryHtml,
        String url,
        String avatarUrl,
        String headerUrl,
        String inbox,
        String sharedInbox,
        String followersUri,
        String followingUri,
        String publicKeyId,
        String publicKeyPem,
        boolean locked,
        boolean bot) {

    /** The account's nickname here, as Pleroma names remote accounts. */
    public String nickname() {
        return username + "@" + host;
    }
}
