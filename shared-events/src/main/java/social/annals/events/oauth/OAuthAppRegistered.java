package social.annals.events.oauth;

import java.time.Instant;
import java.util.List;

/** A client application registered; only a digest of its secret is kept. */
public record OAuthAppRegistered(
        String appId,
        String clientId,
        String clientSecretDigest,
        String name,
        String redirectUris,
        List<String> scopes,
        String website,
        Instant registeredAt) {
}
