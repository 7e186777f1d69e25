package social.annals.gateway.api.status;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import social.annals.gateway.api.Queries;
import social.annals.gateway.federation.AccountResolver;
import social.annals.gateway.render.AccountRenderer;
import social.annals.gateway.render.StatusRenderer;
import social.annals.gateway.render.Urls;
import social.annals.gateway.render.entity.Account;
import social.annals.gateway.render.entity.SearchResults;
import social.annals.gateway.render.entity.Status;
import social.annals.gateway.render.entity.Tag;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.gateway.security.Auth;
import social.annals.gateway.web.ApiException;
import social.annals.gateway.web.Pagination;
import social.annals.gateway.web.Params;
import social.annals.query.account.AccountQueries;
import social.annals.query.account.AccountView;
import social.annals.query.status.StatusQueries;
import social.annals.query.status.StatusView;

/**
 * Search among the accounts we know (and, asked to resolve, one of another server), hashtags in
 * use and statuses the viewer may see.
 */
@RestController
public class SearchController {

    private final Queries queries;
    private final AccountRenderer accounts;
    private final StatusRenderer statuses;
    private final Urls urls;
    private final AccountResolver resolver;

    public SearchController(Queries queries, AccountRenderer accounts, StatusRenderer statuses, Urls urls,
                            AccountResolver resolver) {
        this.queries = queries;
        this.accounts = accounts;
        this.statuses = statuses;
        this.urls = urls;
        this.resolver = resolver;
    }

    /** With {@code resolve=true}, {@code nick@other.host} or an actor URL is looked up on its server. */
    @GetMapping("/api/v1/accounts/search")
    @Auth(value = Auth.Level.OPTIONAL, scope = "read:accounts")
    public List<Account> accounts(Params params, ApiPrincipal viewer) {
        String query = params.required("q");
        return accounts.renderAll(findAccounts(query, Pagination.from(params).limit(),
                params.bool("resolve").orElse(false) && viewer != null), viewer);
    }

    /** One account by {@code acct}: a local nickname, or {@code nick@host}, resolved through WebFinger when unknown. */
    @GetMapping("/api/v1/accounts/lookup")
    @Auth(value = Auth.Level.OPTIONAL, scope = "read:accounts")
    public Account lookup(Params params, ApiPrincipal viewer) {
        String acct = params.required("acct").trim();
        acct = acct.startsWith("@") ? acct.substring(1) : acct;
        AccountView found = resolver.isRemote(acct) ? resolver.resolve(acct).orElse(null)
                : queries.one(new AccountQueries.ByNickname(accountText(acct)), AccountView.class);
        if (found == null || found.deactivated()) {
            throw ApiException.notFound();
        }
        return accounts.render(found, viewer);
    }

    /** Accounts by nickname or name; the one resolved on its server first, when asked and found. */
    private List<AccountView> findAccounts(String query, int limit, boolean resolve) {
        List<AccountView> found = new java.util.ArrayList<>();
        if (resolve && resolver.isRemote(query)) {
            resolver.resolve(query).ifPresent(found::add);
        }
        String text = accountText(query);
        if (!text.isEmpty() && !text.startsWith("http")) {
            queries.many(new AccountQueries.Search(text, limit), AccountView.class).stream()
                    .filter(account -> found.stream().noneMatch(known -> known.accountId().equals(account.accountId())))
                    .forEach(found::add);
        }
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    /** {@code type} narrows to {@code accounts}, {@code statuses} or {@code hashtags}. */
    @GetMapping("/api/v2/search")
    @Auth(value = Auth.Level.OPTIONAL, scope = "read:search")
    public SearchResults search(Params params, ApiPrincipal viewer) {
        String text = params.required("q").trim();
        String type = params.string("type").orElse("");
        int limit = Pagination.from(params).limit();
        boolean searchable = !text.isEmpty() && text.length() <= 200;
        String accountText = accountText(text);
        List<Account> foundAccounts = searchable && !accountText.isEmpty()
                && (type.isEmpty() || type.equals("accounts"))
                ? accounts.renderAll(findAccounts(text, limit, params.bool("resolve").orElse(false) && viewer != null),
                viewer)
                : List.of();
        List<Status> foundStatuses = searchable && (type.isEmpty() || type.equals("statuses"))
                ? statuses.renderAll(queries.many(new StatusQueries.TextSearch(text,
                viewer == null ? null : viewer.accountId(), limit), StatusView.class), viewer)
                : List.of();
        String tag = text.startsWith("#") ? text.substring(1) : text;
        List<Tag> hashtags = searchable && !tag.isEmpty() && (type.isEmpty() || type.equals("hashtags"))
                ? queries.many(new StatusQueries.TagSearch(tag, limit), String.class).stream()
                .map(name -> new Tag(name, urls.base() + "/tag/" + name, List.of()))
                .toList()
                : List.of();
        return new SearchResults(foundAccounts, foundStatuses, hashtags);
    }

    /** {@code @nick}, {@code nick@this-host} and {@code nick} all look for the nickname. */
    private String accountText(String query) {
        String text = query.trim();
        if (text.startsWith("@")) {
            text = text.substring(1);
        }
        int at = text.indexOf('@');
        if (at >= 0 && text.substring(at + 1).equalsIgnoreCase(urls.host())) {
            text = text.substring(0, at);
        }
        return text.length() > 100 ? "" : text;
    }
}
