package social.annals.gateway.api.social;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import social.annals.command.account.AccountLookup;
import social.annals.command.social.RelationshipCommands;
import social.annals.command.social.RelationshipState.Outcome;
import social.annals.command.social.RelationshipState;
import social.annals.events.ids.FlakeId;
import social.annals.gateway.api.AccountLists;
import social.annals.gateway.api.Queries;
import social.annals.gateway.consistency.Commands;
import social.annals.gateway.render.AccountRenderer;
import social.annals.gateway.render.RelationshipRenderer;
import social.annals.gateway.render.Urls;
import social.annals.gateway.render.entity.Account;
import social.annals.gateway.render.entity.Relationship;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.gateway.security.Auth;
import social.annals.gateway.web.ApiException;
import social.annals.gateway.web.Pagination;
import social.annals.gateway.web.Params;
import social.annals.query.account.AccountQueries;
import social.annals.query.account.AccountView;
import social.annals.query.social.RelationshipQueries.AccountList;
import social.annals.query.social.RelationshipQueries;
import social.annals.query.social.RelationshipView;

/** Follow, block, mute and subscribe; relationships; followers, following, requests, blocks and mutes. */
@RestController
public class RelationshipsController {

    private final Commands commands;
    private final Queries queries;
    private final AccountRenderer accounts;
    private final Urls urls;
    private final AccountLookup accountLookup;
    private final AccountLists accountLists;

    public RelationshipsController(Commands commands, Queries queries,
                                   AccountRenderer accounts, Urls urls, AccountLookup accountLookup,
                                   AccountLists accountLists) {
        this.accountLookup = accountLookup;
        this.accountLists = accountLists;
        this.commands = commands;
        this.queries = queries;
        this.accounts = accounts;
        this.urls = urls;
    }

    @PostMapping("/api/v1/accounts/{id}/follow")
    @Auth(value = Auth.Level.REQUIRED, scope = {"follow", "write:follows"})
    public Relationship follow(@PathVariable String id, Params params, ApiPrincipal caller) {
        AccountView target = otherAccount(id, caller);
        // The lock comes from the command side's lookup, kept in the profile change's own transaction:
        // the accounts read model may lag, and a stale "unlocked" would skip the approval.
        RelationshipState state = send(new RelationshipCommands.Follow(caller.accountId(), target.accountId(),
                accountLookup.isLocked(target.accountId()), params.bool("reblogs").orElse(null)));
        if (state.outcome() == Outcome.BLOCKED_BY_TARGET) {
            throw ApiException.error(HttpStatus.FORBIDDEN, "Could not follow user: " + target.nickname() + " blocked you.");
        }
        return answer(state);
    }

    /** Follow by nickname; answers the followed account. */
    @PostMapping("/api/v1/follows")
    @Auth(value = Auth.Level.REQUIRED, scope = {"follow", "write:follows"})
    public Account followByUri(Params params, ApiPrincipal caller) {
        String uri = params.required("uri").trim();
        String nickname = uri.startsWith("@") ? uri.substring(1) : uri;
        int at = nickname.indexOf('@');
        if (at >= 0 && nickname.substring(at + 1).equalsIgnoreCase(urls.host())) {
            nickname = nickname.substring(0, at);
        }
        AccountView target = nickname.isEmpty() || nickname.contains("@") || nickname.length() > 255 ? null
                : queries.one(new AccountQueries.ByNickname(nickname), AccountView.class);
        if (target == null) {
            throw ApiException.notFound();
        }
        follow(target.accountId(), params, caller);
        return accounts.render(queries.one(new AccountQueries.ById(target.accountId()), AccountView.class), caller);
    }

    @PostMapping("/api/v1/accounts/{id}/unfollow")
    @Auth(value = Auth.Level.REQUIRED, scope = {"follow", "write:follows"})
    public Relationship unfollow(@PathVariable String id, ApiPrincipal caller) {
        AccountView target = otherAccount(id, caller);
        return answer(send(new RelationshipCommands.Unfollow(caller.accountId(), target.accountId())));
    }

    @PostMapping("/api/v1/accounts/{id}/block")
    @Auth(value = Auth.Level.REQUIRED, scope = {"follow", "write:blocks"})
    public Relationship block(@PathVariable String id, ApiPrincipal caller) {
        AccountView target = otherAccount(id, caller);
        return answer(send(new RelationshipCommands.Block(caller.accountId(), target.accountId())));
    }

    @PostMapping("/api/v1/accounts/{id}/unblock")
    @Auth(value = Auth.Level.REQUIRED, scope = {"follow", "write:blocks"})
    public Relationship unblock(@PathVariable String id, ApiPrincipal caller) {
        AccountView target = otherAccount(id, caller);
        return answer(send(new RelationshipCommands.Unblock(caller.accountId(), target.accountId())));
    }

    @PostMapping("/api/v1/accounts/{id}/mute")
    @Auth(value = Auth.Level.REQUIRED, scope = {"follow", "write:mutes"})
    public Relationship mute(@PathVariable String id, Params params, ApiPrincipal caller) {
        AccountView target = otherAccount(id, caller);
        boolean notifications = params.bool("notifications").orElse(true);
        return answer(send(new RelationshipCommands.Mute(caller.accountId(), target.accountId(), notifications)));
    }

    @PostMapping("/api/v1/accounts/{id}/unmute")
    @Auth(value = Auth.Level.REQUIRED, scope = {"follow", "write:mutes"})
    public Relationship unmute(@PathVariable String id, ApiPrincipal caller) {
        AccountView target = otherAccount(id, caller);
        return answer(send(new RelationshipCommands.Unmute(caller.accountId(), target.accountId())));
    }

    /** Subscribing to oneself is accepted and changes nothing (one is never notified of oneself). */
    @PostMapping("/api/v1/pleroma/accounts/{id}/subscribe")
    @Auth(value = Auth.Level.REQUIRED, scope = {"follow", "write:follows"})
    public Relationship subscribe(@PathVariable String id, ApiPrincipal caller) {
        AccountView target = account(id);
        if (target.accountId().equals(caller.accountId())) {
            return RelationshipRenderer.render(RelationshipView.none(target.accountId()));
        }
        RelationshipState state = send(new RelationshipCommands.Subscribe(caller.accountId(), target.accountId()));
        if (state.outcome() == Outcome.BLOCKED_BY_TARGET) {
            throw ApiException.error(HttpStatus.FORBIDDEN,
                    "Could not subscribe: " + target.nickname() + " is blocking you");
        }
        return answer(state);
    }

    @PostMapping("/api/v1/pleroma/accounts/{id}/unsubscribe")
    @Auth(value = Auth.Level.REQUIRED, scope = {"follow", "write:follows"})
    public Relationship unsubscribe(@PathVariable String id, ApiPrincipal caller) {
        AccountView target = account(id);
        if (target.accountId().equals(caller.accountId())) {
            return RelationshipRenderer.render(RelationshipView.none(target.accountId()));
        }
        return answer(send(new RelationshipCommands.Unsubscribe(caller.accountId(), target.accountId())));
    }

    @GetMapping("/api/v1/accounts/relationships")
    @Auth(value = Auth.Level.REQUIRED, scope = "read:follows")
    public List<Relationship> relationships(Params params, ApiPrincipal caller) {
        List<String> ids = params.strings("id").stream().filter(FlakeId::isWellFormed).distinct().limit(200).toList();
        return queries.many(new RelationshipQueries.Between(caller.accountId(), ids), RelationshipView.class)
                .stream().map(RelationshipRenderer::render).toList();
    }

    @GetMapping("/api/v1/accounts/{id}/followers")
    @Auth(value = Auth.Level.OPTIONAL, scope = "read:accounts")
    public ResponseEntity<List<Account>> followers(@PathVariable String id, Params params,
                                                   ApiPrincipal viewer, HttpServletRequest request) {
        return list(AccountList.FOLLOWERS, account(id).accountId(), params, viewer, request);
    }

    @GetMapping("/api/v1/accounts/{id}/following")
    @Auth(value = Auth.Level.OPTIONAL, scope = "read:accounts")
    public ResponseEntity<List<Account>> following(@PathVariable String id, Params params,
                                                   ApiPrincipal viewer, HttpServletRequest request) {
        return list(AccountList.FOLLOWING, account(id).accountId(), params, viewer, request);
    }

    @GetMapping("/api/v1/follow_requests")
    @Auth(value = Auth.Level.REQUIRED, scope = "read:follows")
    public ResponseEntity<List<Account>> followRequests(Params params, ApiPrincipal caller,
                                                        HttpServletRequest request) {
        return list(AccountList.FOLLOW_REQUESTS, caller.accountId(), params, caller, request);
    }

    @GetMapping("/api/v1/blocks")
    @Auth(value = Auth.Level.REQUIRED, scope = "read:blocks")
    public ResponseEntity<List<Account>> blocks(Params params, ApiPrincipal caller,
                                                HttpServletRequest request) {
        return list(AccountList.BLOCKS, caller.accountId(), params, caller, request);
    }

    @GetMapping("/api/v1/mutes")
    @Auth(value = Auth.Level.REQUIRED, scope = "read:mutes")
    public ResponseEntity<List<Account>> mutes(Params params, ApiPrincipal caller,
                                               HttpServletRequest request) {
        return list(AccountList.MUTES, caller.accountId(), params, caller, request);
    }

    @PostMapping("/api/v1/follow_requests/{id}/authorize")
    @Auth(value = Auth.Level.REQUIRED, scope = {"follow", "write:follows"})
    public Relationship authorize(@PathVariable String id, ApiPrincipal caller) {
        AccountView requester = otherAccount(id, caller);
        return request(send(new RelationshipCommands.AuthorizeFollowRequest(caller.accountId(),
                requester.accountId())));
    }

    @PostMapping("/api/v1/follow_requests/{id}/reject")
    @Auth(value = Auth.Level.REQUIRED, scope = {"follow", "write:follows"})
    public Relationship reject(@PathVariable String id, ApiPrincipal caller) {
        AccountView requester = otherAccount(id, caller);
        return request(send(new RelationshipCommands.RejectFollowRequest(caller.accountId(), requester.accountId())));
    }

    private Relationship request(RelationshipState state) {
        if (state.outcome() == Outcome.NO_REQUEST) {
            throw ApiException.notFound();
        }
        return answer(state);
    }

    private ResponseEntity<List<Account>> list(AccountList list, String accountId, Params params,
                                               ApiPrincipal viewer, HttpServletRequest request) {
        Pagination page = Pagination.from(params);
        return accountLists.page(queries.many(new RelationshipQueries.Page(list, accountId, page.maxId(),
                page.sinceId(), page.minId(), page.limit()), String.class), viewer, request);
    }

    private RelationshipState send(Object command) {
        return commands.sendAndWait(command);
    }

    private Relationship answer(RelationshipState state) {
        return RelationshipRenderer.render(RelationshipRenderer.view(state, Boolean.TRUE.equals(queries.one(
                new RelationshipQueries.BlocksDomainOf(state.actorId(), state.targetId()), Boolean.class))));
    }

    private AccountView account(String id) {
        return accountLists.existing(id);
    }

    /** The target of a relationship change: an existing account other than the caller. */
    private AccountView otherAccount(String id, ApiPrincipal caller) {
        AccountView account = account(id);
        if (account.accountId().equals(caller.accountId())) {
            throw ApiException.notFound();
        }
        return account;
    }
}
