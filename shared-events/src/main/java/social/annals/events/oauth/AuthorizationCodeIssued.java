package social.annals.events.oauth;

import java.time.Instant;
import java.util.List;

/** A user approved an app in the authorization-code flow; only the code's digest is kept. */
public record AuthorizationCodeIssued(
        String codeId,
        String appId,
        String accountId,
        String codeDigest,
        List<String> scopes,
        String redirectUri,
        Instant issuedAt,
        Instant expiresAt) {
}
