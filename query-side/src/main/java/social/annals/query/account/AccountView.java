package social.annals.query.account;

import java.time.Instant;
import java.util.List;

/**
 * An account as the read side knows it; {@code displayName} is null once erased. {@code remote} is
 * null for a local account; a remote account's nickname is {@code username@host}.
 */
public record AccountView(
        String accountId,
        String nickname,
        String displayName,
        String bio,
        String noteHtml,
        boolean locked,
        boolean hideFavorites,
        boolean admin,
        boolean moderator,
        boolean deactivated,
        boolean confirmationPending,
        String defaultScope,
        NotificationSettings notificationSettings,
        int followersCount,
        int followingCount,
        int statusesCount,
        Instant createdAt,
        List<String> tags,
        Remote remote) {

    public boolean local() {
        return remote == null;
    }

    /** Where a remote account lives: its actor id, its profile page and its images (null: none). */
    public record Remote(String actorUri, String url, String avatarUrl, String headerUrl) {
    }

    public record NotificationSettings(boolean followers, boolean follows, boolean remote, boolean local) {
    }
}
