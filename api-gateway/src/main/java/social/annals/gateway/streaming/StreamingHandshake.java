package social.annals.gateway.streaming;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import social.annals.gateway.security.ApiAuthenticationFilter;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.gateway.security.Authenticator;

/**
 * Who connects and to what, before the upgrade: a token as {@code access_token}, as the
 * session cookie (both read by the authentication filter) or as {@code Sec-WebSocket-Protocol}
 * (as Mastodon accepts it); a bad token or a stream that needs one without it answers 401, an
 * unknown stream or a hashtag stream without its tag 400, in JSON, and no socket is opened.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class StreamingHandshake implements HandshakeInterceptor {

    static final String PROTOCOL_HEADER = "Sec-WebSocket-Protocol";
    private static final String[] READ_SCOPES = {"read:statuses", "read:notifications"};

    private final Authenticator authenticator;
    private final LiveFeed feed;

    public StreamingHandshake(Authenticator authenticator, LiveFeed feed) {
        this.authenticator = authenticator;
        this.feed = feed;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        HttpServletRequest servlet = ((ServletServerHttpRequest) request).getServletRequest();
        ApiPrincipal viewer = (ApiPrincipal) servlet.getAttribute(ApiAuthenticationFilter.PRINCIPAL);
        String protocolToken = servlet.getHeader(PROTOCOL_HEADER);
        if (viewer == null && protocolToken != null && !protocolToken.isBlank()) {
            viewer = viewerOf(protocolToken.trim()).orElse(null);
        }
        boolean tokenSent = servlet.getParameter("access_token") != null || protocolToken != null;
        if ((tokenSent && viewer == null) || (viewer != null && !mayRead(viewer))) {
            return refuse(response, HttpStatus.UNAUTHORIZED, "Invalid access token");
        }
        String name = servlet.getParameter("stream");
        if (name != null) {
            Optional<Stream> stream = Stream.of(name, servlet.getParameter("tag"));
            if (stream.isEmpty()) {
                return refuse(response, HttpStatus.BAD_REQUEST, "Unknown stream type");
            }
            if (stream.get().needsViewer() && viewer == null) {
                return refuse(response, HttpStatus.UNAUTHORIZED, "Missing access token");
            }
            attributes.put(StreamingHandler.INITIAL_STREAM, stream.get());
        }
        if (viewer != null) {
            attributes.put(StreamingHandler.VIEWER, viewer);
        }
        attributes.put(StreamingHandler.SINCE, feed.lastPosition());
        return true;
    }

    /** The user a token signs in, if it may read their streams. */
    Optional<ApiPrincipal> viewerOf(String token) {
        return token.isEmpty() ? Optional.empty()
                : authenticator.byToken(token, ApiPrincipal.Method.BEARER).filter(StreamingHandshake::mayRead);
    }

    private static boolean mayRead(ApiPrincipal viewer) {
        return viewer.isUser() && viewer.hasAnyScope(READ_SCOPES);
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }

    private static boolean refuse(ServerHttpResponse response, HttpStatus status, String message) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        try {
            response.getBody().write(("{\"error\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            // The client is gone.
        }
        return false;
    }
}
