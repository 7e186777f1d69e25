package social.annals.events.oauth;

import java.time.Instant;

/** The code was exchanged for the token {@code tokenId}; it can never be used again. */
public record AuthorizationCodeRedeemed(String codeId, String tokenId, Instant redeemedAt) {
}
