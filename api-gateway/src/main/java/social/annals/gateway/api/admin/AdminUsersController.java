package social.annals.gateway.api.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import social.annals.events.ids.FlakeId;
import social.annals.gateway.api.Queries;
import social.annals.gateway.render.Urls;
import social.annals.gateway.security.Auth;
import social.annals.gateway.web.ApiException;
import social.annals.query.account.AccountQueries;
import social.annals.query.account.AccountView;

/** Admin user view ({@code GET /api/pleroma/admin/users/:nickname_or_id}). */
@RestController
public class AdminUsersController {

    private final Queries queries;
    private final Urls urls;

    public AdminUsersController(Queries queries, Urls urls) {
        this.queries = queries;
        this.urls = urls;
    }

    @GetMapping("/api/pleroma/admin/users/{nicknameOrId}")
    @Auth(Auth.Level.ADMIN)
    public Map<String, Object> show(@PathVariable String nicknameOrId) {
        AccountView account = FlakeId.isWellFormed(nicknameOrId)
                ? queries.one(new AccountQueries.ById(nicknameOrId), AccountView.class) : null;
        if (account == null && nicknameOrId.length() <= 255) {
            account = queries.one(new AccountQueries.ByNickname(nicknameOrId), AccountView.class);
        }
        if (account == null) {
            throw ApiException.bare(HttpStatus.NOT_FOUND, "Not found");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", account.accountId());
        out.put("nickname", account.nickname());
        out.put("deactivated", account.deactivated());
        out.put("local", true);
        out.put("roles", Map.of("admin", account.admin(), "moderator", account.moderator()));
        out.put("tags", List.of());
        out.put("avatar", urls.defaultAvatar());
        out.put("display_name", account.displayName() == null || account.displayName().isBlank()
                ? account.nickname() : account.displayName());
        return out;
    }
}
