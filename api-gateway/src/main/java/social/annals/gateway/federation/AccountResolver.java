package social.annals.gateway.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import social.annals.command.federation.RemoteAccountDirectory;
import social.annals.gateway.api.Queries;
import social.annals.gateway.federation.http.FetchRefused;
import social.annals.gateway.federation.http.GuardedHttp;
import social.annals.gateway.render.Urls;
import social.annals.query.account.AccountQueries;
import social.annals.query.account.AccountView;

/**
 * Finds an account of another server by {@code nick@host} (WebFinger, then its actor document)
 * or by its actor URL, and makes it known here. WebFinger is asked over https; over http too only
 * where private addresses are allowed (instances side by side on one machine), and then first.
 */
@Component
public class AccountResolver implements RemoteAccountDirectory {

    private static final Logger log = LoggerFactory.getLogger(AccountResolver.class);

    private final SignedHttp http;
    private final RemoteActors actors;
    private final Queries queries;
    private final Urls urls;
    private final ObjectMapper json;
    private final boolean httpFallback;

    public AccountResolver(SignedHttp http, RemoteActors actors, Queries queries, Urls urls, ObjectMapper json,
                           @Value("${annals.federation.allow-private-addresses:false}") boolean httpFallback) {
        this.http = http;
        this.actors = actors;
        this.queries = queries;
        this.urls = urls;
        this.json = json;
        this.httpFallback = httpFallback;
    }

    /** Whether the text names an account elsewhere: {@code nick@other.host} (with or without a leading @) or a URL. */
    public boolean isRemote(String text) {
        String query = text.trim();
        if (query.startsWith("https://") || query.startsWith("http://")) {
            return !query.startsWith(urls.base() + "/");
        }
        query = query.startsWith("@") ? query.substring(1) : query;
        int at = query.indexOf('@');
        return at > 0 && at < query.length() - 1 && !query.substring(at + 1).equalsIgnoreCase(urls.host());
    }

    /** The account, known already or resolved now; empty when its server does not say. */
    public Optional<AccountView> resolve(String text) {
        String query = text.trim();
        try {
            String actorUri;
            if (query.startsWith("https://") || query.startsWith("http://")) {
                actorUri = query;
            } else {
                String acct = query.startsWith("@") ? query.substring(1) : query;
                AccountView known = queries.one(new AccountQueries.ByNickname(acct), AccountView.class);
                if (known != null) {
                    return Optional.of(known);
                }
                actorUri = webfinger(acct);
            }
            String accountId = actors.resolve(actorUri).accountId();
            return Optional.ofNullable(queries.one(new AccountQueries.ById(accountId), AccountView.class));
        } catch (RemoteDocumentRejected | IllegalArgumentException e) {
            log.info("Could not resolve {}: {}", query, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * For processes (an account list import): the account's id as recorded, so that it is right
     * inside the caller's transaction too, before any read model has the account.
     */
    @Override
    public Optional<String> accountIdOf(String acctOrActorUri) {
        String query = acctOrActorUri.trim();
        try {
            if (query.startsWith("https://") || query.startsWith("http://")) {
                return Optional.of(actors.resolve(query).accountId());
            }
            String acct = query.startsWith("@") ? query.substring(1) : query;
            AccountView known = queries.one(new AccountQueries.ByNickname(acct), AccountView.class);
            return Optional.of(known != null ? known.accountId() : actors.resolve(webfinger(acct)).accountId());
        } catch (RemoteDocumentRejected | IllegalArgumentException e) {
            log.info("Could not resolve {}: {}", query, e.getMessage());
            return Optional.empty();
        }
    }

    /** The actor URL WebFinger gives for {@code nick@host}. */
    private String webfinger(String acct) {
        int at = acct.indexOf('@');
        String host = acct.substring(at + 1).toLowerCase(Locale.ROOT);
        String resource = URLEncoder.encode("acct:" + acct, StandardCharsets.UTF_8);
        RemoteDocumentRejected failure = null;
        // Where private addresses are allowed, instances run side by side over plain http: asking it first
        // spares a TLS handshake with a server that will never answer one (a public host redirects to https).
        for (String scheme : httpFallback ? new String[]{"http", "https"} : new String[]{"https"}) {
            try {
                GuardedHttp.Response response = http.getPublic(
                        URI.create(scheme + "://" + host + "/.well-known/webfinger?resource=" + resource),
                        "application/jrd+json, application/json");
                if (response.status() != 200) {
                    throw new RemoteDocumentRejected("WebFinger for " + acct + " answered " + response.status());
                }
                return selfLink(json.readTree(response.body()), acct);
            } catch (FetchRefused e) {
                failure = new RemoteDocumentRejected("WebFinger for " + acct + " failed: " + e.reason(), e);
            } catch (IOException e) {
                throw new RemoteDocumentRejected("WebFinger for " + acct + " gave malformed JSON", e);
            }
        }
        throw failure;
    }

    private static String selfLink(JsonNode jrd, String acct) {
        for (JsonNode link : jrd.path("links")) {
            String type = ActorDocumentReader.text(link, "type");
            if ("self".equals(ActorDocumentReader.text(link, "rel")) && type != null
                    && (type.startsWith("application/activity+json") || type.startsWith("application/ld+json"))
                    && ActorDocumentReader.text(link, "href") != null) {
                return ActorDocumentReader.text(link, "href");
            }
        }
        throw new RemoteDocumentRejected("WebFinger for " + acct + " names no actor");
    }
}
