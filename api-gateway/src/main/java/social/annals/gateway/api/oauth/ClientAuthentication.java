package social.annals.gateway.api.oauth;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;
import social.annals.command.secrets.Digests;
import social.annals.gateway.api.Queries;
import social.annals.gateway.web.Params;
import social.annals.query.auth.AuthQueries.App;
import social.annals.query.auth.AuthQueries;

/** OAuth client authentication: HTTP Basic of the url-encoded id and secret, else body parameters. */
@Component
public class ClientAuthentication {

    private final Queries queries;

    public ClientAuthentication(Queries queries) {
        this.queries = queries;
    }

    public Optional<App> authenticate(HttpServletRequest request, Params params) {
        String clientId = params.stringOrNull("client_id");
        String clientSecret = params.stringOrNull("client_secret");
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                    clientSecret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (clientId == null || clientSecret == null) {
            return Optional.empty();
        }
        App app = queries.one(new AuthQueries.AppByClientId(clientId), App.class);
        if (app == null || !Digests.constantTimeEquals(app.clientSecretDigest(), Digests.token(clientSecret))) {
            return Optional.empty();
        }
        return Optional.of(app);
    }
}
