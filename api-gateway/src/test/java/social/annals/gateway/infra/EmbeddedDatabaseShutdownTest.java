package social.annals.gateway.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import social.annals.gateway.AnnalsApplication;

class EmbeddedDatabaseShutdownTest {

    /** What Ctrl-C does: the server closes its context, and the embedded database must outlive its users. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void stoppingTheServerStopsItsEmbeddedDatabaseLastAndQuietly(CapturedOutput output) {
        ConfigurableApplicationContext server = new SpringApplicationBuilder(AnnalsApplication.class).run(
                "--annals.embedded-db.ephemeral=true", "--annals.embedded-db.instance=shutdown-order",
                "--server.port=0", "--annals.security.bcrypt-strength=4");
        String url = server.getEnvironment().getProperty("spring.datasource.url");
        int startedAt = output.getAll().length();

        server.close();

        String shutdown = output.getAll().substring(startedAt);
        assertThat(shutdown).contains("Shutdown state set for Processor").doesNotContain(" ERROR ")
                .doesNotContain("Exception");
        assertThatThrownBy(() -> DriverManager.getConnection(url).close()).isInstanceOf(SQLException.class);
    }
}
