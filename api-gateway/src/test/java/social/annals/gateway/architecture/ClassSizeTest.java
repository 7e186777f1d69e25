package social.annals.gateway.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A class that outgrows this is split along its seams: handling, queries, SQL, orchestration. */
class ClassSizeTest {

    private static final int MAX_LINES = 400;
    private static final List<String> MODULES = List.of("shared-events", "command-side", "query-side", "api-gateway");

    @Test
    void noMainClassIsLongerThan400Lines() throws IOException {
        Map<Path, Long> linesByFile = new HashMap<>();
        for (String module : MODULES) {
            // The tests run in the gateway's module directory; the other modules are its siblings.
            Path sources = Path.of("..", module, "src", "main", "java");
            try (Stream<Path> files = Files.walk(sources)) {
                linesByFile.putAll(files.filter(file -> file.toString().endsWith(".java"))
                        .collect(Collectors.toMap(file -> file, ClassSizeTest::lines)));
            }
        }
        assertThat(linesByFile).as("source files found").hasSizeGreaterThan(200);
        assertThat(linesByFile).allSatisfy((file, lines) -> assertThat(lines).as(file.toString())
                .isLessThanOrEqualTo(MAX_LINES));
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
