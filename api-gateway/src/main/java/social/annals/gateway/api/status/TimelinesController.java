package social.annals.gateway.api.status;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import social.annals.gateway.api.AccountLists;
import social.annals.gateway.api.Queries;
import social.annals.gateway.render.StatusRenderer;
import social.annals.gateway.render.Urls;
import social.annals.gateway.render.entity.Status;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.gateway.security.Auth;
import social.annals.gateway.web.ApiException;
import social.annals.gateway.web.Pagination;
import social.annals.gateway.web.Params;
import social.annals.query.account.AccountView;
import social.annals.query.status.StatusQueries;
import social.annals.query.status.StatusView;

/** Home and public timelines, an account's statuses, and favourites lists. */
@RestController
public class TimelinesController {

    private final Queries queries;
    private final StatusRenderer statuses;
    private final Urls urls;
    private final boolean publicInstance;
    private final AccountLists accountLists;

    public TimelinesController(Queries queries, StatusRenderer statuses, Urls urls, AccountLists accountLists,
                               @Value("${annals.instance.public:true}") boolean publicInstance) {
        this.accountLists = accountLists;
        this.queries = queries;
        this.statuses = statuses;
        this.urls = urls;
        this.publicInstance = publicInstance;
    }

    @GetMapping("/api/v1/timelines/home")
    @Auth(value = Auth.Level.REQUIRED, scope = "read:statuses")
    public ResponseEntity<List<Status>> home(Params params, ApiPrincipal caller,
                                             HttpServletRequest request) {
        return answer(queries.many(new StatusQueries.HomeTimeline(caller.accountId(), page(params),
                params.bool("with_muted").orElse(false)), StatusView.class), caller, request);
    }

    @GetMapping("/api/v1/timelines/public")
    @Auth(value = Auth.Level.OPTIONAL, scope = "read:statuses")
    public ResponseEntity<List<Status>> publicTimeline(Params params, ApiPrincipal viewer,
                                                       HttpServletRequest request) {
        requireVisibleInstance(viewer);
        return answer(queries.many(new StatusQueries.PublicTimeline(viewerId(viewer), page(params),
                params.bool("with_muted").orElse(false), params.bool("only_media").orElse(false),
                params.bool("local").orElse(false)), StatusView.class),
                viewer, request);
    }

    @GetMapping("/api/v1/timelines/tag/{tag}")
    @Auth(value = Auth.Level.OPTIONAL, scope = "read:statuses")
    public ResponseEntity<List<Status>> tagTimeline(@PathVariable String tag, Params params,
                                                    ApiPrincipal viewer, HttpServletRequest request) {
        requireVisibleInstance(viewer);
        String name = tag.startsWith("#") ? tag.substring(1) : tag;
        if (name.isEmpty() || name.length() > 100) {
            return answer(List.of(), viewer, request);
        }
        return answer(queries.many(new StatusQueries.TagTimeline(name.toLowerCase(java.util.Locale.ROOT),
                viewerId(viewer), page(params), params.bool("with_muted").orElse(false)), StatusView.class),
                viewer, request);
    }

    @GetMapping("/api/v1/timelines/direct")
    @Auth(value = Auth.Level.REQUIRED, scope = "read:statuses")
    public ResponseEntity<List<Status>> directTimeline(Params params, ApiPrincipal caller,
                                                       HttpServletRequest request) {
        return answer(queries.many(new StatusQueries.DirectTimeline(caller.accountId(), page(params)),
                StatusView.class), caller, request);
    }

    @GetMapping("/api/v1/accounts/{id}/statuses")
    @Auth(value = Auth.Level.OPTIONAL, scope = "read:statuses")
    public ResponseEntity<List<Status>> accountStatuses(@PathVariable String id, Params params,
                                                        ApiPrincipal viewer, HttpServletRequest request) {
        requireVisibleInstance(viewer);
        AccountView account = account(id);
        if (params.bool("pinned").orElse(false)) {
            // The whole list is the first page (no Link header); a client asking for a further page gets none.
            Pagination cursor = Pagination.from(params);
            boolean firstPage = cursor.maxId() == null && cursor.sinceId() == null && cursor.minId() == null;
            return ResponseEntity.ok(firstPage ? statuses.renderAll(queries.many(new StatusQueries.PinnedStatuses(
                    account.accountId(), viewerId(viewer)), StatusView.class), viewer) : List.of());
        }
        return answer(queries.many(new StatusQueries.AccountStatuses(account.accountId(), viewerId(viewer),
                page(params), params.bool("exclude_replies").orElse(false),
                params.bool("exclude_reblogs").orElse(false), params.bool("only_media").orElse(false)),
                StatusView.class), viewer, request);
    }

    @GetMapping("/api/v1/favourites")
    @Auth(value = Auth.Level.REQUIRED, scope = "read:favourites")
    public ResponseEntity<List<Status>> favourites(Params params, ApiPrincipal caller,
                                                   HttpServletRequest request) {
        return answer(queries.many(new StatusQueries.Favourites(caller.accountId(), caller.accountId(),
                page(params)), StatusView.class), caller, request);
    }

    @GetMapping("/api/v1/bookmarks")
    @Auth(value = Auth.Level.REQUIRED, scope = "read:bookmarks")
    public ResponseEntity<List<Status>> bookmarks(Params params, ApiPrincipal caller,
                                                  HttpServletRequest request) {
        return answer(queries.many(new StatusQueries.Bookmarks(caller.accountId(), page(params)), StatusView.class),
                caller, request);
    }

    /** Another account's favourites: hidden unless its owner chose to show them (the default hides them). */
    @GetMapping("/api/v1/pleroma/accounts/{id}/favourites")
    @Auth(value = Auth.Level.OPTIONAL, scope = "read:favourites")
    public ResponseEntity<List<Status>> accountFavourites(@PathVariable String id, Params params,
                                                          ApiPrincipal viewer,
                                                          HttpServletRequest request) {
        requireVisibleInstance(viewer);
        AccountView account = account(id);
        if (account.hideFavorites()) {
            throw ApiException.error(HttpStatus.FORBIDDEN, "Can't get favorites");
        }
        return answer(queries.many(new StatusQueries.Favourites(account.accountId(), viewerId(viewer),
                page(params)), StatusView.class), viewer, request);
    }

    private ResponseEntity<List<Status>> answer(List<StatusView> page, ApiPrincipal viewer,
                                                HttpServletRequest request) {
        return ResponseEntity.ok().headers(Pagination.links(urls.base(), request, page, StatusView::statusId))
                .body(statuses.renderAll(page, viewer));
    }

    private static StatusQueries.Page page(Params params) {
        Pagination page = Pagination.from(params);
        return new StatusQueries.Page(page.maxId(), page.sinceId(), page.minId(), page.limit());
    }

    private AccountView account(String id) {
        return accountLists.existing(id);
    }

    /** With {@code instance.public} off, anonymous callers are refused as Pleroma 1.0 does. */
    private void requireVisibleInstance(ApiPrincipal viewer) {
        if (!publicInstance && viewerId(viewer) == null) {
            throw ApiException.error(HttpStatus.FORBIDDEN, "This resource requires authentication.");
        }
    }

    private static String viewerId(ApiPrincipal viewer) {
        return viewer == null ? null : viewer.accountId();
    }
}
