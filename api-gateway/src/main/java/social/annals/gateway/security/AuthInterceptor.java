package social.annals.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import social.annals.gateway.web.ApiException;

/**
 * Applies an endpoint's {@link Auth} rule and decides the viewer the controller sees, with
 * Pleroma's refusal bodies. Scopes are only checked for token-authenticated requests.
 */
@Component
public class AuthInterceptor implements HandlerInterceptor {

    public static final String VIEWER = AuthInterceptor.class.getName() + ".viewer";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        ApiPrincipal principal = (ApiPrincipal) request.getAttribute(ApiAuthenticationFilter.PRINCIPAL);
        Auth rule = method.getMethodAnnotation(Auth.class);
        request.setAttribute(VIEWER, viewer(rule, principal));
        return true;
    }

    static ApiPrincipal viewer(Auth rule, ApiPrincipal principal) {
        boolean adminTokenOnly = principal != null && principal.method() == ApiPrincipal.Method.ADMIN_TOKEN;
        if (rule == null) {
            return principal != null && principal.isUser() ? principal : null;
        }
        switch (rule.value()) {
            case REQUIRED -> {
                if (principal == null || !principal.isUser()) {
                    throw ApiException.invalidCredentials();
                }
                if (!principal.hasAnyScope(rule.scope())) {
                    throw insufficient(rule.scope());
                }
                return principal;
            }
            case OPTIONAL -> {
                return principal != null && principal.isUser() && principal.hasAnyScope(rule.scope()) ? principal : null;
            }
            case APP -> {
                if (principal == null || principal.appId() == null) {
                    throw ApiException.error(HttpStatus.FORBIDDEN, "Invalid credentials");
                }
                return principal;
            }
            case ADMIN -> {
                if (adminTokenOnly) {
                    return principal;
                }
                if (principal == null || !principal.isUser()) {
                    throw ApiException.invalidCredentials();
                }
                if (!principal.admin()) {
                    throw ApiException.error(HttpStatus.FORBIDDEN, "User is not admin.");
                }
                String[] scopes = rule.scope().length == 0 ? new String[] {"write"} : rule.scope();
                if (!principal.hasAnyScope(scopes) && !principal.hasScope("admin")) {
                    throw insufficient(scopes);
                }
                return principal;
            }
            default -> throw new IllegalStateException("unknown auth level " + rule.value());
        }
    }

    private static ApiException insufficient(String[] anyOf) {
        return ApiException.error(HttpStatus.FORBIDDEN, "Insufficient permissions: " + String.join(" | ", anyOf) + ".");
    }
}
