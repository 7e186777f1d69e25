package social.annals.gateway.security;

import java.util.List;

/**
 * Who a request acts for. {@code accountId} (and {@code nickname}) is null for an app-only token
 * and for the synthetic admin of {@code admin_token}. Scopes are only enforced for token-based
 * authentication. The nickname comes with the credentials, so naming the actor needs no read
 * model that may be rebuilding.
 */
public record ApiPrincipal(String accountId, String appId, String tokenId, List<String> scopes, Method method,
                           boolean admin, boolean moderator, String nickname) {

    public enum Method { BEARER, COOKIE, BASIC, ADMIN_TOKEN }

    public static final String ADMIN_TOKEN_ACTOR = "admin_token";
    private static final java.util.Set<String> FOLLOW_SUB_SCOPES = java.util.Set.of("read:follows", "write:follows",
            "read:blocks", "write:blocks", "read:mutes", "write:mutes");

    public static ApiPrincipal adminToken() {
        return new ApiPrincipal(null, null, null, List.of(), Method.ADMIN_TOKEN, true, false, null);
    }

    public boolean isUser() {
        return accountId != null;
    }

    public boolean tokenBased() {
        return tokenId != null;
    }

    /**
     * Coarse scopes imply their sub-scopes: {@code read} grants {@code read:accounts}, and
     * {@code follow} the follow, block and mute ones, as in Mastodon.
     */
    public boolean hasScope(String required) {
        if (!tokenBased() || required == null || required.isEmpty()) {
            return true;
        }
        int colon = required.indexOf(':');
        return scopes.contains(required) || (colon > 0 && scopes.contains(required.substring(0, colon)))
                || (FOLLOW_SUB_SCOPES.contains(required) && scopes.contains("follow"));
    }

    /** True when no scope is required or the token has any one of them. */
    public boolean hasAnyScope(String... anyOf) {
        if (anyOf.length == 0) {
            return true;
        }
        for (String scope : anyOf) {
            if (hasScope(scope)) {
                return true;
            }
        }
        return false;
    }
}
