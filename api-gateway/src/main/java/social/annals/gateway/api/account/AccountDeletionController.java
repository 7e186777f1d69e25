package social.annals.gateway.api.account;

import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import social.annals.command.account.AccountDeletionCommands;
import social.annals.gateway.consistency.Commands;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.gateway.security.Auth;
import social.annals.gateway.security.Authenticator;
import social.annals.gateway.web.Params;

/** {@code POST /api/pleroma/delete_account}: deactivates at once; the deletion itself runs as a process. */
@RestController
public class AccountDeletionController {

    private final Commands commands;
    private final Authenticator authenticator;

    public AccountDeletionController(Commands commands, Authenticator authenticator) {
        this.commands = commands;
        this.authenticator = authenticator;
    }

    /** A wrong or missing password is a 200 with an error, as in Pleroma. */
    @PostMapping("/api/pleroma/delete_account")
    @Auth(value = Auth.Level.REQUIRED, scope = "write:accounts")
    public Map<String, Object> delete(Params params, ApiPrincipal caller) {
        if (!authenticator.confirmsPassword(caller.accountId(), params.stringOrNull("password"))) {
            return Map.of("error", "Invalid password.");
        }
        commands.sendAndWait(new AccountDeletionCommands.Delete(caller.accountId(), caller.accountId()));
        return Map.of("status", "success");
    }
}
