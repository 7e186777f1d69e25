package social.annals.gateway.api.admin;

import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import social.annals.events.moderation.AccountRef;
import social.annals.events.moderation.Moderator;
import social.annals.gateway.api.AccountFinder;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.gateway.web.ApiException;
import social.annals.query.account.AccountView;

/** Who is acting and on whom, for the admin endpoints. */
@Component
public class Moderators {

    private final AccountFinder accounts;

    public Moderators(AccountFinder accounts) {
        this.accounts = accounts;
    }

    /** The acting admin (named from its credentials, not from a read model), or the admin token's actor. */
    public Moderator of(ApiPrincipal caller) {
        if (!caller.isUser()) {
            return Moderator.ADMIN_TOKEN;
        }
        return new Moderator(caller.accountId(), caller.nickname());
    }

    /** An account by id or nickname, or 404 {@code "Not found"}. */
    public AccountView account(String nicknameOrId) {
        return find(nicknameOrId).orElseThrow(() -> ApiException.bare(HttpStatus.NOT_FOUND, "Not found"));
    }

    public Optional<AccountView> find(String nicknameOrId) {
        return accounts.byIdOrNickname(nicknameOrId);
    }

    public static AccountRef ref(AccountView account) {
        return new AccountRef(account.accountId(), account.nickname());
    }
}
