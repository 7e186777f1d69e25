package social.annals.gateway.federation;

import jakarta.servlet.http.HttpServletRequest;
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
 * A local status at its URI, as a {@code Note}, and the {@code Create} that published it. Public and
 * unlisted ones are served to anybody; a private or direct one only to a signed fetch by an actor
 * who may see it (a follower, a mentioned account), as the same visibility rules decide for local
 * readers. Anything else answers 404, as an unknown id does. A browser is sent to the status's page.
 */
@RestController
public class ObjectController {

    private final Queries queries;
    private final ActivityDocuments documents;
    private final Urls urls;
    private final InboxVerifier signatures;

    public ObjectController(Queries queries, ActivityDocuments documents, Urls urls, InboxVerifier signatures) {
        this.queries = queries;
        this.documents = documents;
        this.urls = urls;
        this.signatures = signatures;
    }

    @GetMapping("/objects/{id}")
    public ResponseEntity<Note> note(@PathVariable String id,
                                     @RequestHeader(value = "Accept", required = false) String accept,
                                     HttpServletRequest request) {
        if (!ActivityStreams.wanted(accept)) {
            return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(urls.notice(id))).build();
        }
        return ActorController.activityJson(visibleNote(id, signer(request)));
    }

    @GetMapping("/objects/{id}/activity")
    public ResponseEntity<Activity> create(@PathVariable String id, HttpServletRequest request) {
        return ActorController.activityJson(documents.create(visibleNote(id, signer(request))));
    }

    /** The remote account that signed the fetch, or null: an unsigned or unverified fetch is anonymous. */
    private String signer(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (request.getHeader("Signature") == null
                && (authorization == null || !authorization.startsWith("Signature "))) {
            return null;
        }
        try {
            return signatures.verify(request, new byte[0], null).accountId();
        } catch (InboxVerifier.Unverified e) {
            return null;
        }
    }

    private Note visibleNote(String id, String viewerId) {
        StatusView status = FlakeId.isWellFormed(id)
                ? queries.one(new StatusQueries.ById(id, viewerId), StatusView.class) : null;
        if (status == null || status.reblogOfId() != null || !status.local()) {
            throw ApiException.notFound();
        }
        return documents.notes(java.util.List.of(status)).get(0);
    }
}
