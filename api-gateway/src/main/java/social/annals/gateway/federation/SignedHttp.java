package social.annals.gateway.federation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import social.annals.gateway.api.Queries;
import social.annals.gateway.federation.http.FetchRefused;
import social.annals.gateway.federation.http.GuardedHttp;
import social.annals.gateway.federation.signature.HttpSignatures;
import social.annals.gateway.federation.signature.PemKeys;
import social.annals.gateway.render.Urls;
import social.annals.query.account.AccountQueries;
import social.annals.query.account.AccountView;
import social.annals.query.federation.ActorKeyQueries;

/**
 * Every request federation makes, signed: fetches and deliveries on an account's behalf with its
 * key, fetches on no one's behalf with the instance actor's, so that servers which require signed
 * fetches (Mastodon's authorized fetch) answer us too. Nothing is asked of a host an instance policy
 * rejects.
 */
@Component
public class SignedHttp {

    private static final String ACCEPT = "application/activity+json, " + ActivityStreams.LD_PROFILE;

    private final GuardedHttp http;
    private final ActorKeys keys;
    private final Queries queries;
    private final Urls urls;
    private final Clock clock;
    private final HostPolicies policies;
    /** Parsing a PEM key costs more than signing; a key never changes under its account. */
    private final Cache<String, Signer> signers = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(30)).build();

    public SignedHttp(GuardedHttp http, ActorKeys keys, Queries queries, Urls urls, Clock clock,
                      HostPolicies policies) {
        this.http = http;
        this.policies = policies;
        this.keys = keys;
        this.queries = queries;
        this.urls = urls;
        this.clock = clock;
    }

    private record Signer(String keyId, PrivateKey key) {
    }

    /** A GET for an ActivityStreams document; {@code accountId} null signs as the instance actor. */
    public GuardedHttp.Response get(URI uri, String accountId) {
        allowed(uri);
        Signer signer = signer(accountId);
        Map<String, String> headers = new LinkedHashMap<>(HttpSignatures.signedHeaders("GET", uri, null,
                signer.keyId(), signer.key(), clock.instant()));
        headers.put("Accept", ACCEPT);
        return http.get(uri, headers);
    }

    /** A plain GET (WebFinger), unsigned: it asks for nothing but public discovery. */
    public GuardedHttp.Response getPublic(URI uri, String accept) {
        allowed(uri);
        return http.get(uri, Map.of("Accept", accept));
    }

    /** Delivers an activity to an inbox, signed by the account that acts. */
    public GuardedHttp.Response post(URI inbox, byte[] body, String accountId) {
        return post(inbox, body, sign(inbox, body, accountId));
    }

    /** The headers that sign a POST of the body to the inbox, as the account, now. */
    public Map<String, String> sign(URI inbox, byte[] body, String accountId) {
        Signer signer = signer(accountId);
        return HttpSignatures.signedHeaders("POST", inbox, body, signer.keyId(), signer.key(), clock.instant());
    }

    /** Delivers an activity with headers signed before ({@link #sign}). */
    public GuardedHttp.Response post(URI inbox, byte[] body, Map<String, String> signedHeaders) {
        allowed(inbox);
        return http.post(inbox, signedHeaders, body);
    }

    private void allowed(URI uri) {
        HostPolicies.Applied applied = policies.forHost(uri.getRawAuthority());
        if (applied.rejected()) {
            throw FetchRefused.byPolicy(uri, applied.rejectedBy().apiName());
        }
    }

    private Signer signer(String accountId) {
        String cacheKey = accountId == null ? "" : accountId;
        Signer signer = signers.getIfPresent(cacheKey);
        if (signer == null) {
            signer = load(accountId);
            signers.put(cacheKey, signer);
        }
        return signer;
    }

    private Signer load(String accountId) {
        if (accountId == null) {
            ActorKeyQueries.SigningKey key = keys.instanceActor();
            return new Signer(urls.instanceActor() + "#main-key", PemKeys.privateKey(key.privateKeyPem()));
        }
        AccountView account = queries.one(new AccountQueries.ById(accountId), AccountView.class);
        ActorKeyQueries.SigningKey key = account == null ? null : keys.of(accountId);
        if (key == null || key.privateKeyPem() == null) {
            throw new IllegalStateException("Account " + accountId + " has no signing key (deleted?)");
        }
        return new Signer(urls.actorKey(account.nickname()), PemKeys.privateKey(key.privateKeyPem()));
    }
}
