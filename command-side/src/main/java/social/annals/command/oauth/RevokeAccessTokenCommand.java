package social.annals.command.oauth;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revoke on behalf of {@code appId}; a token of another app is left alone (RFC 7009 answers alike). */
public record RevokeAccessTokenCommand(@TargetAggregateIdentifier String tokenId, String appId) {
}
