package social.annals.gateway.streaming;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/** Mastodon's streaming API at {@code /api/v1/streaming}, on every node that serves HTTP. */
@Configuration
@EnableWebSocket
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class StreamingConfiguration implements WebSocketConfigurer {

    /** Clients only send small subscribe messages; a larger frame closes the socket (1009). */
    static final int MAX_MESSAGE_BYTES = 8 * 1024;

    private final StreamingHandler handler;
    private final StreamingHandshake handshake;

    public StreamingConfiguration(StreamingHandler handler, StreamingHandshake handshake) {
        this.handler = handler;
        this.handshake = handshake;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/api/v1/streaming", "/api/v1/streaming/")
                .addInterceptors(handshake)
                .setHandshakeHandler(new TokenAsProtocolHandshakeHandler())
                .setAllowedOriginPatterns("*");
    }

    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(MAX_MESSAGE_BYTES);
        container.setMaxBinaryMessageBufferSize(MAX_MESSAGE_BYTES);
        container.setMaxSessionIdleTimeout(0L);
        return container;
    }

    /** A client that sends its token as the sub-protocol gets it back as the chosen one: browsers insist. */
    static final class TokenAsProtocolHandshakeHandler extends DefaultHandshakeHandler {
        @Override
        protected String selectProtocol(List<String> requestedProtocols, WebSocketHandler webSocketHandler) {
            return requestedProtocols.isEmpty() ? null : requestedProtocols.get(0);
        }
    }
}
