package social.annals.gateway.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.query.account.AccountView;

/** The TwitterAPI user object of {@code /api/account/register} and {@code update_profile}. */
@Component
public class TwitterUserRenderer {

    private final Urls urls;

    public TwitterUserRenderer(Urls urls) {
        this.urls = urls;
    }

    public Map<String, Object> render(AccountView account, ApiPrincipal viewer) {
        boolean self = viewer != null && account.accountId().equals(viewer.accountId());
        boolean viewerIsAdmin = viewer != null && viewer.admin();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", account.accountId());
        out.put("screen_name", account.nickname());
        out.put("name", AccountRenderer.displayName(account));
        out.put("name_html", AccountRenderer.escapedDisplayName(account));
        out.put("description", TextFormatter.toPlainText(account.noteHtml()));
        out.put("description_html", account.noteHtml() == null ? "" : account.noteHtml());
        out.put("created_at", Dates.twitter(account.createdAt()));
        out.put("favourites_count", 0);
        out.put("followers_count", account.followersCount());
        out.put("friends_count", account.followingCount());
        out.put("statuses_count", account.statusesCount());
        out.put("following", false);
        out.put("follows_you", false);
        out.put("statusnet_blocking", false);
        String avatar = urls.defaultAvatar();
        out.put("profile_image_url", avatar);
        out.put("profile_image_url_https", avatar);
        out.put("profile_image_url_profile_size", avatar);
        out.put("profile_image_url_original", avatar);
        out.put("cover_photo", urls.defaultHeader());
        out.put("background_image", null);
        out.put("statusnet_profile_url", urls.actor(account.nickname()));
        out.put("is_local", true);
        out.put("locked", account.locked());
        out.put("default_scope", account.defaultScope());
        out.put("no_rich_text", false);
        out.put("hide_followers", false);
        out.put("hide_follows", false);
        out.put("fields", List.of());
        out.put("rights", Map.of("delete_others_notice", account.moderator(), "admin", account.admin()));
        Map<String, Object> pleroma = new LinkedHashMap<>();
        pleroma.put("confirmation_pending", account.confirmationPending());
        pleroma.put("tags", List.of());
        if (viewerIsAdmin) {
            pleroma.put("deactivated", account.deactivated());
        }
        out.put("pleroma", pleroma);
        if ((account.admin() || account.moderator()) && self) {
            out.put("role", account.admin() ? "admin" : "moderator");
            out.put("show_role", true);
        }
        return out;
    }
}
