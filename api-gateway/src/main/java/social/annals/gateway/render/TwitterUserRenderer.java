package social.annals.gateway.render;

import java.util.List;
import org.springframework.stereotype.Component;
import social.annals.gateway.render.entity.TwitterUser;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.query.account.AccountView;

/** The TwitterAPI user object of {@code /api/account/register} and {@code update_profile}. */
@Component
public class TwitterUserRenderer {

    private final Urls urls;

    public TwitterUserRenderer(Urls urls) {
        this.urls = urls;
    }

    public TwitterUser render(AccountView account, ApiPrincipal viewer) {
        boolean self = viewer != null && account.accountId().equals(viewer.accountId());
        boolean viewerIsAdmin = viewer != null && viewer.admin();
        boolean showRole = (account.admin() || account.moderator()) && self;
        String avatar = urls.defaultAvatar();
        return new TwitterUser(account.accountId(), account.nickname(), AccountRenderer.displayName(account),
                AccountRenderer.escapedDisplayName(account), TextFormatter.toPlainText(account.noteHtml()),
                account.noteHtml() == null ? "" : account.noteHtml(), Dates.twitter(account.createdAt()), 0,
                account.followersCount(), account.followingCount(), account.statusesCount(), false, false, false,
                avatar, avatar, avatar, avatar, urls.defaultHeader(), null, urls.actor(account.nickname()), true,
                account.locked(), account.defaultScope(), false, false, false, List.of(),
                new TwitterUser.Rights(account.moderator(), account.admin()),
                new TwitterUser.Pleroma(account.confirmationPending(), List.of(),
                        viewerIsAdmin ? account.deactivated() : null),
                showRole ? (account.admin() ? "admin" : "moderator") : null, showRole ? Boolean.TRUE : null);
    }
}
