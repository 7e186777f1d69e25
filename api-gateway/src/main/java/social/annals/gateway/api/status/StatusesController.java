package social.annals.gateway.api.status;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import social.annals.command.ids.FlakeIdGenerator;
import social.annals.command.social.ThreadMuteCommands;
import social.annals.command.status.StatusCommands;
import social.annals.events.ids.FlakeId;
import social.annals.events.status.Visibility;
import social.annals.gateway.api.AccountLists;
import social.annals.gateway.api.Queries;
import social.annals.gateway.consistency.Commands;
import social.annals.gateway.render.StatusRenderer;
import social.annals.gateway.render.entity.Account;
import social.annals.gateway.render.entity.EmojiReaction;
import social.annals.gateway.render.entity.Status;
import social.annals.gateway.render.entity.StatusContext;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.gateway.security.Auth;
import social.annals.gateway.web.ApiException;
import social.annals.gateway.web.Pagination;
import social.annals.gateway.web.Params;
import social.annals.query.status.StatusQueries;
import social.annals.query.status.StatusView;

/** Posting, reading and deleting statuses; favourites, boosts and emoji reactions of one status. */
@RestController
public class StatusesController {

    private final Commands commands;
    private final Queries queries;
    private final FlakeIdGenerator ids;
    private final Posting posting;
    private final StatusRenderer statuses;
    private final AccountLists accountLists;

    public StatusesController(Commands commands, Queries queries, FlakeIdGenerator ids, Posting posting,
                              StatusRenderer statuses, AccountLists accountLists) {
        this.commands = commands;
        this.queries = queries;
        this.ids = ids;
        this.posting = posting;
        this.statuses = statuses;
        this.accountLists = accountLists;
    }

    @PostMapping("/api/v1/statuses")
    @Auth(value = Auth.Level.REQUIRED, scope = "write:statuses")
    public Status post(Params params, ApiPrincipal caller,
                       @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        Posting.Draft draft = new Posting.Draft(params.string("status").orElse(""),
                params.string("spoiler_text").orElse(""), params.string("in_reply_to_id").orElse(null),
                params.string("visibility").flatMap(Visibility::fromApiName), params.bool("sensitive").orElse(false),
                params.strings("media_ids"), idempotencyKey);
        StatusView view = params.bool("preview").orElse(false) ? posting.preview(draft, caller)
                : posting.post(draft, caller);
        if (view == null) {
            throw ApiException.notFound();
        }
        return statuses.render(view, caller);
    }

    /** Mutes the conversation of a status the caller may see: nothing in it notifies the caller any more. */
    @PostMapping("/api/v1/statuses/{id}/mute")
    @Auth(value = Auth.Level.REQUIRED, scope = "write:mutes")
    public Status muteConversation(@PathVariable String id, ApiPrincipal caller) {
        StatusView status = original(visibleStatus(id, caller), caller);
        commands.sendAndWait(new ThreadMuteCommands.Mute(caller.accountId(), status.conversationId()));
        return statuses.render(visibleStatus(id, caller), caller);
    }

    @PostMapping("/api/v1/statuses/{id}/unmute")
    @Auth(value = Auth.Level.REQUIRED, scope = "write:mutes")
    public Status unmuteConversation(@PathVariable String id, ApiPrincipal caller) {
        StatusView status = original(visibleStatus(id, caller), caller);
        commands.sendAndWait(new ThreadMuteCommands.Unmute(caller.accountId(), status.conversationId()));
        return statuses.render(visibleStatus(id, caller), caller);
    }

    @GetMapping("/api/v1/statuses/{id}")
    @Auth(value = Auth.Level.OPTIONAL, scope = "read:statuses")
    public Status show(@PathVariable String id, ApiPrincipal viewer) {
        return statuses.render(visibleStatus(id, viewer), viewer);
    }

    /** The visible ancestors (root first) and descendants (depth first, oldest first) of a status. */
    @GetMapping("/api/v1/statuses/{id}/context")
    @Auth(value = Auth.Level.OPTIONAL, scope = "read:statuses")
    public StatusContext context(@PathVariable String id, ApiPrincipal viewer) {
        StatusView status = original(visibleStatus(id, viewer), viewer);
        List<StatusView> thread = queries.many(new StatusQueries.Conversation(status.conversationId(),
                viewer == null ? null : viewer.accountId()), StatusView.class);
        Map<String, StatusView> byId = new HashMap<>();
        Map<String, List<StatusView>> children = new HashMap<>();
        for (StatusView member : thread) {
            byId.put(member.statusId(), member);
            if (member.inReplyToId() != null) {
                children.computeIfAbsent(member.inReplyToId(), parent -> new ArrayList<>()).add(member);
            }
        }
        List<StatusView> ancestors = new ArrayList<>();
        for (StatusView up = byId.get(status.inReplyToId()); up != null && ancestors.size() < thread.size();
             up = byId.get(up.inReplyToId())) {
            ancestors.add(0, up);
        }
        List<StatusView> descendants = new ArrayList<>();
        java.util.Deque<StatusView> pending = new java.util.ArrayDeque<>();
        reversed(children.getOrDefault(status.statusId(), List.of())).forEach(pending::push);
        while (!pending.isEmpty() && descendants.size() < thread.size()) {
            StatusView next = pending.pop();
            descendants.add(next);
            reversed(children.getOrDefault(next.statusId(), List.of())).forEach(pending::push);
        }
        return new StatusContext(statuses.renderAll(ancestors, viewer), statuses.renderAll(descendants, viewer));
    }

    @DeleteMapping("/api/v1/statuses/{id}")
    @Auth(value = Auth.Level.REQUIRED, scope = "write:statuses")
    public Map<String, Object> delete(@PathVariable String id, ApiPrincipal caller) {
        StatusView status = seenBy(id, caller);
        if (status == null || status.reblogOfId() != null) {
            throw ApiException.error(HttpStatus.FORBIDDEN, "Can't delete this post");
        }
        commands.sendAndWait(new StatusCommands.Delete(id, caller.accountId(), caller.admin() || caller.moderator()));
        return Map.of();
    }

    @PostMapping("/api/v1/statuses/{id}/favourite")
    @Auth(value = Auth.Level.REQUIRED, scope = "write:favourites")
    public Status favourite(@PathVariable String id, ApiPrincipal caller) {
        StatusView status = original(visibleStatus(id, caller), caller);
        var favourite = new StatusCommands.Favourite(caller.accountId(), status.statusId(), status.authorId());
        return actOn(status.statusId(), favourite, favourite.favouriteId(), caller);
    }

    @PostMapping("/api/v1/statuses/{id}/unfavourite")
    @Auth(value = Auth.Level.REQUIRED, scope = "write:favourites")
    public Status unfavourite(@PathVariable String id, ApiPrincipal caller) {
        StatusView status = original(visibleStatus(id, caller), caller);
        var unfavourite = new StatusCommands.Unfavourite(caller.accountId(), status.statusId(), status.authorId());
        return actOn(status.statusId(), unfavourite, unfavourite.favouriteId(), caller);
    }

    /** Only the author's own public or unlisted statuses, up to the instance's limit (Pleroma's 400s otherwise). */
    @PostMapping("/api/v1/statuses/{id}/pin")
    @Auth(value = Auth.Level.REQUIRED, scope = "write:accounts")
    public Status pin(@PathVariable String id, ApiPrincipal caller) {
        StatusView status = pinnable(id, caller, "Could not pin");
        return actOn(status.statusId(), new StatusCommands.Pin(status.statusId(), caller.accountId()),
                status.statusId(), caller);
    }

    @PostMapping("/api/v1/statuses/{id}/unpin")
    @Auth(value = Auth.Level.REQUIRED, scope = "write:accounts")
    public Status unpin(@PathVariable String id, ApiPrincipal caller) {
        StatusView status = pinnable(id, caller, "Could not unpin");
        return actOn(status.statusId(), new StatusCommands.Unpin(status.statusId(), caller.accountId()),
                status.statusId(), caller);
    }

    @PostMapping("/api/v1/statuses/{id}/bookmark")
    @Auth(value = Auth.Level.REQUIRED, scope = "write:bookmarks")
    public Status bookmark(@PathVariable String id, ApiPrincipal caller) {
        StatusView status = original(visibleStatus(id, caller), caller);
        var bookmark = new StatusCommands.AddBookmark(caller.accountId(), status.statusId());
        return actOn(status.statusId(), bookmark, bookmark.bookmarkId(), caller);
    }

    @PostMapping("/api/v1/statuses/{id}/unbookmark")
    @Auth(value = Auth.Level.REQUIRED, scope = "write:bookmarks")
    public Status unbookmark(@PathVariable String id, ApiPrincipal caller) {
        StatusView status = original(visibleStatus(id, caller), caller);
        var removal = new StatusCommands.RemoveBookmark(caller.accountId(), status.statusId());
        return actOn(status.statusId(), removal, removal.bookmarkId(), caller);
    }

    /** Only public and unlisted statuses can be boosted; answers the boost wrapper. */
    @PostMapping("/api/v1/statuses/{id}/reblog")
    @Auth(value = Auth.Level.REQUIRED, scope = "write:statuses")
    public Status reblog(@PathVariable String id, ApiPrincipal caller) {
        StatusView status = original(visibleStatus(id, caller), caller);
        if (!status.visibility().equals("PUBLIC") && !status.visibility().equals("UNLISTED")) {
            throw ApiException.error(HttpStatus.UNPROCESSABLE_ENTITY, "Could not repeat");
        }
        String reblogId = commands.sendAndWait(new StatusCommands.Reblog(ids.next(), caller.accountId(),
                status.statusId(), status.authorId()));
        StatusView boost = reblogId == null ? null
                : queries.one(new StatusQueries.ById(reblogId, caller.accountId()), StatusView.class);
        return statuses.render(boost != null ? boost : visibleStatus(status.statusId(), caller), caller);
    }

    @PostMapping("/api/v1/statuses/{id}/unreblog")
    @Auth(value = Auth.Level.REQUIRED, scope = "write:statuses")
    public Status unreblog(@PathVariable String id, ApiPrincipal caller) {
        StatusView status = original(visibleStatus(id, caller), caller);
        commands.sendAndWait(new StatusCommands.Unreblog(caller.accountId(), status.statusId()));
        return statuses.render(visibleStatus(status.statusId(), caller), caller);
    }

    @GetMapping("/api/v1/statuses/{id}/favourited_by")
    @Auth(value = Auth.Level.OPTIONAL, scope = "read:accounts")
    public ResponseEntity<List<Account>> favouritedBy(@PathVariable String id, Params params,
                                                      ApiPrincipal viewer, HttpServletRequest request) {
        StatusView status = original(visibleStatus(id, viewer), viewer);
        Pagination page = Pagination.from(params);
        return accountLists.page(queries.many(new StatusQueries.FavouritedBy(status.statusId(),
                new StatusQueries.Page(page.maxId(), page.sinceId(), page.minId(), page.limit())), String.class),
                viewer, request);
    }

    @GetMapping("/api/v1/statuses/{id}/reblogged_by")
    @Auth(value = Auth.Level.OPTIONAL, scope = "read:accounts")
    public ResponseEntity<List<Account>> rebloggedBy(@PathVariable String id, Params params,
                                                     ApiPrincipal viewer, HttpServletRequest request) {
        StatusView status = original(visibleStatus(id, viewer), viewer);
        Pagination page = Pagination.from(params);
        return accountLists.page(queries.many(new StatusQueries.RebloggedBy(status.statusId(),
                new StatusQueries.Page(page.maxId(), page.sinceId(), page.minId(), page.limit())), String.class),
                viewer, request);
    }

    /** Reacting twice with the same emoji changes nothing; anything but one unicode emoji is refused. */
    @PutMapping("/api/v1/pleroma/statuses/{id}/reactions/{emoji}")
    @Auth(value = Auth.Level.REQUIRED, scope = "write:statuses")
    public Status react(@PathVariable String id, @PathVariable String emoji, ApiPrincipal caller) {
        StatusView status = reactable(id, caller, "Could not add reaction emoji");
        var reaction = new StatusCommands.React(caller.accountId(), status.statusId(), status.authorId(),
                emoji.strip());
        return actOn(status.statusId(), reaction, reaction.reactionId(), caller);
    }

    @DeleteMapping("/api/v1/pleroma/statuses/{id}/reactions/{emoji}")
    @Auth(value = Auth.Level.REQUIRED, scope = "write:statuses")
    public Status unreact(@PathVariable String id, @PathVariable String emoji, ApiPrincipal caller) {
        StatusView status = reactable(id, caller, "Could not remove reaction emoji");
        var removal = new StatusCommands.Unreact(caller.accountId(), status.statusId(), status.authorId(),
                emoji.strip());
        return actOn(status.statusId(), removal, removal.reactionId(), caller);
    }

    /** Pleroma answers {@code []} for a status it cannot find, and so for one the viewer may not see. */
    @GetMapping({"/api/v1/pleroma/statuses/{id}/reactions", "/api/v1/pleroma/statuses/{id}/reactions/{emoji}"})
    @Auth(value = Auth.Level.OPTIONAL, scope = "read:statuses")
    public List<EmojiReaction> reactions(@PathVariable String id,
                                         @PathVariable(required = false) String emoji, ApiPrincipal viewer) {
        StatusView status = seenBy(id, viewer);
        if (status == null || status.reblogOfId() != null) {
            return List.of();
        }
        String me = viewer == null ? null : viewer.accountId();
        return queries.many(new StatusQueries.Reactors(status.statusId(), emoji == null ? null : emoji.strip()),
                StatusQueries.ReactionAccounts.class).stream().map(reaction -> {
                    List<Account> accounts = accountLists.rendered(reaction.accountIds(), viewer);
                    // The count is of the accounts listed, so the two always agree.
                    return new EmojiReaction(reaction.emoji(), accounts.size(),
                            me != null && reaction.accountIds().contains(me), reaction.url(), accounts);
                }).filter(reaction -> reaction.count() > 0).toList();
    }

    /** Sends the command, waits until the statuses read model has its aggregate's events, answers the status. */
    private Status actOn(String statusId, Object command, String aggregateId, ApiPrincipal caller) {
        commands.sendAndWait(command);
        return statuses.render(visibleStatus(statusId, caller), caller);
    }

    /** A status the caller may see; a boost is refused as Pleroma does, with {@code refusal}. */
    private StatusView pinnable(String id, ApiPrincipal caller, String refusal) {
        StatusView status = visibleStatus(id, caller);
        if (status.reblogOfId() != null) {
            throw ApiException.error(HttpStatus.BAD_REQUEST, refusal);
        }
        return status;
    }

    /** A status the caller may see, or Pleroma's 400 with {@code refusal} (it does not tell missing from hidden). */
    private StatusView reactable(String id, ApiPrincipal caller, String refusal) {
        StatusView status = seenBy(id, caller);
        if (status == null || status.reblogOfId() != null) {
            throw ApiException.error(HttpStatus.BAD_REQUEST, refusal);
        }
        return status;
    }

    private static List<StatusView> reversed(List<StatusView> list) {
        List<StatusView> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    /** The status if it exists and the viewer may see it; 404 alike otherwise, so existence does not leak. */
    private StatusView visibleStatus(String id, ApiPrincipal viewer) {
        StatusView status = seenBy(id, viewer);
        if (status == null) {
            throw ApiException.notFound();
        }
        return status;
    }

    /** The status if the viewer may see it; null for one it may not, an unknown one or a malformed id. */
    private StatusView seenBy(String id, ApiPrincipal viewer) {
        return FlakeId.isWellFormed(id)
                ? queries.one(new StatusQueries.ById(id, viewer == null ? null : viewer.accountId()), StatusView.class)
                : null;
    }

    /** Actions on a boost act on the boosted status. */
    private StatusView original(StatusView status, ApiPrincipal viewer) {
        return status.reblogOfId() == null ? status : visibleStatus(status.reblogOfId(), viewer);
    }

}
