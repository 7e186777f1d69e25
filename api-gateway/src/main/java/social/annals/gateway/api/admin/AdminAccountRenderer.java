package social.annals.gateway.api.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
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

    public Map<String, Object> render(AccountView account) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", account.accountId());
        out.put("nickname", account.nickname());
        out.put("deactivated", account.deactivated());
        out.put("local", true);
        Map<String, Object> roles = new LinkedHashMap<>();
        roles.put("admin", account.admin());
        roles.put("moderator", account.moderator());
        out.put("roles", roles);
        out.put("tags", account.tags());
        out.put("avatar", urls.defaultAvatar());
        out.put("display_name", AccountRenderer.displayName(account.displayName(), account.nickname()));
        return out;
    }
}
