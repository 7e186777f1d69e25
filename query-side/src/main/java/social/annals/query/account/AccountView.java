package social.annals.query.account;

import java.time.Instant;
import java.util.List;

/** An account as the read side knows it; {@code displayName} is null once erased. */
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
        List<String> tags) {

    public record NotificationSettings(boolean followers, boolean follows, boolean remote, boolean local) {
    }
}
