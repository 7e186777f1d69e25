package social.annals.gateway.api.account;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import social.annals.command.account.AccountCommands;
import social.annals.gateway.api.AccountFinder;
import social.annals.gateway.api.Queries;
import social.annals.gateway.consistency.Commands;
import social.annals.gateway.consistency.ConsistencyBarrier;
import social.annals.gateway.render.AccountRenderer;
import social.annals.gateway.render.TextFormatter;
import social.annals.gateway.render.TwitterUserRenderer;
import social.annals.gateway.render.entity.Account;
import social.annals.gateway.render.entity.TwitterUser;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.gateway.security.Auth;
import social.annals.gateway.web.ApiException;
import social.annals.gateway.web.Params;
import social.annals.query.account.AccountQueries;
import social.annals.query.account.AccountView;

@RestController
public class AccountsController {

    private final Queries queries;
    private final AccountFinder accountFinder;
    private final Commands commands;
    private final ConsistencyBarrier barrier;
    private final AccountRenderer accounts;
    private final TwitterUserRenderer twitterUsers;
    private final TextFormatter formatter;

    public AccountsController(Queries queries, Commands commands, ConsistencyBarrier barrier,
                              AccountRenderer accounts, TwitterUserRenderer twitterUsers, TextFormatter formatter,
                              AccountFinder accountFinder) {
        this.accountFinder = accountFinder;
        this.queries = queries;
        this.barrier = barrier;
        this.commands = commands;
        this.accounts = accounts;
        this.twitterUsers = twitterUsers;
        this.formatter = formatter;
    }

    /** Accounts to follow: there is no suggestion source, so none, as Pleroma answers without one. */
    @GetMapping("/api/v1/suggestions")
    @Auth(value = Auth.Level.REQUIRED, scope = "read")
    public List<Object> suggestions(ApiPrincipal caller) {
        return List.of();
    }

    @GetMapping("/api/v1/accounts/verify_credentials")
    @Auth(value = Auth.Level.REQUIRED, scope = "read:accounts")
    public Account verifyCredentials(ApiPrincipal caller) {
        return accounts.render(self(caller), caller);
    }

    /** {@code id} may be an account id or a nickname. */
    @GetMapping("/api/v1/accounts/{id}")
    @Auth(value = Auth.Level.OPTIONAL, scope = "read:accounts")
    public Account show(@PathVariable String id, ApiPrincipal viewer) {
        AccountView account = findByIdOrNickname(id);
        if (account == null) {
            throw ApiException.error(HttpStatus.NOT_FOUND, "Can't find user");
        }
        return accounts.render(account, viewer);
    }

    @PatchMapping("/api/v1/accounts/update_credentials")
    @Auth(value = Auth.Level.REQUIRED, scope = "write:accounts")
    public Account updateCredentials(Params params, ApiPrincipal caller) {
        String note = params.stringOrNull("note");
        update(caller, params.stringOrNull("display_name"), note, params.bool("locked").orElse(null),
                params.bool("hide_favorites").orElse(null));
        return accounts.render(self(caller), caller);
    }

    /** The seed-era TwitterAPI profile update: {@code name}, {@code description}, {@code locked}, {@code hide_favorites}. */
    @PostMapping("/api/account/update_profile")
    @Auth(value = Auth.Level.REQUIRED, scope = "write:accounts")
    public TwitterUser updateProfile(Params params, ApiPrincipal caller) {
        update(caller, params.stringOrNull("name"), params.stringOrNull("description"),
                params.bool("locked").orElse(null), params.bool("hide_favorites").orElse(null));
        return twitterUsers.render(self(caller), caller);
    }

    private void update(ApiPrincipal caller, String displayName, String bio, Boolean locked, Boolean hideFavorites) {
        commands.sendAndWait(new AccountCommands.UpdateProfile(caller.accountId(), displayName, bio,
                bio == null ? null : formatter.toHtml(bio), locked, hideFavorites));
    }

    private AccountView self(ApiPrincipal caller) {
        AccountView account = queries.one(new AccountQueries.ById(caller.accountId()), AccountView.class);
        if (account == null) {
            // The token is live but the read model has not seen the account yet.
            barrier.awaitLatestEventOf(caller.accountId());
            account = queries.one(new AccountQueries.ById(caller.accountId()), AccountView.class);
        }
        if (account == null) {
            // The token is valid: answering "invalid credentials" would sign the client out.
            throw ApiException.error(HttpStatus.SERVICE_UNAVAILABLE,
                    "Your account is not in the accounts read model yet (it may be rebuilding); try again shortly");
        }
        return account;
    }

    private AccountView findByIdOrNickname(String id) {
        return accountFinder.byIdOrNickname(id).orElse(null);
    }
}
