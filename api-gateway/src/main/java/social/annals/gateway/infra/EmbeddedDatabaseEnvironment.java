package social.annals.gateway.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes the run command work on a fresh machine: when no database URL is configured, starts an
 * embedded PostgreSQL 15 (real binaries) whose data lives under the working directory, so a
 * restart keeps the data. Also turns the HTTP server off for nodes without the {@code web} role.
 */
public class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor {

    /** Names the embedded instance a context uses, so the context can release it when it closes. */
    static final String INSTANCE_PROPERTY = "annals.embedded-db.started-instance";
    private static final Map<String, Running> RUNNING = new HashMap<>();

    /** An embedded server and the number of application contexts using it (tests share one among several). */
    private static final class Running {
        private final EmbeddedPostgres postgres;
        private int users = 1;

        Running(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }
    }

    private final Log log;

    public EmbeddedDatabaseEnvironment(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedDatabaseEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> overrides = new HashMap<>();
        if (!Roles.parse(environment.getProperty("annals.roles", "web,projector")).contains("web")) {
            overrides.put("spring.main.web-application-type", "none");
        }
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || url.isBlank()) {
            boolean ephemeral = environment.getProperty("annals.embedded-db.ephemeral", Boolean.class, false);
            String dataDir = environment.getProperty("annals.embedded-db.data-dir", "data/postgres");
            String name = environment.getProperty("annals.embedded-db.instance", ephemeral ? "ephemeral" : dataDir);
            int port = environment.getProperty("annals.embedded-db.port", Integer.class, 0);
            String sharedBuffers = environment.getProperty("annals.embedded-db.shared-buffers", "128MB");
            EmbeddedPostgres postgres = start(name, ephemeral, Path.of(dataDir), port, sharedBuffers);
            overrides.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
            overrides.put("spring.datasource.username", "postgres");
            overrides.put("spring.datasource.password", "");
            overrides.put("annals.database.kind", ephemeral ? "embedded (temporary)" : "embedded");
            overrides.put(INSTANCE_PROPERTY, name);
        } else {
            overrides.put("annals.database.kind", "external");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("annals-derived", overrides));
    }

    private synchronized EmbeddedPostgres start(String name, boolean ephemeral, Path dataDir, int port,
                                                String sharedBuffers) {
        Running running = RUNNING.get(name);
        if (running != null) {
            running.users++;
            return running.postgres;
        }
        try {
            Path directory = ephemeral ? Files.createTempDirectory("annals-pg-") : dataDir.toAbsolutePath();
            Files.createDirectories(directory);
            log.info("Starting embedded PostgreSQL with data in " + directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(ephemeral)
                    .setPort(port)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", sharedBuffers)
                    // The embedded server runs without fsync (the library's default), so it is not crash-safe
                    // anyway, and full-page images would buy nothing: they were most of the WAL a rebuild
                    // wrote. Rarer checkpoints mean fewer pages written twice while millions of rows load.
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    // Stopped by the last context using it, once its processors and pool have stopped
                    // (EmbeddedDatabaseRelease); a JVM hook of its own would race them and stop it first.
                    .setRegisterShutdownHook(false)
                    .start();
            RUNNING.put(name, new Running(postgres));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    /** One context no longer uses the named instance; the last one to let go stops it. */
    static synchronized void release(String name) {
        Running running = RUNNING.get(name);
        if (running == null || --running.users > 0) {
            return;
        }
        RUNNING.remove(name);
        try {
            running.postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
        }
    }
}
