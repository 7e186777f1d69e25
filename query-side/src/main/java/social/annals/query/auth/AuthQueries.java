package social.annals.query.auth;

import java.time.Instant;
import java.util.List;

/** Queries and views of the "auth" read model: credentials, OAuth apps and tokens. */
public final class AuthQueries {

    private AuthQueries() {
    }

    /** A login is a nickname (compared case-insensitively) or an e-mail, given here as its digest. */
    public record CredentialsByLogin(String nickname, String emailDigest) {
    }

    /** By e-mail alone (an admin's filter), never by nickname. */
    public record CredentialsByEmail(String emailDigest) {
    }

    public record CredentialsByAccountId(String accountId) {
    }

    public record AppByClientId(String clientId) {
    }

    public record AppById(String appId) {
    }

    public record TokenByAccessDigest(String accessDigest) {
    }

    public record TokenByRefreshDigest(String refreshDigest) {
    }

    /** A token with its account's credentials in one look-up (every authenticated request makes it). */
    public record BearerByAccessDigest(String accessDigest) {
    }

    /** {@code account} is null for an app-only token, or when the account is unknown. */
    public record Bearer(Token token, Credentials account) {
    }

    public record CodeByDigest(String codeDigest) {
    }

    /** The account's live tokens with their apps' names, newest first. */
    public record TokensOfAccount(String accountId) {
    }

    public record TokenWithApp(String tokenId, String appId, String appName, Instant expiresAt) {
    }

    public record Code(String codeId, String appId, String accountId, List<String> scopes, String redirectUri,
                       Instant expiresAt, boolean redeemed) {
    }

    public record Credentials(String accountId, String nickname, String passwordHash, boolean deactivated, boolean admin,
                              boolean moderator) {
    }

    public record App(String appId, String clientId, String clientSecretDigest, String name, String redirectUris,
                      List<String> scopes, String website) {
    }

    public record Token(String tokenId, String appId, String accountId, List<String> scopes, String grantType,
                        Instant issuedAt, Instant expiresAt) {

        public boolean expiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    /** The account an unused password-reset token (by digest) belongs to, or null. */
    public record PasswordResetAccount(String tokenDigest) {
    }
}
