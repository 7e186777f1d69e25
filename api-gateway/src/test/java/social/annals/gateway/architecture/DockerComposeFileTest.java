package social.annals.gateway.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * There is no Docker engine to run docker-compose.yml in CI, so it is checked against the
 * application's configuration: every variable it sets is one the application reads, and the
 * services, ports and health checks fit together.
 */
class DockerComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final java.util.List<String> NODES = java.util.List.of("annals-1", "annals-2");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        return (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get(name);
    }

    /** Environment variables named as ${NAME:default} in application.yml. */
    private static Set<String> variablesTheApplicationReads() throws IOException {
        String config = Files.readString(ROOT.resolve("api-gateway/src/main/resources/application.yml"));
        Matcher matcher = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]").matcher(config);
        Set<String> names = new java.util.HashSet<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @Test
    @SuppressWarnings("unchecked")
    void bothNodesAreWiredToThePostgresServiceWithVariablesTheApplicationReads() throws IOException {
        Map<String, Object> db = service("db");
        Map<String, Object> dbEnv = (Map<String, Object>) db.get("environment");
        assertThat((String) db.get("image")).isEqualTo("postgres:15");
        for (String node : NODES) {
            Map<String, Object> env = (Map<String, Object>) service(node).get("environment");
            assertThat(variablesTheApplicationReads()).containsAll(env.keySet());
            assertThat((String) env.get("DB_URL")).startsWith("jdbc:postgresql://db:5432/")
                    .endsWith("/" + dbEnv.get("POSTGRES_DB"));
            assertThat(env.get("DB_USER")).isEqualTo(dbEnv.get("POSTGRES_USER"));
            assertThat(env.get("DB_PASSWORD")).isEqualTo(dbEnv.get("POSTGRES_PASSWORD"));
            assertThat((String) env.get("ANNALS_ROLES")).contains("web").contains("projector");
            assertThat(service(node).get("build")).isEqualTo(".");
        }
        assertThat(service(NODES.get(0)).get("hostname")).isNotEqualTo(service(NODES.get(1)).get("hostname"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLoadBalancerSendsToBothReadyNodesAndPassesTheClientsAddress() throws IOException {
        Map<String, Object> lb = service("lb");
        String nginx = Files.readString(ROOT.resolve("docker/nginx.conf"));
        Map<String, Object> dependsOn = (Map<String, Object>) lb.get("depends_on");
        for (String node : NODES) {
            Map<String, Object> app = service(node);
            Map<String, Object> env = (Map<String, Object>) app.get("environment");
            assertThat(nginx).contains("server " + node + ":" + env.get("PORT"));
            assertThat(((Map<String, Object>) app.get("healthcheck")).get("test").toString())
                    .contains("localhost:" + env.get("PORT") + "/actuator/health/readiness");
            assertThat(((Map<String, Object>) ((Map<String, Object>) app.get("depends_on")).get("db"))
                    .get("condition")).isEqualTo("service_healthy");
            assertThat(((Map<String, Object>) dependsOn.get(node)).get("condition")).isEqualTo("service_healthy");
            assertThat(app.get("ports")).as("only the load balancer is published").isNull();
        }
        assertThat(nginx).contains("X-Forwarded-For $proxy_add_x_forwarded_for");
        assertThat(nginx).as("the streaming API's WebSocket upgrade passes through")
                .contains("location /api/v1/streaming").contains("proxy_set_header Upgrade $http_upgrade");
        assertThat((Iterable<String>) lb.get("volumes")).anyMatch(volume -> volume.startsWith("./docker/nginx.conf:"));
        String port = (String) ((Map<String, Object>) service(NODES.get(0)).get("environment")).get("ANNALS_BASE_URL");
        assertThat((Iterable<String>) lb.get("ports")).containsExactly(port.substring(port.lastIndexOf(':') + 1) + ":80");
        assertThat(((Map<String, Object>) service("db").get("healthcheck")).get("test").toString())
                .contains("pg_isready");
    }

    @Test
    void theBuildContextLeavesOutBuildOutputAndLocalData() throws IOException {
        assertThat(Files.readAllLines(ROOT.resolve(".dockerignore")))
                .contains("**/target/", "data/", ".git/", "**/node_modules/");
    }

    @Test
    void theDockerfileBuildsTheServerJarAndExposesItsPort() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("api-gateway/target/annals.jar").contains("EXPOSE 4000");
        Set<String> copied = dockerfile.lines().filter(l -> l.startsWith("COPY") && l.contains("pom.xml"))
                .collect(Collectors.toSet());
        assertThat(copied).hasSize(5);
    }
}
