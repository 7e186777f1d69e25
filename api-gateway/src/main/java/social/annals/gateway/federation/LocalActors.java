package social.annals.gateway.federation;

import org.springframework.stereotype.Component;
import social.annals.gateway.api.Queries;
import social.annals.gateway.render.Urls;
import social.annals.query.account.AccountQueries;
import social.annals.query.account.AccountView;

/** Local accounts as actors: found by their actor URI, and by id with whether they are ours. */
@Component
public class LocalActors {

    private final Queries queries;
    private final Urls urls;

    public LocalActors(Queries queries, Urls urls) {
        this.queries = queries;
        this.urls = urls;
    }

    /** The active local account an actor URI of ours names, or null. */
    public AccountView byUri(String uri) {
        String prefix = urls.base() + "/users/";
        if (uri == null || !uri.startsWith(prefix) || uri.length() == prefix.length()) {
            return null;
        }
        String nickname = uri.substring(prefix.length());
        if (nickname.contains("/") || nickname.contains("#") || nickname.contains("?")) {
            return null;
        }
        AccountView account = queries.one(new AccountQueries.ByNickname(nickname), AccountView.class);
        return account == null || !account.local() || account.deactivated() ? null : account;
    }

    /** The local account with this id, or null when it is remote or unknown. */
    public AccountView byId(String accountId) {
        AccountView account = queries.one(new AccountQueries.ById(accountId), AccountView.class);
        return account == null || !account.local() ? null : account;
    }
}
