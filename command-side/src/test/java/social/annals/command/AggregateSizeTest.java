package social.annals.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** An aggregate that outgrows this is split along its seams: members, decision helpers, state objects. */
class AggregateSizeTest {

    private static final int MAX_LINES = 250;
    private static final Path SOURCES = Path.of("src/main/java/social/annals/command");

    @Test
    void noAggregateIsLongerThan250Lines() throws IOException {
        Map<String, Integer> linesByAggregate;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            linesByAggregate = files.filter(file -> file.toString().endsWith(".java")).map(AggregateSizeTest::read)
                    .filter(lines -> lines.stream().anyMatch(line -> line.startsWith("@Aggregate")))
                    .collect(Collectors.toMap(lines -> lines.stream().filter(line -> line.matches("(\\w+ )*class .*"))
                            .findFirst().orElseThrow(), List::size));
        }
        assertThat(linesByAggregate).as("aggregates found").hasSizeGreaterThan(10);
        assertThat(linesByAggregate).allSatisfy((aggregate, lines) -> assertThat(lines).as(aggregate)
                .isLessThanOrEqualTo(MAX_LINES));
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
