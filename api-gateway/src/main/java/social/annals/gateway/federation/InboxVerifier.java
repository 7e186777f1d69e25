package social.annals.gateway.federation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import social.annals.gateway.federation.signature.HttpSignatures;
import social.annals.gateway.federation.signature.PemKeys;
import social.annals.gateway.federation.signature.SignatureHeader;
import social.annals.gateway.federation.signature.Verification;
import social.annals.query.federation.RemoteActorQueries.RemoteActor;

/**
 * Who signed an inbox POST: the signature must cover the request target, host, date and digest,
 * the digest must match the body, the date must be recent, and the key must verify it. The key
 * comes from the actor we know, or is fetched from its owner; when it no longer verifies, it is
 * fetched once more, since actors rotate keys (at most once a minute per key, so that forged
 * requests cannot make us fetch at will).
 */
@Component
public class InboxVerifier {

    private final RemoteActors actors;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration maxSkewAhead = Duration.ofHours(1);
    private final Cache<String, Boolean> recentlyRefetched = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();
    private final Cache<String, PublicKey> parsedKeys = Caffeine.newBuilder().maximumSize(10_000).build();

    public InboxVerifier(RemoteActors actors, Clock clock,
                         @Value("${annals.federation.signature-max-age-seconds:43200}") long maxAgeSeconds) {
        this.actors = actors;
        this.clock = clock;
        this.maxAge = Duration.ofSeconds(maxAgeSeconds);
    }

    /** Thrown with what was wrong; the inbox answers 401 and records nothing. */
    public static class Unverified extends RuntimeException {
        public Unverified(String message) {
            super(message, null, false, false);
        }
    }

    public RemoteActor verify(HttpServletRequest request, byte[] body) {
        Function<String, String> headers = name -> joined(request, name);
        Optional<SignatureHeader> signature = HttpSignatures.header(headers);
        if (signature.isEmpty()) {
            throw new Unverified("Missing or malformed signature");
        }
        String keyId = signature.get().keyId();
        String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        boolean fetchedNow = false;
        RemoteActor actor = actors.byKeyId(keyId);
        if (actor == null) {
            actor = fetchOwner(keyId);
            fetchedNow = true;
        }
        Verification outcome = verify(signature.get(), request.getMethod(), target, headers, body, actor);
        if (outcome == Verification.BAD_SIGNATURE && !fetchedNow && recentlyRefetched.getIfPresent(keyId) == null) {
            recentlyRefetched.put(keyId, Boolean.TRUE);
            actor = fetchOwner(keyId);
            outcome = verify(signature.get(), request.getMethod(), target, headers, body, actor);
        }
        if (!outcome.isValid()) {
            throw new Unverified("Signature not accepted: " + outcome);
        }
        return actor;
    }

    private Verification verify(SignatureHeader signature, String method, String target,
                                Function<String, String> headers, byte[] body, RemoteActor actor) {
        PublicKey key;
        try {
            key = parsedKeys.get(actor.publicKeyPem(), PemKeys::publicKey);
        } catch (IllegalArgumentException e) {
            throw new Unverified("The signer's key is unusable");
        }
        return HttpSignatures.verify(signature, method, target, headers, body, key, clock.instant(), maxAge,
                maxSkewAhead);
    }

    private RemoteActor fetchOwner(String keyId) {
        try {
            return actors.fetchKeyOwner(keyId);
        } catch (RemoteDocumentRejected e) {
            throw new Unverified("The signer's key could not be fetched: " + e.getMessage());
        }
    }

    /** Several headers of one name are signed as their values joined by ", " (cavage-12 §2.3). */
    private static String joined(HttpServletRequest request, String name) {
        var values = Collections.list(request.getHeaders(name));
        return values.isEmpty() ? null : String.join(", ", values);
    }
}
