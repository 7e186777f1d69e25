package social.annals.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import social.annals.gateway.support.Http;

/** A built frontend served beside the API, with history-mode fallback to its index.html. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "annals.embedded-db.ephemeral=true",
        "annals.embedded-db.instance=frontend",
        "annals.security.bcrypt-strength=4",
        "annals.federation.key-bits=1024"
})
class FrontendServingTest {

    static Path frontend;

    @LocalServerPort
    int port;
    Http http;

    @DynamicPropertySource
    static void frontendDirectory(DynamicPropertyRegistry registry) throws IOException {
        frontend = Files.createTempDirectory("annals-frontend-");
        Files.writeString(frontend.resolve("index.html"), "<!doctype html><title>frontend</title>");
        Files.createDirectories(frontend.resolve("static/js"));
        Files.writeString(frontend.resolve("static/js/app.js"), "console.log('app')");
        registry.add("annals.frontend.dir", frontend::toString);
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void filesAreServedAndFrontendRoutesFallBackToIndex() {
        assertThat(http.get("/static/js/app.js").body()).isEqualTo("console.log('app')");
        for (String route : new String[] {"/", "/main/all", "/users/bob", "/bob", "/oauth-callback",
                "/notice/BCrR6eC0uY5k2wh5zU"}) {
            Http.Response page = http.get(route);
            assertThat(page.status()).as(route).isEqualTo(200);
            assertThat(page.body()).as(route).contains("<title>frontend</title>");
        }
        assertThat(http.get("/images/avi.png").header("content-type")).isEqualTo("image/png");
    }

    @Test
    void apiPathsStayWithTheApi() {
        assertThat(http.get("/api/v1/instance").json().get("title").asText()).isEqualTo("Annals");
        Http.Response unknown = http.get("/api/v1/no-such-endpoint");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isEqualTo("Not found");
        assertThat(http.get("/oauth/nothing").status()).isEqualTo(404);
        assertThat(http.get("/nodeinfo/2.0.json").json().get("version").asText()).isEqualTo("2.0");
    }
}
