package social.annals.gateway.api.admin;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import social.annals.command.status.StatusCommands;
import social.annals.events.ids.FlakeId;
import social.annals.events.moderation.Moderator;
import social.annals.events.status.Visibility;
import social.annals.gateway.api.Queries;
import social.annals.gateway.consistency.Commands;
import social.annals.gateway.render.StatusRenderer;
import social.annals.gateway.render.entity.Status;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.gateway.security.Auth;
import social.annals.gateway.web.ApiErrorHandler;
import social.annals.gateway.web.ApiException;
import social.annals.gateway.web.Params;
import social.annals.query.status.StatusQueries;
import social.annals.query.status.StatusView;

/** Status moderation: change a status's visibility or sensitivity, or delete it. Both are logged. */
@RestController
public class AdminStatusesController {

    private final Commands commands;
    private final Queries queries;
    private final Moderators moderators;
    private final StatusRenderer statuses;

    public AdminStatusesController(Commands commands, Queries queries, Moderators moderators,
                                   StatusRenderer statuses) {
        this.commands = commands;
        this.queries = queries;
        this.moderators = moderators;
        this.statuses = statuses;
    }

    /** {@code visibility}: public, unlisted or private (not direct); {@code sensitive}: a boolean. */
    @PutMapping("/api/pleroma/admin/statuses/{id}")
    @Auth(Auth.Level.ADMIN)
    public Status update(@PathVariable String id, Params params, ApiPrincipal caller) {
        Visibility visibility = params.string("visibility")
                .map(name -> Visibility.fromApiName(name).filter(v -> v != Visibility.DIRECT)
                        .orElseThrow(() -> ApiException.bare(HttpStatus.BAD_REQUEST, "Unsupported visibility")))
                .orElse(null);
        Boolean sensitive;
        try {
            sensitive = params.bool("sensitive").orElse(null);
        } catch (ApiException notABoolean) {
            throw ApiException.bare(HttpStatus.BAD_REQUEST, "Invalid parameters");
        }
        if (visibility == null && sensitive == null) {
            throw ApiException.bare(HttpStatus.BAD_REQUEST, "Invalid parameters");
        }
        existing(id);
        try {
            commands.sendAndWait(new StatusCommands.Moderate(id, sensitive, visibility, moderators.of(caller)));
        } catch (RuntimeException e) {
            throw notFoundIfRefused(e);
        }
        return statuses.render(existing(id), null);
    }

    @DeleteMapping("/api/pleroma/admin/statuses/{id}")
    @Auth(Auth.Level.ADMIN)
    public Map<String, Object> delete(@PathVariable String id, ApiPrincipal caller) {
        if (!FlakeId.isWellFormed(id) || queries.many(new StatusQueries.ByIds(List.of(id)), StatusView.class)
                .stream().noneMatch(view -> view.reblogOfId() == null)) {
            throw ApiException.bare(HttpStatus.BAD_REQUEST, "Could not delete");
        }
        Moderator by = moderators.of(caller);
        try {
            commands.sendAndWait(new StatusCommands.Delete(id, by.accountId() == null ? by.nickname() : by.accountId(),
                    true));
        } catch (RuntimeException e) {
            throw ApiErrorHandler.unwrap(e) instanceof ApiException api ? api
                    : ApiException.bare(HttpStatus.BAD_REQUEST, "Could not delete");
        }
        return Map.of();
    }

    /** A status (not a boost) that exists and is not deleted, whatever its visibility. */
    private StatusView existing(String id) {
        StatusView any = FlakeId.isWellFormed(id) ? queries.many(new StatusQueries.ByIds(List.of(id)), StatusView.class)
                .stream().filter(view -> view.reblogOfId() == null).findFirst().orElse(null) : null;
        StatusView live = any == null ? null
                : queries.one(new StatusQueries.ById(id, any.authorId()), StatusView.class);
        if (live == null) {
            throw ApiException.bare(HttpStatus.NOT_FOUND, "Not found");
        }
        return live;
    }

    private static RuntimeException notFoundIfRefused(RuntimeException e) {
        Throwable cause = ApiErrorHandler.unwrap(e);
        if (cause instanceof social.annals.command.status.StatusDeleteRefused) {
            return ApiException.bare(HttpStatus.NOT_FOUND, "Not found");
        }
        return e;
    }
}
