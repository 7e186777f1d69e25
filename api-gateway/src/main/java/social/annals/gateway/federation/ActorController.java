package social.annals.gateway.federation;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import social.annals.events.ids.FlakeId;
import social.annals.gateway.api.Queries;
import social.annals.gateway.federation.document.Activity;
import social.annals.gateway.federation.document.Actor;
import social.annals.gateway.federation.document.Collection;
import social.annals.gateway.render.Urls;
import social.annals.gateway.web.ApiException;
import social.annals.gateway.web.FrontendConfiguration;
import social.annals.query.account.AccountQueries;
import social.annals.query.account.AccountView;
import social.annals.query.social.RelationshipQueries;
import social.annals.query.status.StatusQueries;
import social.annals.query.status.StatusView;

/**
 * A local account as other servers see it: its actor document at its URL, chosen by content
 * negotiation (a browser gets the web frontend there), and its collections, each a total and
 * pages of 20 newest first ({@code ?page=true}, then {@code max_id}).
 */
@RestController
public class ActorController {

    static final int PAGE_SIZE = 20;

    private final Queries queries;
    private final ActivityDocuments documents;
    private final Urls urls;
    /** Absent when the application serves no web requests (the command line). */
    private final ObjectProvider<FrontendConfiguration> frontend;

    public ActorController(Queries queries, ActivityDocuments documents, Urls urls,
                           ObjectProvider<FrontendConfiguration> frontend) {
        this.queries = queries;
        this.documents = documents;
        this.urls = urls;
        this.frontend = frontend;
    }

    @GetMapping("/users/{nickname}")
    public ResponseEntity<?> actor(@PathVariable String nickname,
                                   @RequestHeader(value = "Accept", required = false) String accept) {
        if (!ActivityStreams.wanted(accept)) {
            return java.util.Optional.ofNullable(frontend.getIfAvailable()).flatMap(FrontendConfiguration::indexPage)
                    .<ResponseEntity<?>>map(page -> ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page))
                    .orElseThrow(ApiException::notFound);
        }
        Actor person = documents.person(local(nickname));
        if (person == null) {
            throw ApiException.notFound();
        }
        return activityJson(person);
    }

    /** The instance actor (Pleroma's path), which signs fetches made on no account's behalf. */
    @GetMapping("/internal/fetch")
    public ResponseEntity<Actor> instanceActor() {
        return activityJson(documents.instanceActor());
    }

    @GetMapping("/users/{nickname}/followers")
    public ResponseEntity<Collection> followers(@PathVariable String nickname,
                                                @RequestParam(required = false) String page,
                                                @RequestParam(name = "max_id", required = false) String maxId) {
        AccountView account = local(nickname);
        return accounts(account, "/followers", RelationshipQueries.AccountList.FOLLOWERS, account.followersCount(),
                page, maxId);
    }

    @GetMapping("/users/{nickname}/following")
    public ResponseEntity<Collection> following(@PathVariable String nickname,
                                                @RequestParam(required = false) String page,
                                                @RequestParam(name = "max_id", required = false) String maxId) {
        AccountView account = local(nickname);
        return accounts(account, "/following", RelationshipQueries.AccountList.FOLLOWING, account.followingCount(),
                page, maxId);
    }

    /** Public and unlisted posts and boosts, as the activities that published them. */
    @GetMapping("/users/{nickname}/outbox")
    public ResponseEntity<Collection> outbox(@PathVariable String nickname,
                                             @RequestParam(required = false) String page,
                                             @RequestParam(name = "max_id", required = false) String maxId) {
        AccountView account = local(nickname);
        String id = urls.actor(account.nickname()) + "/outbox";
        if (page == null) {
            return activityJson(Collection.of(ActivityStreams.CONTEXT, id, account.statusesCount(), id + "?page=true"));
        }
        List<StatusView> statuses = queries.many(new StatusQueries.AccountStatuses(account.accountId(), null,
                new StatusQueries.Page(wellFormed(maxId), null, null, PAGE_SIZE), false, false), StatusView.class);
        List<Activity> activities = documents.activities(statuses);
        return activityJson(Collection.page(ActivityStreams.CONTEXT, pageId(id, maxId), id,
                next(id, statuses.size(), statuses.isEmpty() ? null : statuses.get(statuses.size() - 1).statusId()),
                activities));
    }

    /** Pinned posts, as Mastodon publishes them: all in one collection. */
    @GetMapping("/users/{nickname}/collections/featured")
    public ResponseEntity<Collection> featured(@PathVariable String nickname) {
        AccountView account = local(nickname);
        List<StatusView> pinned = queries.many(new StatusQueries.PinnedStatuses(account.accountId(), null),
                StatusView.class);
        String id = urls.actor(account.nickname()) + "/collections/featured";
        return activityJson(new Collection(ActivityStreams.CONTEXT, id, "OrderedCollection", pinned.size(), null,
                null, null, documents.notes(pinned).stream().map(note -> note.embedded()).toList()));
    }

    private ResponseEntity<Collection> accounts(AccountView account, String path,
                                                RelationshipQueries.AccountList list, int total, String page,
                                                String maxId) {
        String id = urls.actor(account.nickname()) + path;
        if (page == null) {
            return activityJson(Collection.of(ActivityStreams.CONTEXT, id, total, id + "?page=true"));
        }
        List<String> ids = queries.many(new RelationshipQueries.Page(list, account.accountId(), wellFormed(maxId),
                null, null, PAGE_SIZE), String.class);
        return activityJson(Collection.page(ActivityStreams.CONTEXT, pageId(id, maxId), id,
                next(id, ids.size(), ids.isEmpty() ? null : ids.get(ids.size() - 1)), documents.actorUris(ids)));
    }

    private AccountView local(String nickname) {
        AccountView account = queries.one(new AccountQueries.ByNickname(nickname), AccountView.class);
        if (account == null || !account.local() || account.deactivated()) {
            throw ApiException.notFound();
        }
        return account;
    }

    private static String wellFormed(String maxId) {
        return maxId != null && FlakeId.isWellFormed(maxId) ? maxId : null;
    }

    private static String pageId(String collection, String maxId) {
        return collection + "?page=true" + (wellFormed(maxId) == null ? "" : "&max_id=" + maxId);
    }

    private static String next(String collection, int size, String lastId) {
        return size < PAGE_SIZE ? null : collection + "?page=true&max_id=" + lastId;
    }

    static <T> ResponseEntity<T> activityJson(T document) {
        return ResponseEntity.ok().contentType(ActivityStreams.ACTIVITY_JSON).body(document);
    }
}
