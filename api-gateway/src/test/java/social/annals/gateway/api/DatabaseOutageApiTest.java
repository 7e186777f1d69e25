package social.annals.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import social.annals.gateway.support.ApiTest;
import social.annals.gateway.support.Http;
import social.annals.gateway.support.TcpProxy;

/** The database goes away under a running server (a restart, a failover, a network cut) and comes back. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // A placeholder, so that no embedded database is started: this one is reached through a proxy.
        "spring.datasource.url=jdbc:postgresql://localhost:${outage.proxy-port:1}/postgres",
        "spring.datasource.username=postgres",
        "annals.security.bcrypt-strength=4",
        // Real RSA keys, shorter than production's: generating 2048 bits takes about 100 ms a registration.
        "annals.federation.key-bits=1024",
        "annals.admin-token=" + ApiTest.ADMIN_TOKEN,
        "annals.base-url=http://annals.test"
})
// Closed after this class, before its database, which the library stops when the JVM exits.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseOutageApiTest extends ApiTest {

    private static final EmbeddedPostgres POSTGRES = start();
    private static final TcpProxy PROXY = new TcpProxy(POSTGRES.getPort());

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("outage.proxy-port", PROXY::port);
    }

    @Test
    void withoutItsDatabaseTheServerAnswers503QuicklyAndIsNotReadyThenRecovers() {
        User user = user("outage");
        PROXY.cut();
        try {
            for (Http.Response response : List.of(
                    timed(() -> http.get("/api/v1/timelines/home", "Authorization", user.bearer())),
                    timed(() -> http.get("/api/v1/timelines/public")),
                    timed(() -> postStatus(user, "status", "lost?")),
                    timed(() -> http.postForm("/api/v1/apps", List.of("client_name", "c", "redirect_uris", "urn"))))) {
                assertThat(response.status()).as(response.body()).isEqualTo(503);
                assertThat(response.json().get("error").asText()).isEqualTo("Service temporarily unavailable");
                assertThat(response.header("Retry-After")).isEqualTo("5");
            }
            Http.Response readiness = timed(() -> http.get("/actuator/health/readiness"));
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.json().get("status").asText()).isEqualTo("DOWN");
            assertThat(timed(() -> http.get("/actuator/health/liveness")).status()).isEqualTo(200);
            Http.Response healthcheck = timed(() -> http.get("/api/pleroma/healthcheck"));
            assertThat(healthcheck.status()).isEqualTo(503);
            assertThat(healthcheck.json().get("healthy").asBoolean()).isFalse();
        } finally {
            PROXY.restore();
        }
        eventually(() -> http.get("/actuator/health/readiness").status(), status -> status == 200, "ready again");
        assertThat(postStatus(user, "status", "back").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/timelines/home", "Authorization", user.bearer()).status()).isEqualTo(200);
    }

    /** Bounded: a request waits for a connection no longer than the pool's timeout, not Hikari's 30 s. */
    private static Http.Response timed(java.util.function.Supplier<Http.Response> request) {
        long start = System.nanoTime();
        Http.Response response = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        return response;
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
