package social.annals.gateway.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import social.annals.events.ids.FlakeId;
import social.annals.gateway.render.AccountRenderer;
import social.annals.gateway.render.Urls;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.gateway.web.ApiException;
import social.annals.gateway.web.Pagination;
import social.annals.query.account.AccountQueries;
import social.annals.query.account.AccountView;

/** What every endpoint about accounts by id needs: the account or Pleroma's 404, and a rendered page of accounts. */
@Component
public class AccountLists {

    private final Queries queries;
    private final AccountRenderer accounts;
    private final Urls urls;

    public AccountLists(Queries queries, AccountRenderer accounts, Urls urls) {
        this.queries = queries;
        this.accounts = accounts;
        this.urls = urls;
    }

    /** The account with this id; {@code 404 Record not found} for an unknown or malformed id. */
    public AccountView existing(String id) {
        AccountView account = FlakeId.isWellFormed(id)
                ? queries.one(new AccountQueries.ById(id), AccountView.class) : null;
        if (account == null) {
            throw ApiException.notFound();
        }
        return account;
    }

    /** The accounts of a keyset page, in its order, rendered for the viewer, with the page's Link header. */
    public ResponseEntity<List<Map<String, Object>>> page(List<String> accountIds, ApiPrincipal viewer,
                                                          HttpServletRequest request) {
        return ResponseEntity.ok().headers(Pagination.links(urls.base(), request, accountIds, id -> id))
                .body(rendered(accountIds, viewer));
    }

    /** These accounts in this order, rendered for the viewer; unknown ids are left out. */
    public List<Map<String, Object>> rendered(List<String> accountIds, ApiPrincipal viewer) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        Map<String, AccountView> found = new HashMap<>();
        queries.many(new AccountQueries.ByIds(accountIds), AccountView.class)
                .forEach(account -> found.put(account.accountId(), account));
        List<AccountView> listed = accountIds.stream().map(found::get).filter(Objects::nonNull).toList();
        return accounts.renderAll(listed, viewer);
    }
}
