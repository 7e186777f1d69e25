package social.annals.gateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;

/** The arrows of docs/architecture.md §1: a dependency not drawn there fails the build. */
class ModuleBoundaryTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("social.annals");

    /** ArchUnit's check fails with the list of offending dependencies. */
    private static void assertHolds(ArchRule rule) {
        rule.check(CLASSES);
    }

    @Test
    void theQuerySideNeverUsesTheCommandSideOrTheGateway() {
        assertHolds(noClasses().that().resideInAPackage("social.annals.query..")
                .should().dependOnClassesThat().resideInAnyPackage("social.annals.command..",
                        "social.annals.gateway.."));
    }

    @Test
    void theCommandSideNeverUsesTheQuerySideOrTheGateway() {
        assertHolds(noClasses().that().resideInAPackage("social.annals.command..")
                .should().dependOnClassesThat().resideInAnyPackage("social.annals.query..",
                        "social.annals.gateway.."));
    }

    @Test
    void theGatewayNeverUsesAReadModelsProjectionItself() {
        assertHolds(noClasses().that().resideInAPackage("social.annals.gateway..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("social.annals.query..")
                        .and(CanBeAnnotated.Predicates.annotatedWith(ProcessingGroup.class))));
    }

    /**
     * Group names are constants, which the compiler copies into the class that uses them, so only
     * the sources show them: read-your-writes is the command send's business ({@code Commands}).
     */
    @Test
    void theGatewayNamesNoReadModelNorProcessingGroup() throws IOException {
        Pattern forbidden = Pattern.compile("import social\\.annals\\.query\\.[\\w.]*Projection;|Projection\\.GROUP\\b");
        List<String> offending;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            offending = sources.filter(path -> path.toString().endsWith(".java"))
                    .flatMap(path -> lines(path).filter(line -> forbidden.matcher(line).find())
                            .map(line -> path.getFileName() + ": " + line.strip()))
                    .toList();
        }
        assertThat(offending).isEmpty();
    }

    private static Stream<String> lines(Path path) {
        try {
            return Files.readAllLines(path).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void sharedEventsDependOnNothingOfOursNorOnFrameworks() {
        assertHolds(noClasses().that().resideInAPackage("social.annals.events..")
                .should().dependOnClassesThat().resideInAnyPackage("social.annals.command..",
                        "social.annals.query..", "social.annals.gateway..", "org.springframework..",
                        "jakarta.persistence.."));
    }
}
