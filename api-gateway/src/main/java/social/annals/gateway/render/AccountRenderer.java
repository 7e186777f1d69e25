package social.annals.gateway.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import social.annals.gateway.api.Queries;
import social.annals.gateway.render.entity.Account;
import social.annals.gateway.render.entity.AccountPleroma;
import social.annals.gateway.render.entity.NotificationSettings;
import social.annals.gateway.render.entity.Source;
import social.annals.gateway.render.entity.SourcePleroma;
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

    public Account render(AccountView account, ApiPrincipal viewer) {
        return renderAll(List.of(account), viewer).get(0);
    }

    /** Accounts for a viewer, with their relationships fetched in one query; order kept. */
    public List<Account> renderAll(List<AccountView> accounts, ApiPrincipal viewer) {
        Map<String, RelationshipView> relationships = new HashMap<>();
        if (viewer != null && viewer.isUser() && !accounts.isEmpty()) {
            queries.many(new RelationshipQueries.Between(viewer.accountId(),
                            accounts.stream().map(AccountView::accountId).toList()), RelationshipView.class)
                    .forEach(view -> relationships.put(view.targetId(), view));
        }
        return accounts.stream().map(account -> render(account, viewer, relationships.get(account.accountId())))
                .toList();
    }

    private Account render(AccountView account, ApiPrincipal viewer, RelationshipView relationship) {
        boolean self = viewer != null && account.accountId().equals(viewer.accountId());
        Source source = new Source(account.bio() == null ? "" : account.bio(), false, null, List.of(),
                self ? account.defaultScope() : null, self ? new SourcePleroma(true, false) : SourcePleroma.NONE);
        AccountView.NotificationSettings settings = account.notificationSettings();
        AccountPleroma pleroma = new AccountPleroma(account.confirmationPending(), account.tags(), account.admin(),
                account.moderator(), relationship == null ? null : RelationshipRenderer.render(relationship), false,
                false, account.hideFavorites(), false, null, account.deactivated(), true,
                self ? new NotificationSettings(settings.followers(), settings.follows(), settings.remote(),
                        settings.local()) : null);
        AccountView.Remote remote = account.remote();
        String avatar = remote != null && remote.avatarUrl() != null ? remote.avatarUrl() : urls.defaultAvatar();
        String header = remote != null && remote.headerUrl() != null ? remote.headerUrl() : urls.defaultHeader();
        return new Account(account.accountId(), username(account), account.nickname(), displayName(account),
                account.locked(), false, Dates.mastodon(account.createdAt()), account.followersCount(),
                account.followingCount(), account.statusesCount(), account.noteHtml() == null ? "" : account.noteHtml(),
                urls.profile(account), avatar, avatar, header, header, List.of(), List.of(), null, false,
                false, false, false, source, pleroma);
    }

    /** The nickname without the host: a remote account's nickname is {@code username@host}. */
    public static String username(AccountView account) {
        return account.local() ? account.nickname()
                : account.nickname().substring(0, account.nickname().lastIndexOf('@'));
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
