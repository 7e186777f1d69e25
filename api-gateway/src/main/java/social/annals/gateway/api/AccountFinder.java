package social.annals.gateway.api;

import java.util.Optional;
import org.springframework.stereotype.Component;
import social.annals.events.ids.FlakeId;
import social.annals.query.account.AccountQueries;
import social.annals.query.account.AccountView;

/** An account named by its id or its nickname (case-insensitive), as paths and admin parameters do. */
@Component
public class AccountFinder {

    private static final int MAX_NICKNAME = 255;

    private final Queries queries;

    public AccountFinder(Queries queries) {
        this.queries = queries;
    }

    public Optional<AccountView> byIdOrNickname(String idOrNickname) {
        if (idOrNickname == null || idOrNickname.isEmpty()) {
            return Optional.empty();
        }
        if (FlakeId.isWellFormed(idOrNickname)) {
            AccountView byId = queries.one(new AccountQueries.ById(idOrNickname), AccountView.class);
            if (byId != null) {
                return Optional.of(byId);
            }
        }
        if (idOrNickname.length() > MAX_NICKNAME) {
            return Optional.empty();
        }
        return Optional.ofNullable(queries.one(new AccountQueries.ByNickname(idOrNickname), AccountView.class));
    }
}
