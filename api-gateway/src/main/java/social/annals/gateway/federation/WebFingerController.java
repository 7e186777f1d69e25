package social.annals.gateway.federation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import social.annals.gateway.api.Queries;
import social.annals.gateway.render.Urls;
import social.annals.gateway.web.ApiException;
import social.annals.query.account.AccountQueries;
import social.annals.query.account.AccountView;

/**
 * How other servers find a local account from {@code nick@host} (RFC 7033 WebFinger, in JSON) or
 * from its actor URL, and where they learn the WebFinger template (host-meta).
 */
@RestController
public class WebFingerController {

    static final MediaType JRD = MediaType.parseMediaType("application/jrd+json; charset=utf-8");
    static final MediaType XRD = MediaType.parseMediaType("application/xrd+xml; charset=utf-8");

    private final Queries queries;
    private final Urls urls;

    public WebFingerController(Queries queries, Urls urls) {
        this.queries = queries;
        this.urls = urls;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Link(String rel, String type, String href, String template) {
    }

    public record Resource(String subject, List<String> aliases, List<Link> links) {
    }

    @GetMapping("/.well-known/webfinger")
    public ResponseEntity<Resource> webfinger(@RequestParam(required = false) String resource) {
        if (resource == null || resource.isBlank()) {
            throw ApiException.error(HttpStatus.BAD_REQUEST, "Missing resource");
        }
        AccountView account = queries.one(new AccountQueries.ByNickname(nicknameIn(resource.trim())),
                AccountView.class);
        if (account == null || !account.local() || account.deactivated()) {
            throw ApiException.notFound();
        }
        String actor = urls.actor(account.nickname());
        return ResponseEntity.ok().contentType(JRD).body(new Resource(
                "acct:" + account.nickname() + "@" + urls.host(), List.of(actor),
                List.of(new Link("http://webfinger.net/rel/profile-page", "text/html", actor, null),
                        new Link("self", "application/activity+json", actor, null),
                        new Link("http://ostatus.org/schema/1.0/subscribe", null, null,
                                urls.base() + "/ostatus_subscribe?acct={uri}"))));
    }

    @GetMapping("/.well-known/host-meta")
    public ResponseEntity<String> hostMeta() {
        String template = urls.base() + "/.well-known/webfinger?resource={uri}";
        return ResponseEntity.ok().contentType(XRD).body("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<XRD xmlns=\"http://docs.oasis-open.org/ns/xri/xrd-1.0\">"
                + "<Link rel=\"lrdd\" type=\"application/xrd+xml\" template=\"" + template + "\"/></XRD>");
    }

    /** The nickname a resource names on this host: {@code acct:nick@host}, {@code nick@host} or the actor URL; else none. */
    private String nicknameIn(String resource) {
        String actorPrefix = urls.base() + "/users/";
        if (resource.startsWith(actorPrefix)) {
            return resource.substring(actorPrefix.length());
        }
        String acct = resource.startsWith("acct:") ? resource.substring(5) : resource;
        acct = acct.startsWith("@") ? acct.substring(1) : acct;
        int at = acct.lastIndexOf('@');
        if (at <= 0 || !acct.substring(at + 1).toLowerCase(Locale.ROOT).equals(urls.host().toLowerCase(Locale.ROOT))) {
            throw ApiException.notFound();
        }
        return acct.substring(0, at);
    }
}
