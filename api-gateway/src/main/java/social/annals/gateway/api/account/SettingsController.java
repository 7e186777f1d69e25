package social.annals.gateway.api.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import social.annals.command.account.AccountCommands;
import social.annals.command.account.EmailRejected;
import social.annals.command.oauth.OAuthCommands;
import social.annals.gateway.api.Queries;
import social.annals.gateway.consistency.Commands;
import social.annals.gateway.render.Dates;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.gateway.security.Auth;
import social.annals.gateway.security.Authenticator;
import social.annals.gateway.web.ApiErrorHandler;
import social.annals.gateway.web.ApiException;
import social.annals.gateway.web.Params;
import social.annals.query.auth.AuthQueries;

/** Password and e-mail changes, two-factor settings and the account's OAuth tokens, as Pleroma's settings page uses them. */
@RestController
public class SettingsController {

    private final Commands commands;
    private final Queries queries;
    private final Authenticator authenticator;

    public SettingsController(Commands commands, Queries queries, Authenticator authenticator) {
        this.commands = commands;
        this.queries = queries;
        this.authenticator = authenticator;
    }

    /** Pleroma answers every outcome with 200; refusals carry an {@code error}. */
    @PostMapping("/api/pleroma/change_password")
    @Auth(value = Auth.Level.REQUIRED, scope = "write:accounts")
    public Map<String, Object> changePassword(Params params, ApiPrincipal caller) {
        if (!authenticator.confirmsPassword(caller.accountId(), params.stringOrNull("password"))) {
            return Map.of("error", "Invalid password.");
        }
        String newPassword = params.string("new_password").orElse("");
        if (newPassword.isEmpty()) {
            return Map.of("error", "New password can't be blank.");
        }
        if (!newPassword.equals(params.string("new_password_confirmation").orElse(null))) {
            return Map.of("error", "New password does not match confirmation.");
        }
        commands.sendAndWait(new AccountCommands.ChangePassword(caller.accountId(), newPassword));
        return Map.of("status", "success");
    }

    /** Like the password change: 200 for every outcome, refusals in {@code error}. */
    @PostMapping("/api/pleroma/change_email")
    @Auth(value = Auth.Level.REQUIRED, scope = "write:accounts")
    public Map<String, Object> changeEmail(Params params, ApiPrincipal caller) {
        if (!authenticator.confirmsPassword(caller.accountId(), params.stringOrNull("password"))) {
            return Map.of("error", "Invalid password.");
        }
        try {
            commands.sendAndWait(new AccountCommands.ChangeEmail(caller.accountId(),
                    params.string("email").orElse("")));
        } catch (RuntimeException e) {
            if (ApiErrorHandler.unwrap(e) instanceof EmailRejected rejected) {
                return Map.of("error", rejected.getMessage());
            }
            throw e;
        }
        return Map.of("status", "success");
    }

    /** Two-factor authentication is not offered, so it is off for everyone; the settings page asks at every open. */
    @GetMapping("/api/pleroma/accounts/mfa")
    @Auth(value = Auth.Level.REQUIRED, scope = "read:security")
    public Map<String, Object> multiFactorSettings(ApiPrincipal caller) {
        return Map.of("settings", Map.of("enabled", false, "totp", false));
    }

    @GetMapping("/api/oauth_tokens.json")
    @Auth(value = Auth.Level.REQUIRED, scope = "read:security")
    public List<Map<String, Object>> tokens(ApiPrincipal caller) {
        return queries.many(new AuthQueries.TokensOfAccount(caller.accountId()), AuthQueries.TokenWithApp.class)
                .stream().map(token -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("id", token.tokenId());
                    out.put("app_name", token.appName());
                    out.put("valid_until", Dates.mastodon(token.expiresAt()));
                    return out;
                }).toList();
    }

    @DeleteMapping("/api/oauth_tokens/{id}")
    @Auth(value = Auth.Level.REQUIRED, scope = "write:security")
    public Map<String, Object> revoke(@PathVariable String id, ApiPrincipal caller) {
        AuthQueries.TokenWithApp token = queries.many(new AuthQueries.TokensOfAccount(caller.accountId()),
                        AuthQueries.TokenWithApp.class).stream()
                .filter(candidate -> candidate.tokenId().equals(id)).findFirst()
                .orElseThrow(ApiException::notFound);
        commands.sendAndWait(new OAuthCommands.RevokeAccessToken(token.tokenId(), token.appId()));
        return Map.of();
    }
}
