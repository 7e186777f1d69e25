package social.annals.gateway.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves a built web frontend (e.g. Pleroma-FE) from the directory named by {@code annals.frontend.dir}:
 * its files as they are, and {@code index.html} for any other path the API does not own, so the
 * frontend's history-mode routes ({@code /main/all}, {@code /users/bob}, {@code /bob}) load it.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class FrontendConfiguration implements WebMvcConfigurer {

    /** Paths that always belong to the API: an unknown one there is a JSON 404, never the frontend. */
    static final List<String> API_PREFIXES = List.of("api/", "oauth/", "nodeinfo/", ".well-known/", "actuator/",
            "media/", "proxy/", "objects/", "activities/", "inbox", "internal/");

    private final String configured;

    public FrontendConfiguration(@Value("${annals.frontend.dir:}") String configured) {
        this.configured = configured;
    }

    /** The frontend's page, for routes a controller shares with ActivityPub (an actor's URL) when a browser asks. */
    public Optional<Resource> indexPage() {
        if (configured == null || configured.isBlank()) {
            return Optional.empty();
        }
        Path index = Path.of(configured).toAbsolutePath().normalize().resolve("index.html");
        return Files.isRegularFile(index) ? Optional.of(new FileSystemResource(index)) : Optional.empty();
    }

    /** The resource handler ignores the empty path, so the root forwards to the index explicitly. */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        if (configured != null && !configured.isBlank()) {
            registry.addViewController("/").setViewName("forward:/index.html");
        }
    }

    /** The server's own static files (default avatar and banner) first, then the frontend's. */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        if (configured == null || configured.isBlank()) {
            return; // Spring Boot's default static handler serves the server's own files
        }
        Path directory = Path.of(configured).toAbsolutePath().normalize();
        FileSystemResource frontend = new FileSystemResource(directory + "/");
        registry.addResourceHandler("/**")
                .addResourceLocations("classpath:/static/")
                .addResourceLocations(frontend)
                .resourceChain(true)
                .addResolver(new PathResourceResolver() {
                    @Override
                    protected Resource getResource(String resourcePath, Resource location) throws IOException {
                        if (API_PREFIXES.stream().anyMatch(resourcePath::startsWith) || resourcePath.equals("api")) {
                            return null;
                        }
                        Resource file = super.getResource(resourcePath, location);
                        if (file != null || !location.equals(frontend)) {
                            return file;
                        }
                        Path index = directory.resolve("index.html");
                        return Files.isRegularFile(index) ? new FileSystemResource(index) : null;
                    }
                });
    }
}
