package social.annals.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The jar's command line: usage on request, errors for what it does not know, never a server by mistake. */
class AnnalsCommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = new CommandLine(new AnnalsCommandLine());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void helpPrintsUsageWithEveryCommandAndStartsNothing() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: annals", "user", "rebuild", "dataset", "--server.port");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void eachCommandHasItsOwnUsage() {
        assertThat(run("user", "new", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: annals user new", "NICKNAME", "EMAIL", "--admin");
        assertThat(run("rebuild", "--help")).isZero();
        assertThat(out.toString()).contains("--admin-token", "--name");
        assertThat(run("dataset", "-h")).isZero();
        assertThat(out.toString()).contains("--accounts=N", "Default: 10000");
    }

    @Test
    void anUnknownCommandOrOptionIsAUsageErrorNotAServerStart() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown command: 'frobnicate'", "Usage: annals");
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--frobnicate'");
        assertThat(run("user")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing command: new");
        assertThat(run("user", "new", "lain")).isEqualTo(2);
        assertThat(run("dataset", "--accounts", "many")).isEqualTo(2);
        assertThat(run("version")).isEqualTo(2);
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).contains("Annals 0.1.0");
    }
}
