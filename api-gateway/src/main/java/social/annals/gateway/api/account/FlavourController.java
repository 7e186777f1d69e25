package social.annals.gateway.api.account;

import com.fasterxml.jackson.databind.node.TextNode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import social.annals.command.account.AccountCommands;
import social.annals.gateway.api.Queries;
import social.annals.gateway.consistency.Commands;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.gateway.security.Auth;
import social.annals.query.account.AccountQueries;

/** The embedded Mastodon web front-end's flavour (Pleroma's pre-1.0 extension); answers are bare JSON strings. */
@RestController
public class FlavourController {

    private final Commands commands;
    private final Queries queries;

    public FlavourController(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping("/api/v1/pleroma/flavour")
    @Auth(value = Auth.Level.REQUIRED, scope = "read")
    public TextNode flavour(ApiPrincipal caller) {
        String flavour = queries.one(new AccountQueries.Flavour(caller.accountId()), String.class);
        return TextNode.valueOf(flavour == null ? AccountCommands.ChangeFlavour.DEFAULT : flavour);
    }

    @PostMapping("/api/v1/pleroma/flavour/{flavour}")
    @Auth(value = Auth.Level.REQUIRED, scope = "write")
    public TextNode choose(@PathVariable String flavour, ApiPrincipal caller) {
        commands.sendAndWait(new AccountCommands.ChangeFlavour(caller.accountId(), flavour));
        return TextNode.valueOf(flavour);
    }
}
