package social.annals.gateway.security;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;
import social.annals.command.account.PasswordHasher;
import social.annals.command.secrets.Digests;
import social.annals.gateway.api.Queries;
import social.annals.query.auth.AuthQueries.Credentials;
import social.annals.query.auth.AuthQueries.Token;
import social.annals.query.auth.AuthQueries;

/** Turns presented credentials (token, login and password) into a principal, or nothing. */
@Component
public class Authenticator {

    private final Queries queries;
    private final Digests digests;
    private final PasswordHasher hasher;
    private final BasicAuthCache cache;
    private final RateLimits rateLimits;
    private final Clock clock;
    private final String dummyHash;

    public Authenticator(Queries queries, Digests digests, PasswordHasher hasher, BasicAuthCache cache,
                         RateLimits rateLimits, Clock clock) {
        this.rateLimits = rateLimits;
        this.queries = queries;
        this.digests = digests;
        this.hasher = hasher;
        this.cache = cache;
        this.clock = clock;
        this.dummyHash = hasher.hash("not a real password");
    }

    /** A live (unexpired) access token of an active account, or of an app. */
    public Optional<ApiPrincipal> byToken(String rawToken, ApiPrincipal.Method method) {
        AuthQueries.Bearer bearer = queries.one(new AuthQueries.BearerByAccessDigest(Digests.token(rawToken)),
                AuthQueries.Bearer.class);
        Token token = bearer == null ? null : bearer.token();
        if (token == null || token.expiredAt(clock.instant())) {
            return Optional.empty();
        }
        if (token.accountId() == null) {
            return Optional.of(new ApiPrincipal(null, token.appId(), token.tokenId(), token.scopes(), method, false,
                    false, null));
        }
        Credentials account = bearer.account();
        if (account == null || account.deactivated()) {
            return Optional.empty();
        }
        return Optional.of(new ApiPrincipal(account.accountId(), token.appId(), token.tokenId(), token.scopes(), method,
                account.admin(), account.moderator(), account.nickname()));
    }

    /** An active account whose password matches, for HTTP Basic. */
    public Optional<ApiPrincipal> byPassword(String login, String password, String clientAddress) {
        return checkPassword(login, password, clientAddress)
                .filter(account -> !account.deactivated())
                .map(account -> new ApiPrincipal(account.accountId(), null, null, java.util.List.of(),
                        ApiPrincipal.Method.BASIC, account.admin(), account.moderator(), account.nickname()));
    }

    /** Whether {@code password} is the account's current password (a missing one never is). */
    public boolean confirmsPassword(String accountId, String password) {
        Credentials account = queries.one(new AuthQueries.CredentialsByAccountId(accountId), Credentials.class);
        return account != null && hasher.matches(password == null ? "" : password, account.passwordHash());
    }

    /**
     * The account (active or not) whose login and password match; login is a nickname or e-mail.
     * Every check but a recently verified password counts against the client's authentication
     * limit, so passwords cannot be guessed faster than it allows.
     *
     * @throws RateLimits.Throttled when the client has used its allowance
     */
    public Optional<Credentials> checkPassword(String login, String password, String clientAddress) {
        if (login == null || login.isBlank() || password == null || login.indexOf('\u0000') >= 0) {
            return Optional.empty();
        }
        Credentials account = queries.one(new AuthQueries.CredentialsByLogin(login.trim(), digests.email(login)),
                Credentials.class);
        if (account != null && cache.isVerified(login, password, account.passwordHash())) {
            return Optional.of(account);
        }
        rateLimits.acquire(RateLimits.Limit.AUTHENTICATION, clientAddress);
        if (account == null) {
            hasher.matches(password, dummyHash); // same cost as a real check: no user enumeration by timing
            return Optional.empty();
        }
        if (!hasher.matches(password, account.passwordHash())) {
            return Optional.empty();
        }
        cache.remember(login, password, account.passwordHash());
        return Optional.of(account);
    }
}
