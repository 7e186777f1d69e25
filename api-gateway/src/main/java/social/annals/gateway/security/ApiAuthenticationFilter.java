package social.annals.gateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import social.annals.command.secrets.Digests;
import social.annals.gateway.security.SessionCookie.Session;

/**
 * Identifies the caller in Pleroma's order: OAuth bearer (header or {@code access_token}), the
 * session cookie, HTTP Basic (nickname or e-mail), then {@code admin_token}. The first that yields
 * an active account wins; failing credentials simply leave the request anonymous, and the
 * endpoint decides. Authenticated API requests get the session cookie, as Pleroma sets it.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

    public static final String PRINCIPAL = ApiAuthenticationFilter.class.getName() + ".principal";
    private static final Pattern BEARER = Pattern.compile("^bearer:?\\s+(\\S+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern BASIC = Pattern.compile("^basic\\s+(\\S+)$", Pattern.CASE_INSENSITIVE);

    private final Authenticator authenticator;
    private final SessionCookie sessionCookie;
    private final String adminToken;

    public ApiAuthenticationFilter(Authenticator authenticator, SessionCookie sessionCookie, String adminToken) {
        this.authenticator = authenticator;
        this.sessionCookie = sessionCookie;
        this.adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Session> session = sessionCookie.read(request);
        ApiPrincipal principal = null;

        String header = bearerHeader(request);
        String bearer = header != null ? header : accessTokenParameter(request);
        if (bearer != null) {
            principal = authenticator.byToken(bearer, ApiPrincipal.Method.BEARER).orElse(null);
            // Only a token the client sent as a header goes into the cookie: a token in a link's
            // query string must not replace the session of whoever follows the link.
            if (principal != null && principal.isUser() && header != null
                    && !session.map(s -> bearer.equals(s.token())).orElse(false)) {
                response.addHeader("Set-Cookie", sessionCookie.headerFor(new Session(bearer, principal.accountId())));
            }
        }
        if (principal == null && session.isPresent() && session.get().token() != null) {
            principal = authenticator.byToken(session.get().token(), ApiPrincipal.Method.COOKIE).orElse(null);
        }
        // On the OAuth endpoints a Basic header authenticates the client app, not a user.
        if (principal == null && !request.getRequestURI().startsWith("/oauth/")) {
            String[] basic = basicCredentials(request);
            if (basic != null) {
                ApiPrincipal account;
                try {
                    account = authenticator.byPassword(basic[0], basic[1], request.getRemoteAddr()).orElse(null);
                } catch (RateLimits.Throttled throttled) {
                    throttled(response, throttled);
                    return;
                }
                if (account != null && !session.map(s -> s.token() == null
                        && account.accountId().equals(s.accountId())).orElse(false)) {
                    response.addHeader("Set-Cookie", sessionCookie.headerFor(new Session(null, account.accountId())));
                }
                principal = account;
            }
        }
        if (principal == null && adminToken != null
                && Digests.constantTimeEquals(adminToken, request.getParameter("admin_token"))) {
            principal = ApiPrincipal.adminToken();
        }

        if (principal != null) {
            request.setAttribute(PRINCIPAL, principal);
            List<SimpleGrantedAuthority> authorities = principal.admin()
                    ? List.of(new SimpleGrantedAuthority("ROLE_ADMIN")) : Collections.emptyList();
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void throttled(HttpServletResponse response, RateLimits.Throttled throttled) throws IOException {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"error\":\"Throttled\"}");
    }

    private static String bearerHeader(HttpServletRequest request) {
        for (String header : Collections.list(request.getHeaders("Authorization"))) {
            Matcher matcher = BEARER.matcher(header.trim());
            if (matcher.matches()) {
                return matcher.group(1);
            }
        }
        return null;
    }

    private static String accessTokenParameter(HttpServletRequest request) {
        String param = request.getParameter("access_token");
        return param == null || param.isBlank() ? null : param;
    }

    private static String[] basicCredentials(HttpServletRequest request) {
        for (String header : Collections.list(request.getHeaders("Authorization"))) {
            Matcher matcher = BASIC.matcher(header.trim());
            if (matcher.matches()) {
                try {
                    String decoded = new String(Base64.getDecoder().decode(matcher.group(1)), StandardCharsets.UTF_8);
                    int colon = decoded.indexOf(':');
                    return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
