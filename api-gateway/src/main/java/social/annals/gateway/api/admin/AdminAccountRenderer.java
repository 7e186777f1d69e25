package social.annals.gateway.api.admin;

import org.springframework.stereotype.Component;
import social.annals.gateway.api.admin.entity.AdminAccount;
import social.annals.gateway.render.AccountRenderer;
import social.annals.gateway.render.Urls;
import social.annals.query.account.AccountView;

/** Pleroma 1.1's AdminAccount view. */
@Component
public class AdminAccountRenderer {

    private final Urls urls;

    public AdminAccountRenderer(Urls urls) {
        this.urls = urls;
    }

    public AdminAccount render(AccountView account) {
        return new AdminAccount(account.accountId(), account.nickname(), account.deactivated(), true,
                new AdminAccount.Roles(account.admin(), account.moderator()), account.tags(), urls.defaultAvatar(),
                AccountRenderer.displayName(account.displayName(), account.nickname()));
    }
}
