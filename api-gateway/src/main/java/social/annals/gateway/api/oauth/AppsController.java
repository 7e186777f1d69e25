package social.annals.gateway.api.oauth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import social.annals.command.ids.FlakeIdGenerator;
import social.annals.command.oauth.OAuthCommands;
import social.annals.command.secrets.Digests;
import social.annals.gateway.api.Queries;
import social.annals.gateway.consistency.Commands;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.gateway.security.Auth;
import social.annals.gateway.security.Tokens;
import social.annals.gateway.web.ApiException;
import social.annals.gateway.web.Params;
import social.annals.query.auth.AuthQueries.App;
import social.annals.query.auth.AuthQueries;

@RestController
public class AppsController {

    private final Commands commands;
    private final Queries queries;
    private final FlakeIdGenerator ids;
    private final Tokens tokens;

    public AppsController(Commands commands, Queries queries, FlakeIdGenerator ids, Tokens tokens) {
        this.commands = commands;
        this.queries = queries;
        this.ids = ids;
        this.tokens = tokens;
    }

    @PostMapping("/api/v1/apps")
    public Map<String, Object> register(Params params) {
        String name = params.string("client_name").filter(s -> !s.isBlank()).orElse(null);
        String redirectUris = params.string("redirect_uris").filter(s -> !s.isBlank()).orElse(null);
        List<String> errors = new ArrayList<>();
        if (name == null) {
            errors.add("can't be blank");
        }
        if (redirectUris == null) {
            errors.add("can't be blank");
        }
        if (!errors.isEmpty()) {
            throw ApiException.error(HttpStatus.UNPROCESSABLE_ENTITY, String.join(", ", errors));
        }
        List<String> scopes = Scopes.from(params);
        if (scopes.isEmpty()) {
            scopes = List.of("read");
        }
        String appId = ids.next();
        String clientId = tokens.newSecret();
        String clientSecret = tokens.newSecret();
        String website = params.string("website").filter(s -> !s.isBlank()).orElse(null);
        commands.sendAndWait(new OAuthCommands.RegisterApp(appId, clientId, Digests.token(clientSecret), name,
                redirectUris, scopes, website));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", appId);
        out.put("name", name);
        out.put("website", website);
        out.put("client_id", clientId);
        out.put("client_secret", clientSecret);
        out.put("redirect_uri", redirectUris);
        out.put("vapid_key", null);
        return out;
    }

    @GetMapping("/api/v1/apps/verify_credentials")
    @Auth(Auth.Level.APP)
    public Map<String, Object> verifyCredentials(ApiPrincipal caller) {
        App app = queries.one(new AuthQueries.AppById(caller.appId()), App.class);
        if (app == null) {
            throw ApiException.error(HttpStatus.FORBIDDEN, "Invalid credentials");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", app.name());
        out.put("website", app.website());
        out.put("vapid_key", null);
        return out;
    }
}
