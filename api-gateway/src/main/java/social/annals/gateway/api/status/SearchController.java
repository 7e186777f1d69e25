package social.annals.gateway.api.status;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import social.annals.gateway.api.Queries;
import social.annals.gateway.render.AccountRenderer;
import social.annals.gateway.render.StatusRenderer;
import social.annals.gateway.render.Urls;
import social.annals.gateway.render.entity.Account;
import social.annals.gateway.render.entity.SearchResults;
import social.annals.gateway.render.entity.Status;
import social.annals.gateway.render.entity.Tag;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.gateway.security.Auth;
import social.annals.gateway.web.Pagination;
import social.annals.gateway.web.Params;
import social.annals.query.account.AccountQueries;
import social.annals.query.account.AccountView;
import social.annals.query.status.StatusQueries;
import social.annals.query.status.StatusView;

/** Search among local accounts, hashtags in use and statuses the viewer may see. */
@RestController
public class SearchController {

    private final Queries queries;
    private final AccountRenderer accounts;
    private final StatusRenderer statuses;
    private final Urls urls;

    public SearchController(Queries queries, AccountRenderer accounts, StatusRenderer statuses, Urls urls) {
        this.queries = queries;
        this.accounts = accounts;
        this.statuses = statuses;
        this.urls = urls;
    }

    @GetMapping("/api/v1/accounts/search")
    @Auth(value = Auth.Level.OPTIONAL, scope = "read:accounts")
    public List<Account> accounts(Params params, ApiPrincipal viewer) {
        String text = accountText(params.required("q"));
        return text.isEmpty() ? List.of() : accounts.renderAll(queries.many(new AccountQueries.Search(text,
                Pagination.from(params).limit()), AccountView.class), viewer);
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
                ? accounts.renderAll(queries.many(new AccountQueries.Search(accountText, limit), AccountView.class),
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
