package social.annals.gateway.api.oauth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import social.annals.command.oauth.OAuthCommands;
import social.annals.command.secrets.Digests;
import social.annals.events.oauth.GrantType;
import social.annals.gateway.api.Queries;
import social.annals.gateway.consistency.Commands;
import social.annals.gateway.render.Urls;
import social.annals.gateway.security.Authenticator;
import social.annals.gateway.web.ApiException;
import social.annals.gateway.web.Params;
import social.annals.query.auth.AuthQueries.App;
import social.annals.query.auth.AuthQueries.Code;
import social.annals.query.auth.AuthQueries.Credentials;
import social.annals.query.auth.AuthQueries.Token;
import social.annals.query.auth.AuthQueries;

/** The OAuth token endpoint (password, client_credentials, refresh_token) and revocation. */
@RestController
public class OAuthController {

    private final ClientAuthentication clients;
    private final Authenticator authenticator;
    private final TokenIssuer issuer;
    private final Queries queries;
    private final Commands commands;
    private final Urls urls;

    public OAuthController(ClientAuthentication clients, Authenticator authenticator, TokenIssuer issuer,
                           Queries queries, Commands commands, Urls urls) {
        this.clients = clients;
        this.authenticator = authenticator;
        this.issuer = issuer;
        this.queries = queries;
        this.commands = commands;
        this.urls = urls;
    }

    @PostMapping("/oauth/token")
    public Map<String, Object> token(HttpServletRequest request, Params params) {
        String grantType = params.string("grant_type").orElse("");
        switch (grantType) {
            case "password", "client_credentials", "refresh_token", "authorization_code" -> { }
            default -> throw ApiException.error(HttpStatus.BAD_REQUEST, "Bad request");
        }
        App app = clients.authenticate(request, params).orElseThrow(OAuthController::invalid);
        return switch (grantType) {
            case "password" -> passwordGrant(app, params, request.getRemoteAddr());
            case "client_credentials" -> clientCredentialsGrant(app);
            case "authorization_code" -> authorizationCodeGrant(app, params);
            default -> refreshGrant(app, params);
        };
    }

    private Map<String, Object> passwordGrant(App app, Params params, String clientAddress) {
        List<String> scopes = requestedScopes(app, params);
        Credentials account = authenticator.checkPassword(params.stringOrNull("username"),
                        params.stringOrNull("password"), clientAddress)
                .orElseThrow(OAuthController::invalid);
        refuseDeactivated(account);
        TokenIssuer.Issued issued = issuer.issue(app.appId(), account.accountId(), scopes, GrantType.PASSWORD);
        Map<String, Object> out = tokenBody(issued);
        out.put("me", urls.actor(account.nickname()));
        return out;
    }

    private Map<String, Object> clientCredentialsGrant(App app) {
        TokenIssuer.Issued issued = issuer.issue(app.appId(), null, app.scopes(), GrantType.CLIENT_CREDENTIALS);
        Map<String, Object> out = tokenBody(issued);
        out.put("created_at", issued.createdAt().getEpochSecond());
        return out;
    }

    /** The code must belong to this app and be unused; redeeming it is decided by the code itself. */
    private Map<String, Object> authorizationCodeGrant(App app, Params params) {
        String raw = params.string("code").orElseThrow(OAuthController::invalid);
        Code code = queries.one(new AuthQueries.CodeByDigest(Digests.token(raw)), Code.class);
        if (code == null || !code.appId().equals(app.appId())) {
            throw invalid();
        }
        refuseDeactivated(code.accountId());
        return withActorAndTime(issuer.redeem(code.codeId(), app.appId(), code.scopes()), code.accountId());
    }

    private Map<String, Object> refreshGrant(App app, Params params) {
        String refreshToken = params.string("refresh_token").orElseThrow(OAuthController::invalid);
        Token token = queries.one(new AuthQueries.TokenByRefreshDigest(Digests.token(refreshToken)), Token.class);
        if (token == null || !token.appId().equals(app.appId())) {
            throw invalid();
        }
        refuseDeactivated(token.accountId());
        return withActorAndTime(issuer.refresh(token.tokenId(), app.appId(), refreshToken, token.scopes()),
                token.accountId());
    }

    /** A deactivated account gets no new token by any grant, as at login. */
    private void refuseDeactivated(String accountId) {
        if (accountId != null) {
            refuseDeactivated(queries.one(new AuthQueries.CredentialsByAccountId(accountId), Credentials.class));
        }
    }

    private static void refuseDeactivated(Credentials account) {
        if (account != null && account.deactivated()) {
            throw ApiException.error(HttpStatus.FORBIDDEN, "Your account is currently disabled");
        }
    }

    /** The token body with {@code me} (when the token is a user's) and {@code created_at}. */
    private Map<String, Object> withActorAndTime(TokenIssuer.Issued issued, String accountId) {
        Map<String, Object> out = tokenBody(issued);
        Credentials account = accountId == null ? null
                : queries.one(new AuthQueries.CredentialsByAccountId(accountId), Credentials.class);
        if (account != null) {
            out.put("me", urls.actor(account.nickname()));
        }
        out.put("created_at", issued.createdAt().getEpochSecond());
        return out;
    }

    @PostMapping("/oauth/revoke")
    public Map<String, Object> revoke(HttpServletRequest request, Params params) {
        String raw = params.string("token").filter(t -> !t.isBlank())
                .orElseThrow(() -> ApiException.error(HttpStatus.BAD_REQUEST, "Bad request"));
        clients.authenticate(request, params).ifPresent(app -> {
            Token token = queries.one(new AuthQueries.TokenByAccessDigest(Digests.token(raw)), Token.class);
            if (token != null && token.appId().equals(app.appId())) {
                commands.sendAndWait(new OAuthCommands.RevokeAccessToken(token.tokenId(), app.appId()));
            }
        });
        return Map.of();
    }

    private static List<String> requestedScopes(App app, Params params) {
        return Scopes.grantable(app, Scopes.from(params)).orElseThrow(OAuthController::invalid);
    }

    private static Map<String, Object> tokenBody(TokenIssuer.Issued issued) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token_type", "Bearer");
        out.put("access_token", issued.accessToken());
        out.put("refresh_token", issued.refreshToken());
        out.put("expires_in", issued.expiresIn());
        out.put("scope", String.join(" ", issued.scopes()));
        return out;
    }

    private static ApiException invalid() {
        return ApiException.error(HttpStatus.BAD_REQUEST, "Invalid credentials");
    }
}
