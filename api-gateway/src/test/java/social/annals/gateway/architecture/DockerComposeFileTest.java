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
    void theAppIsWiredToThePostgresServiceWithVariablesItReads() throws IOException {
        Map<String, Object> app = service("annals");
        Map<String, Object> env = (Map<String, Object>) app.get("environment");
        assertThat(variablesTheApplicationReads()).containsAll(env.keySet());
        assertThat((String) env.get("DB_URL")).startsWith("jdbc:postgresql://db:5432/");

        Map<String, Object> db = service("db");
        Map<String, Object> dbEnv = (Map<String, Object>) db.get("environment");
        assertThat(env.get("DB_USER")).isEqualTo(dbEnv.get("POSTGRES_USER"));
        assertThat(env.get("DB_PASSWORD")).isEqualTo(dbEnv.get("POSTGRES_PASSWORD"));
        assertThat((String) env.get("DB_URL")).endsWith("/" + dbEnv.get("POSTGRES_DB"));
        assertThat((String) db.get("image")).isEqualTo("postgres:15");
    }

    @Test
    @SuppressWarnings("unchecked")
    void portsAndHealthChecksFit() throws IOException {
        Map<String, Object> app = service("annals");
        Map<String, Object> env = (Map<String, Object>) app.get("environment");
        assertThat((Iterable<String>) app.get("ports")).containsExactly(env.get("PORT") + ":" + env.get("PORT"));
        assertThat(((Map<String, Object>) app.get("healthcheck")).get("test").toString())
                .contains("localhost:" + env.get("PORT") + "/actuator/health/readiness");
        assertThat(((Map<String, Object>) service("db").get("healthcheck")).get("test").toString())
                .contains("pg_isready");
        Map<String, Object> dependsOn = (Map<String, Object>) app.get("depends_on");
        assertThat(((Map<String, Object>) dependsOn.get("db")).get("condition")).isEqualTo("service_healthy");
        assertThat(app.get("build")).isEqualTo(".");
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
