package social.annals.gateway.render;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import social.annals.gateway.api.Queries;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.query.account.AccountView;
import social.annals.query.social.RelationshipQueries;
import social.annals.query.social.RelationshipView;

/** The Mastodon Account entity with Pleroma's extension, rendered for a viewer. */
@Component
public class AccountRenderer {

    private final Urls urls;
    private final Queries queries;

    public AccountRenderer(Urls urls, Queries queries) {
        this.urls = urls;
        this.queries = queries;
    }

    public Map<String, Object> render(AccountView account, ApiPrincipal viewer) {
        return renderAll(List.of(account), viewer).get(0);
    }

    /** Accounts for a viewer, with their relationships fetched in one query; order kept. */
    public List<Map<String, Object>> renderAll(List<AccountView> accounts, ApiPrincipal viewer) {
        Map<String, RelationshipView> relationships = new HashMap<>();
        if (viewer != null && viewer.isUser() && !accounts.isEmpty()) {
            queries.many(new RelationshipQueries.Between(viewer.accountId(),
                            accounts.stream().map(AccountView::accountId).toList()), RelationshipView.class)
                    .forEach(view -> relationships.put(view.targetId(), view));
        }
        return accounts.stream().map(account -> render(account, viewer, relationships.get(account.accountId())))
                .toList();
    }

    private Map<String, Object> render(AccountView account, ApiPrincipal viewer, RelationshipView relationship) {
        boolean self = viewer != null && account.accountId().equals(viewer.accountId());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", account.accountId());
        out.put("username", account.nickname());
        out.put("acct", account.nickname());
        out.put("display_name", displayName(account));
        out.put("locked", account.locked());
        out.put("bot", false);
        out.put("created_at", Dates.mastodon(account.createdAt()));
        out.put("followers_count", account.followersCount());
        out.put("following_count", account.followingCount());
        out.put("statuses_count", account.statusesCount());
        out.put("note", account.noteHtml() == null ? "" : account.noteHtml());
        out.put("url", urls.actor(account.nickname()));
        out.put("avatar", urls.defaultAvatar());
        out.put("avatar_static", urls.defaultAvatar());
        out.put("header", urls.defaultHeader());
        out.put("header_static", urls.defaultHeader());
        out.put("emojis", List.of());
        out.put("fields", List.of());
        // Present in current Mastodon entities; clients such as megalodon read them.
        out.put("moved", null);
        out.put("suspended", false);
        out.put("limited", false);
        out.put("noindex", false);
        out.put("discoverable", false);

        Map<String, Object> source = new LinkedHashMap<>();
        source.put("note", account.bio() == null ? "" : account.bio());
        source.put("sensitive", false);
        source.put("language", null);
        source.put("fields", List.of());
        Map<String, Object> sourcePleroma = new LinkedHashMap<>();
        if (self) {
            source.put("privacy", account.defaultScope());
            sourcePleroma.put("show_role", true);
            sourcePleroma.put("no_rich_text", false);
        }
        source.put("pleroma", sourcePleroma);
        out.put("source", source);

        Map<String, Object> pleroma = new LinkedHashMap<>();
        pleroma.put("confirmation_pending", account.confirmationPending());
        pleroma.put("tags", account.tags());
        pleroma.put("is_admin", account.admin());
        pleroma.put("is_moderator", account.moderator());
        pleroma.put("relationship", relationship == null ? Map.of() : RelationshipRenderer.render(relationship));
        pleroma.put("hide_followers", false);
        pleroma.put("hide_follows", false);
        pleroma.put("hide_favorites", account.hideFavorites());
        pleroma.put("skip_thread_containment", false);
        pleroma.put("background_image", null);
        pleroma.put("deactivated", account.deactivated());
        pleroma.put("allow_following_move", true);
        if (self) {
            AccountView.NotificationSettings settings = account.notificationSettings();
            Map<String, Object> notificationSettings = new LinkedHashMap<>();
            notificationSettings.put("followers", settings.followers());
            notificationSettings.put("follows", settings.follows());
            notificationSettings.put("remote", settings.remote());
            notificationSettings.put("local", settings.local());
            pleroma.put("notification_settings", notificationSettings);
        }
        out.put("pleroma", pleroma);
        return out;
    }

    /** The display name, or the nickname when there is none (also after erasure). */
    /** The name, tags stripped (as Pleroma 1.0 shows it), or the nickname when it has none. */
    public static String displayName(AccountView account) {
        return displayName(account.displayName(), account.nickname());
    }

    public static String displayName(String name, String nickname) {
        String stripped = TextFormatter.stripTags(name);
        return stripped == null || stripped.isBlank() ? nickname : stripped;
    }

    static String escapedDisplayName(AccountView account) {
        return HtmlUtils.htmlEscape(displayName(account));
    }
}
