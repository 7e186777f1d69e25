package social.annals.gateway.federation;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import social.annals.events.ids.FlakeId;
import social.annals.gateway.api.Queries;
import social.annals.gateway.federation.document.Activity;
import social.annals.gateway.federation.document.Note;
import social.annals.gateway.render.Urls;
import social.annals.gateway.web.ApiException;
import social.annals.query.status.StatusQueries;
import social.annals.query.status.StatusView;

/**
 * A local status at its URI, as a {@code Note}, and the {@code Create} that published it. Only what
 * anybody may see (public and unlisted) is served; anything else answers 404, as an unknown id
 * does. A browser is sent to the status's page.
 */
@RestController
public class ObjectController {

    private final Queries queries;
    private final ActivityDocuments documents;
    private final Urls urls;

    public ObjectController(Queries queries, ActivityDocuments documents, Urls urls) {
        this.queries = queries;
        this.documents = documents;
        this.urls = urls;
    }

    @GetMapping("/objects/{id}")
    public ResponseEntity<Note> note(@PathVariable String id,
                                     @RequestHeader(value = "Accept", required = false) String accept) {
        if (!ActivityStreams.wanted(accept)) {
            return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(urls.notice(id))).build();
        }
        return ActorController.activityJson(visibleNote(id));
    }

    @GetMapping("/objects/{id}/activity")
    public ResponseEntity<Activity> create(@PathVariable String id) {
        return ActorController.activityJson(documents.create(visibleNote(id)));
    }

    private Note visibleNote(String id) {
        StatusView status = FlakeId.isWellFormed(id)
                ? queries.one(new StatusQueries.ById(id, null), StatusView.class) : null;
        if (status == null || status.reblogOfId() != null || !status.local()) {
            throw ApiException.notFound();
        }
        return documents.notes(java.util.List.of(status)).get(0);
    }
}
