package social.annals.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import social.annals.gateway.ops.ProjectionState;
import social.annals.gateway.support.ApiTest;

class RebuildCommandLineTest extends ApiTest {

    @Test
    void theProgressLineShowsTheShareDoneTheRateAndWhatIsStillRebuilding() {
        String line = RebuildCommandLine.line(List.of(
                new ProjectionState("statuses", 500, 1000, 500, true, 0.5, 21_300.0, 31L),
                new ProjectionState("accounts", 1000, 1000, 0, false, null, null, null)));
        assertThat(line).isEqualTo("[#######################.......]  75%  21,300 ev/s  eta 31 s  "
                + "rebuilding: statuses");
    }

    @Test
    void followingEndsWhenEveryReadModelIsLive() {
        Deque<List<ProjectionState>> polls = new ArrayDeque<>(List.of(
                List.of(new ProjectionState("emoji", 10, 100, 90, true, 0.1, null, null)),
                List.of(new ProjectionState("emoji", 100, 100, 0, false, null, null, null))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = RebuildCommandLine.follow(List.of("emoji"), () -> polls.size() > 1 ? polls.poll() : polls.peek(),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("rebuilding: emoji").contains("all live")
                .contains("rebuilt 1 read model(s)");
    }

    @Test
    void aRunningServerRebuildsOnRequest() throws Exception {
        assertThat(RebuildCommandLine.run(new String[] {"--url", "http://localhost:" + port, "--admin-token",
                ADMIN_TOKEN, "--name", "emoji"})).isZero();
        assertThat(RebuildCommandLine.run(new String[] {"--url", "http://localhost:" + port, "--admin-token",
                "wrong"})).isEqualTo(1);
        assertThat(RebuildCommandLine.run(new String[] {"--url", "http://localhost:" + port})).isEqualTo(2);
    }

    @Test
    void anOptionWithoutItsValueIsRefusedRatherThanTakenForAllOrForThisMachine() throws Exception {
        assertThat(RebuildCommandLine.run(new String[] {"--name"})).isEqualTo(2);
        assertThat(RebuildCommandLine.run(new String[] {"--name", ""})).isEqualTo(2);
        assertThat(RebuildCommandLine.run(new String[] {"--url", "--admin-token", ADMIN_TOKEN})).isEqualTo(2);
        assertThat(RebuildCommandLine.run(new String[] {"--url", "http://localhost:" + port, "--admin-token"}))
                .isEqualTo(2);
    }
}
