package social.annals.gateway.api.admin;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import social.annals.command.account.AccountDeletionCommands;
import social.annals.command.account.ModerationCommands;
import social.annals.command.ids.FlakeIdGenerator;
import social.annals.command.moderation.ModerationActionCommands;
import social.annals.command.secrets.Digests;
import social.annals.command.social.RelationshipCommands;
import social.annals.events.account.AccountRole;
import social.annals.events.moderation.AccountRef;
import social.annals.events.moderation.Moderator;
import social.annals.gateway.api.Queries;
import social.annals.gateway.api.admin.entity.AccountDeletion;
import social.annals.gateway.api.admin.entity.AdminAccount;
import social.annals.gateway.api.admin.entity.AdminUsers;
import social.annals.gateway.api.admin.entity.PermissionGroups;
import social.annals.gateway.consistency.Commands;
import social.annals.gateway.render.Dates;
import social.annals.gateway.render.StatusRenderer;
import social.annals.gateway.render.entity.Status;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.gateway.security.Auth;
import social.annals.gateway.web.ApiException;
import social.annals.gateway.web.Pagination;
import social.annals.gateway.web.Params;
import social.annals.query.account.AccountQueries;
import social.annals.query.account.AccountView;
import social.annals.query.auth.AuthQueries;
import social.annals.query.status.StatusQueries;
import social.annals.query.status.StatusView;

/**
 * The admin API's user management (Pleroma 1.1 paths, and the seed paths that 1.1 dropped).
 * Every change is an event that names the acting admin, and the moderation log is built from them.
 */
@RestController
public class AdminUsersController {

    private static final int DEFAULT_PAGE_SIZE = 50;

    private final Queries queries;
    private final Commands commands;
    private final Moderators moderators;
    private final AdminAccountRenderer renderer;
    private final FlakeIdGenerator ids;
    private final Digests digests;
    private final AdminAccountCreation creation;
    private final StatusRenderer statusRenderer;

    public AdminUsersController(Queries queries, Commands commands, Moderators moderators,
                                AdminAccountRenderer renderer, FlakeIdGenerator ids,
                                Digests digests, AdminAccountCreation creation,
                                StatusRenderer statusRenderer) {
        this.statusRenderer = statusRenderer;
        this.queries = queries;
        this.commands = commands;
        this.moderators = moderators;
        this.renderer = renderer;
        this.ids = ids;
        this.digests = digests;
        this.creation = creation;
    }

    @GetMapping("/api/pleroma/admin/users")
    @Auth(Auth.Level.ADMIN)
    public AdminUsers list(Params params) {
        int page = Math.max(1, Pagination.leadingNumber(params.stringOrNull("page"), 1));
        int pageSize = Math.max(1, Pagination.leadingNumber(params.stringOrNull("page_size"), DEFAULT_PAGE_SIZE));
        List<String> filters = params.string("filters").map(text -> List.of(text.split(","))).orElse(List.of())
                .stream().map(String::trim).toList();
        // Remote accounts do not exist yet, and no account is both active and deactivated.
        boolean impossible = filters.contains("external") || (filters.contains("active")
                && filters.contains("deactivated"));
        List<String> accountIds = params.string("email").filter(email -> !email.isBlank())
                .map(email -> {
                    AuthQueries.Credentials found = queries.one(new AuthQueries.CredentialsByEmail(
                            digests.email(email)), AuthQueries.Credentials.class);
                    return found == null ? List.<String>of() : List.of(found.accountId());
                }).orElse(null);
        Boolean active = filters.contains("active") ? Boolean.TRUE : filters.contains("deactivated") ? Boolean.FALSE
                : null;
        AccountQueries.AdminPage found = impossible ? new AccountQueries.AdminPage(0, List.of())
                : queries.one(new AccountQueries.AdminSearch(params.stringOrNull("query"), params.stringOrNull("name"),
                        accountIds, active, filters.contains("is_admin"), filters.contains("is_moderator"),
                        params.strings("tags"), page, pageSize), AccountQueries.AdminPage.class);
        return new AdminUsers(found.count(), pageSize, found.accounts().stream().map(renderer::render).toList());
    }

    @GetMapping("/api/pleroma/admin/users/{nicknameOrId}")
    @Auth(Auth.Level.ADMIN)
    public AdminAccount show(@PathVariable String nicknameOrId) {
        return renderer.render(moderators.account(nicknameOrId));
    }

    /**
     * The user's statuses, newest first, as an anonymous viewer sees them, or all of them with
     * {@code godmode}; {@code page_size} (50) is the only paging, as in Pleroma 1.1.
     */
    @GetMapping("/api/pleroma/admin/users/{nicknameOrId}/statuses")
    @Auth(Auth.Level.ADMIN)
    public List<Status> statuses(@PathVariable String nicknameOrId, Params params) {
        AccountView account = moderators.account(nicknameOrId);
        int pageSize = Math.max(1, Pagination.leadingNumber(params.stringOrNull("page_size"), DEFAULT_PAGE_SIZE));
        boolean godmode;
        try {
            godmode = params.bool("godmode").orElse(false);
        } catch (ApiException notABoolean) {
            godmode = false;
        }
        List<StatusView> found = queries.many(new StatusQueries.AccountStatuses(account.accountId(),
                godmode ? account.accountId() : null, new StatusQueries.Page(null, null, null, pageSize), false, false),
                StatusView.class);
        return statusRenderer.renderAll(found, null);
    }

    /** 1.1: {@code users} list, all or none; seed and 1.0: one user as {@code nickname}, {@code email}, {@code password}. */
    @PostMapping({"/api/pleroma/admin/users", "/api/pleroma/admin/user"})
    @Auth(Auth.Level.ADMIN)
    public ResponseEntity<Object> create(Params params, ApiPrincipal caller) {
        return creation.create(params, moderators.of(caller));
    }

    @DeleteMapping({"/api/pleroma/admin/users", "/api/pleroma/admin/user"})
    @Auth(Auth.Level.ADMIN)
    public TextNode delete(Params params, ApiPrincipal caller) {
        AccountView account = moderators.find(params.stringOrNull("nickname"))
                .orElseThrow(() -> ApiException.bare(HttpStatus.NOT_FOUND, "Not found"));
        Moderator by = moderators.of(caller);
        commands.sendAndWait(new AccountDeletionCommands.Delete(account.accountId(),
                by.accountId() == null ? by.nickname() : by.accountId()));
        return TextNode.valueOf(account.nickname());
    }

    @PatchMapping("/api/pleroma/admin/users/{nickname}/toggle_activation")
    @Auth(Auth.Level.ADMIN)
    public AdminAccount toggleActivation(@PathVariable String nickname, ApiPrincipal caller) {
        AccountView account = moderators.account(nickname);
        commands.sendAndWait(new ModerationCommands.ToggleActivation(account.accountId(), moderators.of(caller)));
        return renderer.render(moderators.account(account.accountId()));
    }

    @PutMapping({"/api/pleroma/admin/users/{nickname}/activation_status",
            "/api/pleroma/admin/activation_status/{nickname}"})
    @Auth(Auth.Level.ADMIN)
    public ResponseEntity<Void> activationStatus(@PathVariable String nickname, Params params, ApiPrincipal caller) {
        boolean active;
        try {
            active = params.bool("status").orElseThrow(() -> ApiException.bare(HttpStatus.BAD_REQUEST,
                    "Invalid parameters"));
        } catch (ApiException notABoolean) {
            throw ApiException.bare(HttpStatus.BAD_REQUEST, "Invalid parameters");
        }
        AccountView account = moderators.account(nickname);
        commands.sendAndWait(new ModerationCommands.SetActivation(account.accountId(), active, moderators.of(caller)));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/pleroma/admin/users/tag")
    @Auth(Auth.Level.ADMIN)
    public ResponseEntity<Void> tag(Params params, ApiPrincipal caller) {
        return changeTags(params, caller, true);
    }

    @DeleteMapping("/api/pleroma/admin/users/tag")
    @Auth(Auth.Level.ADMIN)
    public ResponseEntity<Void> untag(Params params, ApiPrincipal caller) {
        return changeTags(params, caller, false);
    }

    /** Unknown nicknames are skipped (Pleroma failed the whole call). */
    private ResponseEntity<Void> changeTags(Params params, ApiPrincipal caller, boolean add) {
        List<String> nicknames = params.strings("nicknames");
        List<String> tags = params.strings("tags");
        if (nicknames.isEmpty() || tags.isEmpty()) {
            throw ApiException.bare(HttpStatus.BAD_REQUEST, "Invalid parameters");
        }
        List<AccountRef> accounts = new ArrayList<>();
        for (String nickname : nicknames) {
            moderators.find(nickname).ifPresent(account -> accounts.add(Moderators.ref(account)));
        }
        if (!accounts.isEmpty()) {
            String actionId = ids.next();
            commands.sendAndWait(new ModerationActionCommands.Tag(actionId, accounts, tags, add,
                    moderators.of(caller)));
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping({"/api/pleroma/admin/users/{nickname}/permission_group",
            "/api/pleroma/admin/users/{nickname}/permission_group/{group}",
            "/api/pleroma/admin/permission_group/{nickname}", "/api/pleroma/admin/permission_group/{nickname}/{group}"})
    @Auth(Auth.Level.ADMIN)
    public PermissionGroups permissionGroups(@PathVariable String nickname) {
        AccountView account = moderators.account(nickname);
        return new PermissionGroups(account.admin(), account.moderator());
    }

    @PostMapping({"/api/pleroma/admin/users/{nickname}/permission_group/{group}",
            "/api/pleroma/admin/permission_group/{nickname}/{group}"})
    @Auth(Auth.Level.ADMIN)
    public PermissionGroups grant(@PathVariable String nickname, @PathVariable String group, ApiPrincipal caller) {
        AccountRole role = role(group);
        AccountView account = moderators.account(nickname);
        commands.sendAndWait(new ModerationCommands.GrantRole(account.accountId(), role,
                moderators.of(caller).nickname()));
        return PermissionGroups.only(group, true);
    }

    @DeleteMapping({"/api/pleroma/admin/users/{nickname}/permission_group/{group}",
            "/api/pleroma/admin/permission_group/{nickname}/{group}"})
    @Auth(Auth.Level.ADMIN)
    public PermissionGroups revoke(@PathVariable String nickname, @PathVariable String group, ApiPrincipal caller) {
        AccountRole role = role(group);
        AccountView account = moderators.account(nickname);
        if (account.accountId().equals(caller.accountId())) {
            throw ApiException.error(HttpStatus.FORBIDDEN, "You can't revoke your own admin status.");
        }
        commands.sendAndWait(new ModerationCommands.RevokeRole(account.accountId(), role,
                moderators.of(caller).nickname()));
        return PermissionGroups.only(group, false);
    }

    private static AccountRole role(String group) {
        return switch (group) {
            case "admin" -> AccountRole.ADMIN;
            case "moderator" -> AccountRole.MODERATOR;
            default -> throw ApiException.error(HttpStatus.NOT_FOUND, "No such permission_group");
        };
    }

    @PostMapping("/api/pleroma/admin/users/follow")
    @Auth(Auth.Level.ADMIN)
    public TextNode follow(Params params, ApiPrincipal caller) {
        return forceFollow(params, caller, true);
    }

    @PostMapping("/api/pleroma/admin/users/unfollow")
    @Auth(Auth.Level.ADMIN)
    public TextNode unfollow(Params params, ApiPrincipal caller) {
        return forceFollow(params, caller, false);
    }

    /** Always "ok", as in Pleroma; with an unknown nickname nothing happens and nothing is logged. */
    private TextNode forceFollow(Params params, ApiPrincipal caller, boolean follow) {
        var follower = moderators.find(params.stringOrNull("follower"));
        var followed = moderators.find(params.stringOrNull("followed"));
        if (follower.isPresent() && followed.isPresent()
                && !follower.get().accountId().equals(followed.get().accountId())) {
            String from = follower.get().accountId();
            String to = followed.get().accountId();
            String actionId = ids.next();
            Moderator by = moderators.of(caller);
            // The relationship change and the record of who forced it commit together.
            commands.inOneTransaction(inTransaction -> {
                inTransaction.sendAndWait(follow ? new RelationshipCommands.Follow(from, to, false, null)
                        : new RelationshipCommands.Unfollow(from, to));
                inTransaction.sendAndWait(new ModerationActionCommands.RecordForcedFollow(actionId,
                        Moderators.ref(follower.get()), Moderators.ref(followed.get()), follow, by));
            });
        }
        return TextNode.valueOf("ok");
    }

    /** Beyond Pleroma: how far the account's deletion has got (404 when it was never deleted). */
    @GetMapping("/api/pleroma/admin/users/{nicknameOrId}/deletion")
    @Auth(Auth.Level.ADMIN)
    public AccountDeletion deletion(@PathVariable String nicknameOrId) {
        AccountQueries.Deletion deletion = queries.one(
                new AccountQueries.DeletionOf(moderators.account(nicknameOrId).accountId()),
                AccountQueries.Deletion.class);
        if (deletion == null) {
            throw ApiException.bare(HttpStatus.NOT_FOUND, "Not found");
        }
        int total = deletion.statusesDeleted() + deletion.statusesRemaining();
        double progress = "completed".equals(deletion.state()) ? 1.0
                : total == 0 ? 0.0 : (double) deletion.statusesDeleted() / total;
        return new AccountDeletion(deletion.accountId(), deletion.nickname(), deletion.state(),
                deletion.relationshipsSevered(), deletion.statusesDeleted(), deletion.statusesRemaining(), progress,
                Dates.mastodon(deletion.startedAt()), Dates.mastodon(deletion.updatedAt()));
    }
}
