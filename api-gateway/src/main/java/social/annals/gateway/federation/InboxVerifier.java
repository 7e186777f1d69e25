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
import social.annals.events.federation.RemoteProfile;
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
    /**
     * The actor each key was last seen to belong to, for a minute: a busy sender's key is not looked
     * up for every POST. A key that stops verifying is fetched again and the entry replaced, so a
     * rotation costs one refused POST at most per node.
     */
    private final Cache<String, Optional<RemoteActor>> keyOwners = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

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

    /**
     * The actor that signed the request. {@code expectedActor}, when given, must be that actor (an
     * activity's {@code actor}). A key fetched for this request is recorded only once it has
     * verified the request and belongs to the expected actor: a refused request records nothing.
     */
    public RemoteActor verify(HttpServletRequest request, byte[] body, String expectedActor) {
        Function<String, String> headers = name -> joined(request, name);
        Optional<SignatureHeader> signature = HttpSignatures.header(headers);
        if (signature.isEmpty()) {
            throw new Unverified("Missing or malformed signature");
        }
        String keyId = signature.get().keyId();
        String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        Function<String, Verification> verifyWith = pem -> verify(signature.get(), request.getMethod(), target,
                headers, body, pem);
        RemoteActor known = keyOwners.get(keyId, id -> Optional.ofNullable(actors.byKeyId(id))).orElse(null);
        if (known != null) {
            Verification outcome = verifyWith.apply(known.publicKeyPem());
            if (outcome.isValid()) {
                return expected(known.actorUri(), expectedActor, known);
            }
            if (outcome != Verification.BAD_SIGNATURE || recentlyRefetched.getIfPresent(keyId) != null) {
                throw new Unverified("Signature not accepted: " + outcome);
            }
            recentlyRefetched.put(keyId, Boolean.TRUE);
        }
        RemoteProfile owner = fetchOwner(keyId);
        Verification outcome = verifyWith.apply(owner.publicKeyPem());
        if (!outcome.isValid()) {
            throw new Unverified("Signature not accepted: " + outcome);
        }
        expected(owner.actorUri(), expectedActor, null);
        RemoteActor recorded = actors.record(owner);
        keyOwners.put(keyId, Optional.of(recorded));
        return recorded;
    }

    private static RemoteActor expected(String signer, String expectedActor, RemoteActor actor) {
        if (expectedActor != null && !expectedActor.equals(signer)) {
            throw new Unverified("The activity of " + expectedActor + " was signed by " + signer);
        }
        return actor;
    }

    private Verification verify(SignatureHeader signature, String method, String target,
                                Function<String, String> headers, byte[] body, String publicKeyPem) {
        PublicKey key;
        try {
            key = parsedKeys.get(publicKeyPem, PemKeys::publicKey);
        } catch (IllegalArgumentException e) {
            throw new Unverified("The signer's key is unusable");
        }
        return HttpSignatures.verify(signature, method, target, headers, body, key, clock.instant(), maxAge,
                maxSkewAhead);
    }

    private RemoteProfile fetchOwner(String keyId) {
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
