package social.annals.gateway.api.account;

import com.fasterxml.jackson.databind.node.TextNode;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import social.annals.command.account.PasswordResetCommands;
import social.annals.command.account.PasswordResetRefused;
import social.annals.command.secrets.Digests;
import social.annals.gateway.api.Queries;
import social.annals.gateway.api.admin.Moderators;
import social.annals.gateway.consistency.Commands;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.gateway.security.Auth;
import social.annals.gateway.web.ApiErrorHandler;
import social.annals.gateway.web.HtmlPage;
import social.annals.gateway.web.Params;
import social.annals.query.account.AccountView;
import social.annals.query.auth.AuthQueries;

/**
 * Password reset as in Pleroma: an admin issues a single-use token, the user opens
 * {@code /api/pleroma/password_reset/:token} and sets a new password, which ends every OAuth token.
 */
@RestController
public class PasswordResetController {

    private final Commands commands;
    private final Queries queries;
    private final Moderators moderators;
    private final SecureRandom random = new SecureRandom();

    public PasswordResetController(Commands commands, Queries queries, Moderators moderators) {
        this.commands = commands;
        this.queries = queries;
        this.moderators = moderators;
    }

    /** 32 random bytes, URL-safe Base64 with padding; only the digest is recorded. Not moderation-logged. */
    @GetMapping({"/api/pleroma/admin/users/{nickname}/password_reset", "/api/pleroma/admin/password_reset"})
    @Auth(Auth.Level.ADMIN)
    public TextNode issue(Params params, ApiPrincipal caller) {
        AccountView account = moderators.account(params.stringOrNull("nickname"));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().encodeToString(bytes);
        commands.sendAndWait(new PasswordResetCommands.Issue(account.accountId(), Digests.token(token),
                moderators.of(caller).nickname()));
        return TextNode.valueOf(token);
    }

    @GetMapping("/api/pleroma/password_reset/{token}")
    public ResponseEntity<String> form(@PathVariable String token) {
        if (accountOf(token) == null) {
            return HtmlPage.of(HttpStatus.NOT_FOUND, "<h1>Invalid token</h1><p>This reset link is not valid.</p>");
        }
        return HtmlPage.of(HttpStatus.OK, "<h1>Password reset</h1>"
                + "<form method=\"post\" action=\"/api/pleroma/password_reset\">"
                + "<input type=\"hidden\" name=\"data[token]\" value=\"" + HtmlPage.escape(token) + "\">"
                + "<label>New password <input name=\"data[password]\" type=\"password\" "
                + "autocomplete=\"new-password\" required></label>"
                + "<label>Confirm <input name=\"data[password_confirmation]\" type=\"password\" "
                + "autocomplete=\"new-password\" required></label>"
                + "<button type=\"submit\">Reset</button></form>");
    }

    @PostMapping("/api/pleroma/password_reset")
    public ResponseEntity<String> reset(Params params) {
        String token = field(params, "token");
        String password = field(params, "password");
        String accountId = token == null ? null : accountOf(token);
        if (accountId == null) {
            return HtmlPage.of(HttpStatus.NOT_FOUND, "<h1>Invalid token</h1><p>This reset link is not valid.</p>");
        }
        if (password == null || password.isEmpty() || !password.equals(field(params, "password_confirmation"))) {
            return HtmlPage.of(HttpStatus.BAD_REQUEST, "<h1>Password reset failed</h1>"
                    + "<p>The password and its confirmation must be given and match.</p>");
        }
        try {
            commands.sendAndWait(new PasswordResetCommands.Reset(accountId, Digests.token(token), password));
        } catch (RuntimeException e) {
            if (ApiErrorHandler.unwrap(e) instanceof PasswordResetRefused refused) {
                return HtmlPage.of(HttpStatus.BAD_REQUEST, "<h1>Password reset failed</h1><p>"
                        + HtmlPage.escape(refused.getMessage()) + "</p>");
            }
            throw e;
        }
        return HtmlPage.of(HttpStatus.OK, "<h1>Password changed!</h1><p>You can now log in with it.</p>");
    }

    private String accountOf(String token) {
        return queries.one(new AuthQueries.PasswordResetAccount(Digests.token(token)), String.class);
    }

    /** {@code data[name]}, flat from a form or nested in a JSON {@code data} object. */
    private static String field(Params params, String name) {
        if (params.raw("data") instanceof Map<?, ?> data && data.get(name) != null) {
            return data.get(name).toString();
        }
        return params.stringOrNull("data[" + name + "]");
    }
}
