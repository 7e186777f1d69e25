package social.annals.gateway.emoji;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.FileSystemResource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import social.annals.command.emoji.EmojiCommands;
import social.annals.gateway.consistency.Commands;

/**
 * Loads the emoji sources when the server starts (recording only what changed since the last
 * load) and serves their images at {@code /emoji/}: the operator's files first, then the bundled ones.
 * Only servers load them: a command-line run may see another working directory and configuration.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class EmojiStartup implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(EmojiStartup.class);

    private final EmojiSources sources;
    private final Commands commands;

    public EmojiStartup(EmojiSources sources, Commands commands) {
        this.sources = sources;
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void loadAtStartup() {
        // Nodes starting together race on the registry; the loser's reload is then a no-op anyway.
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                commands.sendAndWait(EmojiCommands.Reload.of(sources.load(), null));
                return;
            } catch (RuntimeException e) {
                log.warn("Custom emoji reload at startup failed (attempt {}): {}", attempt, e.getMessage());
            }
        }
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/emoji/**")
                .addResourceLocations(new FileSystemResource(sources.emojiDirectory() + "/"))
                .addResourceLocations("classpath:/static/emoji/");
    }
}
