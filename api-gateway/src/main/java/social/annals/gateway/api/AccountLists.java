package social.annals.gateway.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import social.annals.gateway.render.AccountRenderer;
import social.annals.gateway.render.Urls;
import social.annals.gateway.render.entity.Account;
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
    private final AccountFinder finder;

    public AccountLists(Queries queries, AccountRenderer accounts, Urls urls, AccountFinder finder) {
        this.queries = queries;
        this.accounts = accounts;
        this.urls = urls;
        this.finder = finder;
    }

    /**
     * The account with this id or nickname (Pleroma takes either in every {@code /accounts/:id}
     * path); {@code 404 Record not found} for anything else.
     */
    public AccountView existing(String idOrNickname) {
        return finder.byIdOrNickname(idOrNickname).orElseThrow(ApiException::notFound);
    }

    /** The accounts of a keyset page, in its order, rendered for the viewer, with the page's Link header. */
    public ResponseEntity<List<Account>> page(List<String> accountIds, ApiPrincipal viewer,
                                              HttpServletRequest request) {
        return ResponseEntity.ok().headers(Pagination.links(urls.base(), request, accountIds, id -> id))
                .body(rendered(accountIds, viewer));
    }

    /** These accounts in this order, rendered for the viewer; unknown ids are left out. */
    public List<Account> rendered(List<String> accountIds, ApiPrincipal viewer) {
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
