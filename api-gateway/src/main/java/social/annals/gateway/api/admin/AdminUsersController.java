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
import social.annals.gateway.render.Dates;
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
        AccountView account = find(nicknameOrId);
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

    /** Beyond Pleroma: how far the account's deletion has got (404 when it was never deleted). */
    @GetMapping("/api/pleroma/admin/users/{nicknameOrId}/deletion")
    @Auth(Auth.Level.ADMIN)
    public Map<String, Object> deletion(@PathVariable String nicknameOrId) {
        AccountQueries.Deletion deletion = queries.one(new AccountQueries.DeletionOf(find(nicknameOrId).accountId()),
                AccountQueries.Deletion.class);
        if (deletion == null) {
            throw ApiException.bare(HttpStatus.NOT_FOUND, "Not found");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", deletion.accountId());
        out.put("nickname", deletion.nickname());
        out.put("state", deletion.state());
        out.put("relationships_severed", deletion.relationshipsSevered());
        out.put("statuses_deleted", deletion.statusesDeleted());
        out.put("statuses_remaining", deletion.statusesRemaining());
        int total = deletion.statusesDeleted() + deletion.statusesRemaining();
        out.put("progress", "completed".equals(deletion.state()) ? 1.0
                : total == 0 ? 0.0 : (double) deletion.statusesDeleted() / total);
        out.put("started_at", Dates.mastodon(deletion.startedAt()));
        out.put("updated_at", Dates.mastodon(deletion.updatedAt()));
        return out;
    }

    private AccountView find(String nicknameOrId) {
        AccountView account = FlakeId.isWellFormed(nicknameOrId)
                ? queries.one(new AccountQueries.ById(nicknameOrId), AccountView.class) : null;
        if (account == null && nicknameOrId.length() <= 255) {
            account = queries.one(new AccountQueries.ByNickname(nicknameOrId), AccountView.class);
        }
        if (account == null) {
            throw ApiException.bare(HttpStatus.NOT_FOUND, "Not found");
        }
        return account;
    }
}
