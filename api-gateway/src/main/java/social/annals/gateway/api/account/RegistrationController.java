package social.annals.gateway.api.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import social.annals.command.account.RegistrationRejected;
import social.annals.events.oauth.GrantType;
import social.annals.gateway.api.Queries;
import social.annals.gateway.api.admin.InviteTokens;
import social.annals.gateway.api.oauth.TokenIssuer;
import social.annals.gateway.captcha.CaptchaCheck;
import social.annals.gateway.render.TwitterUserRenderer;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.gateway.security.Auth;
import social.annals.gateway.security.RateLimits;
import social.annals.gateway.web.ApiErrorHandler;
import social.annals.gateway.web.ApiException;
import social.annals.gateway.web.Params;
import social.annals.query.account.AccountView;
import social.annals.query.auth.AuthQueries.App;
import social.annals.query.auth.AuthQueries;
import social.annals.query.invite.InviteQueries;

/** TwitterAPI ({@code /api/account/register}) and Mastodon ({@code /api/v1/accounts}) registration. */
@RestController
public class RegistrationController {

    private final Registrations registrations;
    private final TwitterUserRenderer twitterUsers;
    private final TokenIssuer issuer;
    private final Queries queries;
    private final CaptchaCheck captcha;
    private final boolean registrationsOpen;
    private final RateLimits rateLimits;

    public RegistrationController(Registrations registrations, TwitterUserRenderer twitterUsers, TokenIssuer issuer,
                                  Queries queries, CaptchaCheck captcha, RateLimits rateLimits,
                                  @Value("${annals.instance.registrations-open:true}") boolean registrationsOpen) {
        this.registrations = registrations;
        this.twitterUsers = twitterUsers;
        this.issuer = issuer;
        this.queries = queries;
        this.captcha = captcha;
        this.registrationsOpen = registrationsOpen;
        this.rateLimits = rateLimits;
    }

    @PostMapping("/api/account/register")
    public Object register(Params params, HttpServletRequest request) {
        rateLimits.acquire(RateLimits.Limit.ACCOUNT_CREATION, request.getRemoteAddr());
        captcha.verify(params);
        Long invite = requiredInvite(params);
        AccountView account = registrations.register(new Registrations.Form(params.stringOrNull("nickname"),
                params.stringOrNull("email"), params.stringOrNull("fullname"), params.stringOrNull("bio"),
                params.stringOrNull("password"), params.stringOrNull("confirm")), invite);
        // An unconfirmed account is invisible to the anonymous registrant: Pleroma answers {}.
        return registrations.activationRequired() ? Map.of() : twitterUsers.render(account, null);
    }

    @PostMapping("/api/v1/accounts")
    @Auth(Auth.Level.APP)
    public Map<String, Object> create(Params params, ApiPrincipal caller, HttpServletRequest request) {
        rateLimits.acquire(RateLimits.Limit.ACCOUNT_CREATION, request.getRemoteAddr());
        String username = params.string("username").filter(s -> !s.isBlank()).orElse(null);
        String email = params.string("email").filter(s -> !s.isBlank()).orElse(null);
        String password = params.string("password").filter(s -> !s.isEmpty()).orElse(null);
        boolean agreed;
        try {
            agreed = params.bool("agreement").orElse(false);
        } catch (ApiException notABoolean) {
            agreed = false;
        }
        if (username == null || email == null || password == null || !agreed) {
            throw ApiException.error(HttpStatus.BAD_REQUEST, "Missing parameters");
        }
        AccountView account;
        try {
            captcha.verify(params);
            Long invite = requiredInvite(params);
            account = registrations.register(new Registrations.Form(username, email,
                    params.string("fullname").filter(s -> !s.isBlank()).orElse(username),
                    params.string("bio").orElse(""), password, password), invite);
        } catch (RuntimeException e) {
            // Mastodon-style registration answers the field map as an object, not a JSON string.
            if (ApiErrorHandler.unwrap(e) instanceof RegistrationRejected rejected) {
                throw new ApiException(HttpStatus.BAD_REQUEST, Map.of("error", rejected.fieldErrors()));
            }
            throw e;
        }
        App app = queries.one(new AuthQueries.AppById(caller.appId()), App.class);
        List<String> scopes = app == null ? caller.scopes() : app.scopes();
        TokenIssuer.Issued issued = issuer.issue(caller.appId(), account.accountId(), scopes, GrantType.REGISTRATION);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token_type", "Bearer");
        out.put("access_token", issued.accessToken());
        out.put("refresh_token", issued.refreshToken());
        out.put("scope", issued.scopes());
        out.put("created_at", issued.createdAt().getEpochSecond());
        out.put("expires_in", issued.expiresIn());
        return out;
    }

    /**
     * With registrations closed, the invite named by {@code token} (400 "Invalid token" when there
     * is none); null while registrations are open.
     */
    private Long requiredInvite(Params params) {
        if (registrationsOpen) {
            return null;
        }
        String token = params.string("token").filter(t -> !t.isBlank()).orElse(null);
        InviteQueries.Invite invite = token == null ? null
                : queries.one(new InviteQueries.ByTokenDigest(InviteTokens.digestOf(token)), InviteQueries.Invite.class);
        if (invite == null) {
            throw ApiException.bare(HttpStatus.BAD_REQUEST, "Invalid token");
        }
        return invite.inviteId();
    }
}
