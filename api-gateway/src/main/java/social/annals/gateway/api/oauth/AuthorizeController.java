package social.annals.gateway.api.oauth;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import social.annals.gateway.api.Queries;
import social.annals.gateway.security.Authenticator;
import social.annals.gateway.security.RateLimits;
import social.annals.gateway.web.HtmlPage;
import social.annals.gateway.web.Params;
import social.annals.query.auth.AuthQueries.App;
import social.annals.query.auth.AuthQueries.Credentials;
import social.annals.query.auth.AuthQueries;

/**
 * The authorization-code flow's server-rendered login: the form, then a redirect to the client's
 * {@code redirect_uri} with {@code code} and {@code state} (or the code on a page for the OOB URI).
 */
@RestController
public class AuthorizeController {

    static final String OUT_OF_BAND = "urn:ietf:wg:oauth:2.0:oob";

    private final Queries queries;
    private final Authenticator authenticator;
    private final TokenIssuer issuer;

    public AuthorizeController(Queries queries, Authenticator authenticator, TokenIssuer issuer) {
        this.queries = queries;
        this.authenticator = authenticator;
        this.issuer = issuer;
    }

    /** What the form carries from the authorize link to the POST. */
    record Request(String clientId, String redirectUri, String scope, String state) {
    }

    @GetMapping("/oauth/authorize")
    public ResponseEntity<String> form(Params params) {
        Request request = new Request(params.stringOrNull("client_id"), params.stringOrNull("redirect_uri"),
                params.stringOrNull("scope"), params.stringOrNull("state"));
        Optional<String> problem = problem(request, app(request));
        if (problem.isPresent()) {
            return page(HttpStatus.BAD_REQUEST, problem.get(), null, null);
        }
        return page(HttpStatus.OK, null, request, app(request).name());
    }

    @PostMapping("/oauth/authorize")
    public ResponseEntity<String> authorize(Params params, HttpServletRequest httpRequest) {
        Request request = new Request(field(params, "client_id"), field(params, "redirect_uri"),
                field(params, "scope"), field(params, "state"));
        App app = app(request);
        Optional<String> problem = problem(request, app);
        if (problem.isPresent()) {
            return page(HttpStatus.BAD_REQUEST, problem.get(), null, null);
        }
        Optional<List<String>> scopes = Scopes.grantable(app, Scopes.parse(request.scope()));
        if (scopes.isEmpty()) {
            return page(HttpStatus.UNAUTHORIZED, "This app may not ask for these permissions.", request, app.name());
        }
        Optional<Credentials> account;
        try {
            account = authenticator.checkPassword(field(params, "name"), field(params, "password"),
                    httpRequest.getRemoteAddr());
        } catch (RateLimits.Throttled throttled) {
            return page(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts: try again in a minute.", request,
                    app.name());
        }
        if (account.isEmpty()) {
            return page(HttpStatus.UNAUTHORIZED, "Invalid Username/Password", request, app.name());
        }
        if (account.get().deactivated()) {
            return page(HttpStatus.FORBIDDEN, "Your account is currently disabled", request, app.name());
        }
        String code = issuer.authorizationCode(app.appId(), account.get().accountId(), scopes.get(),
                request.redirectUri());
        if (OUT_OF_BAND.equals(request.redirectUri())) {
            return html(HttpStatus.OK, "<h1>Authorization code</h1><p>Copy this code into " + escape(app.name())
                    + ":</p><pre id=\"code\">" + escape(code) + "</pre>");
        }
        StringBuilder location = new StringBuilder(request.redirectUri())
                .append(request.redirectUri().contains("?") ? '&' : '?').append("code=").append(encode(code));
        if (request.state() != null && !request.state().isEmpty()) {
            location.append("&state=").append(encode(request.state()));
        }
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, location.toString()).build();
    }

    private App app(Request request) {
        return request.clientId() == null ? null
                : queries.one(new AuthQueries.AppByClientId(request.clientId()), App.class);
    }

    /** An unknown client or a redirect URI the app did not register ends the flow here, never redirecting. */
    private static Optional<String> problem(Request request, App app) {
        if (app == null) {
            return Optional.of("Unknown client.");
        }
        String redirect = request.redirectUri();
        boolean registered = redirect != null
                && Arrays.asList(app.redirectUris().trim().split("\\s+")).contains(redirect);
        return registered ? Optional.empty() : Optional.of("The redirect URI was not registered by this app.");
    }

    /** A form field: {@code authorization[name]} as forms send it, or nested as JSON sends it. */
    private static String field(Params params, String name) {
        if (params.raw("authorization") instanceof Map<?, ?> nested && nested.get(name) != null) {
            return nested.get(name).toString();
        }
        return params.string("authorization[" + name + "]").or(() -> params.string(name)).orElse(null);
    }

    private static ResponseEntity<String> page(HttpStatus status, String error, Request request, String appName) {
        StringBuilder body = new StringBuilder();
        if (appName != null) {
            body.append("<h1>Log in to authorize ").append(escape(appName)).append("</h1>");
        }
        if (error != null) {
            body.append("<p class=\"error\" role=\"alert\">").append(escape(error)).append("</p>");
        }
        if (request != null) {
            body.append("<form method=\"post\" action=\"/oauth/authorize\">")
                    .append("<label>Nickname or e-mail <input name=\"authorization[name]\" autocomplete=\"username\" required></label>")
                    .append("<label>Password <input name=\"authorization[password]\" type=\"password\" autocomplete=\"current-password\" required></label>")
                    .append(hidden("client_id", request.clientId()))
                    .append(hidden("redirect_uri", request.redirectUri()))
                    .append(hidden("scope", request.scope()))
                    .append(hidden("state", request.state()))
                    .append("<button type=\"submit\">Authorize</button></form>");
        }
        return html(status, body.toString());
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"authorization[" + name + "]\" value=\""
                + escape(value == null ? "" : value) + "\">";
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return HtmlPage.of(status, body);
    }

    private static String escape(String text) {
        return HtmlPage.escape(text);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
