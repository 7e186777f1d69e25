package social.annals.gateway.federation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import social.annals.gateway.api.Queries;
import social.annals.gateway.federation.delivery.Reachability;
import social.annals.gateway.web.ApiException;
import social.annals.query.account.AccountQueries;
import social.annals.query.account.AccountView;
import social.annals.query.federation.RemoteActorQueries.RemoteActor;

/**
 * Where other servers deliver: each account's inbox and the shared one. In order, a request is
 * refused when its body is over 1 MB (413), its account unknown (404), its body not an activity
 * (400), its signature not verified or its activity not the signer's own (401); nothing is
 * recorded for any of them. An activity of a server an instance policy rejects is recorded as
 * rejected and answers 202, so that its server does not retry; its signature is not checked, since
 * that would mean fetching the key from that server. An accepted activity answers 202 once it is
 * recorded as received (acting on it comes after, as on Mastodon and Pleroma), whatever becomes of it.
 */
@RestController
public class InboxController {

    static final int MAX_BODY_BYTES = 1_048_576;
    private static final Logger log = LoggerFactory.getLogger(InboxController.class);

    private final Queries queries;
    private final InboxVerifier verifier;
    private final InboxRecords records;
    private final ObjectMapper json;
    private final HostPolicies policies;
    private final Reachability reachability;
    private final InboundMetrics metrics;

    public InboxController(Queries queries, InboxVerifier verifier, InboxRecords records, ObjectMapper json,
                           HostPolicies policies, Reachability reachability, InboundMetrics metrics) {
        this.queries = queries;
        this.policies = policies;
        this.reachability = reachability;
        this.metrics = metrics;
        this.verifier = verifier;
        this.records = records;
        this.json = json;
    }

    @PostMapping("/inbox")
    public ResponseEntity<String> sharedInbox(HttpServletRequest request) throws IOException {
        return receive(request);
    }

    @PostMapping("/users/{nickname}/inbox")
    public ResponseEntity<String> accountInbox(@PathVariable String nickname, HttpServletRequest request)
            throws IOException {
        AccountView account = queries.one(new AccountQueries.ByNickname(nickname), AccountView.class);
        if (account == null || !account.local() || account.deactivated()) {
            throw ApiException.notFound();
        }
        return receive(request);
    }

    private ResponseEntity<String> receive(HttpServletRequest request) throws IOException {
        byte[] body = readAtMost(request, MAX_BODY_BYTES);
        if (body == null) {
            metrics.count(null, InboundMetrics.Outcome.TOO_LARGE);
            throw ApiException.error(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large");
        }
        JsonNode activity = activity(body);
        String type = ActorDocumentReader.text(activity, "type");
        String actorUri = ActivityInbox.idOf(activity.get("actor"));
        HostPolicies.Applied applied = policies.forUri(actorUri);
        if (applied.rejected()) {
            records.reject(activity, actorUri, applied.rejectedBy());
            metrics.count(type, InboundMetrics.Outcome.REJECTED);
            return accepted();
        }
        RemoteActor signer;
        try {
            signer = verifier.verify(request, body, actorUri);
        } catch (InboxVerifier.Unverified e) {
            log.info("Refused an inbox delivery: {}", e.getMessage());
            metrics.count(type, InboundMetrics.Outcome.UNVERIFIED);
            throw ApiException.error(HttpStatus.UNAUTHORIZED, "Invalid signature");
        }
        reachability.heardFrom(signer.host());
        if (!ActivityInbox.understands(type)) {
            metrics.count(type, InboundMetrics.Outcome.IGNORED);
            return accepted();
        }
        boolean fresh = records.receive(activity, new String(body, java.nio.charset.StandardCharsets.UTF_8), signer);
        metrics.count(type, fresh ? InboundMetrics.Outcome.ACCEPTED : InboundMetrics.Outcome.DUPLICATE);
        return accepted();
    }

    private static ResponseEntity<String> accepted() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON).body("{}");
    }

    /** An activity needs an id, a type and an actor; anything else is not one. */
    private JsonNode activity(byte[] body) {
        JsonNode activity;
        try {
            activity = json.readTree(body);
        } catch (JsonProcessingException e) {
            metrics.count(null, InboundMetrics.Outcome.MALFORMED);
            throw ApiException.error(HttpStatus.BAD_REQUEST, "Malformed JSON");
        } catch (IOException e) {
            metrics.count(null, InboundMetrics.Outcome.MALFORMED);
            throw ApiException.error(HttpStatus.BAD_REQUEST, "Unreadable body");
        }
        if (activity == null || !activity.isObject() || ActorDocumentReader.text(activity, "type") == null
                || ActivityInbox.idOf(activity.get("actor")) == null || ActivityInbox.idOf(activity) == null) {
            metrics.count(null, InboundMetrics.Outcome.MALFORMED);
            throw ApiException.error(HttpStatus.BAD_REQUEST, "Not an activity");
        }
        return activity;
    }

    /** The body, or null when it is longer than the limit (its declared length is not trusted). */
    private static byte[] readAtMost(HttpServletRequest request, int limit) throws IOException {
        if (request.getContentLengthLong() > limit) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(limit + 1);
            return body.length > limit ? null : body;
        }
    }
}
