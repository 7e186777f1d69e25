package social.annals.gateway.api.oauth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import social.annals.command.ids.FlakeIdGenerator;
import social.annals.command.oauth.OAuthCommands;
import social.annals.command.secrets.Digests;
import social.annals.events.oauth.GrantType;
import social.annals.gateway.consistency.Commands;
import social.annals.gateway.security.Tokens;

/** Makes token secrets, sends only their digests to the command side, and hands the secrets back once. */
@Component
public class TokenIssuer {

    /** The raw secrets, given to the client exactly once. */
    public record Issued(String tokenId, String accessToken, String refreshToken, List<String> scopes,
                         Instant createdAt, long expiresIn) {
    }

    private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    private final Commands commands;
    private final FlakeIdGenerator ids;
    private final Tokens tokens;
    private final Duration lifetime;
    private final java.time.Clock clock;

    public TokenIssuer(Commands commands, FlakeIdGenerator ids, Tokens tokens, java.time.Clock clock,
                       @Value("${annals.security.token-lifetime-seconds:600}") long lifetimeSeconds) {
        this.commands = commands;
        this.ids = ids;
        this.tokens = tokens;
        this.clock = clock;
        this.lifetime = Duration.ofSeconds(lifetimeSeconds);
    }

    public Issued issue(String appId, String accountId, List<String> scopes, GrantType grantType) {
        String tokenId = ids.next();
        String access = tokens.newSecret();
        String refresh = tokens.newSecret();
        commands.sendAndWait(new OAuthCommands.IssueAccessToken(tokenId, appId, accountId, Digests.token(access),
                Digests.token(refresh), List.copyOf(scopes), grantType, lifetime));
        return new Issued(tokenId, access, refresh, scopes, clock.instant(), lifetime.toSeconds());
    }

    /** A new access token for the grant; the refresh token stays the same, as Pleroma's default. */
    public Issued refresh(String tokenId, String appId, String refreshToken, List<String> scopes) {
        String access = tokens.newSecret();
        String refreshDigest = Digests.token(refreshToken);
        commands.sendAndWait(new OAuthCommands.RefreshAccessToken(tokenId, appId, refreshDigest, Digests.token(access),
                refreshDigest, lifetime));
        return new Issued(tokenId, access, refreshToken, scopes, clock.instant(), lifetime.toSeconds());
    }

    /** Exchanges an authorization code for a token with the code's scopes (single use, decided by the code). */
    public Issued redeem(String codeId, String appId, List<String> scopes) {
        String tokenId = ids.next();
        String access = tokens.newSecret();
        String refresh = tokens.newSecret();
        commands.sendAndWait(new OAuthCommands.RedeemAuthorizationCode(codeId, appId, tokenId, Digests.token(access),
                Digests.token(refresh), lifetime));
        return new Issued(tokenId, access, refresh, scopes, clock.instant(), lifetime.toSeconds());
    }

    /** Makes a single-use authorization code and returns its secret. */
    public String authorizationCode(String appId, String accountId, List<String> scopes, String redirectUri) {
        String code = tokens.newSecret();
        commands.sendAndWait(new OAuthCommands.IssueAuthorizationCode(ids.next(), appId, accountId, Digests.token(code),
                scopes, redirectUri, CODE_LIFETIME));
        return code;
    }
}
