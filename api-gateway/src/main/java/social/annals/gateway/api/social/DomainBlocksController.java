package social.annals.gateway.api.social;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import social.annals.command.account.DomainBlockCommands;
import social.annals.gateway.api.Queries;
import social.annals.gateway.consistency.Commands;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.gateway.security.Auth;
import social.annals.gateway.web.ApiException;
import social.annals.gateway.web.Params;
import social.annals.query.social.RelationshipQueries;

/**
 * The caller's blocked domains (Mastodon's domain blocks). Every account here is local, so a
 * domain block hides nothing yet; it takes effect on the accounts of that domain once they exist.
 */
@RestController
public class DomainBlocksController {

    private final Commands commands;
    private final Queries queries;

    public DomainBlocksController(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping("/api/v1/domain_blocks")
    @Auth(value = Auth.Level.REQUIRED, scope = {"follow", "read:blocks"})
    public List<String> list(ApiPrincipal caller) {
        return queries.many(new RelationshipQueries.BlockedDomains(caller.accountId()), String.class);
    }

    @PostMapping("/api/v1/domain_blocks")
    @Auth(value = Auth.Level.REQUIRED, scope = {"follow", "write:blocks"})
    public Map<String, Object> block(Params params, ApiPrincipal caller) {
        commands.sendAndWait(new DomainBlockCommands.Block(caller.accountId(), domain(params)));
        return Map.of();
    }

    @DeleteMapping("/api/v1/domain_blocks")
    @Auth(value = Auth.Level.REQUIRED, scope = {"follow", "write:blocks"})
    public Map<String, Object> unblock(Params params, ApiPrincipal caller) {
        commands.sendAndWait(new DomainBlockCommands.Unblock(caller.accountId(), domain(params)));
        return Map.of();
    }

    private static String domain(Params params) {
        String domain = DomainBlockCommands.normalise(params.required("domain"));
        if (!DomainBlockCommands.isValid(domain)) {
            throw ApiException.error(HttpStatus.UNPROCESSABLE_ENTITY, "Validation failed: Domain is not a valid domain");
        }
        return domain;
    }
}
