package social.annals.gateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
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

    private static final String AGGREGATE = "org.axonframework.spring.stereotype.Aggregate";
    private static final String PROCESSING_GROUP = "org.axonframework.config.ProcessingGroup";
    private static final String SAGA = "org.axonframework.spring.stereotype.Saga";
    private static final String EVENT_HANDLER = "org.axonframework.eventhandling.EventHandler";
    private static final String SAGA_EVENT_HANDLER = "org.axonframework.modelling.saga.SagaEventHandler";

    /** A command-side aggregate: the command side's own decision, reached only through commands. */
    private static final DescribedPredicate<JavaClass> AGGREGATES = DescribedPredicate.describe(
            "command-side aggregates", type -> type.getPackageName().startsWith("social.annals.command")
                    && type.isAnnotatedWith(AGGREGATE));

    /**
     * A command-side process, policy, saga or lookup kept by events: it is in a processing group or
     * has event handlers (an aggregate's event-sourcing handlers count too).
     */
    private static final DescribedPredicate<JavaClass> PROCESSES = DescribedPredicate.describe(
            "command-side event-handling processes", type -> type.getPackageName().startsWith("social.annals.command")
                    && (type.isAnnotatedWith(PROCESSING_GROUP) || type.isAnnotatedWith(SAGA)
                    || type.getMethods().stream().anyMatch(method -> handlesEvents(method))));

    private static boolean handlesEvents(CanBeAnnotated method) {
        return method.isAnnotatedWith(EVENT_HANDLER) || method.isMetaAnnotatedWith(EVENT_HANDLER)
                || method.isAnnotatedWith(SAGA_EVENT_HANDLER) || method.isMetaAnnotatedWith(SAGA_EVENT_HANDLER);
    }

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
        Pattern forbidden = Pattern.compile("import social\\.annals\\.query\\.[\\w.]*Projection;|\\.GROUP\\b");
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

    /**
     * The gateway talks to the command side through commands, their answers and refusals, and a
     * few published services (ids, digests, secrets, the account lookup, the processing groups):
     * never to an aggregate or a process.
     */
    @Test
    void theGatewayNeverUsesAnAggregateOrAProcessOfTheCommandSide() {
        assertHolds(noClasses().that().resideInAPackage("social.annals.gateway..")
                .should().dependOnClassesThat(AGGREGATES.or(PROCESSES)));
    }

    @Test
    void commandSideAggregatesAreNotPublic() {
        assertHolds(classes().that(AGGREGATES).should().notHaveModifier(JavaModifier.PUBLIC));
    }

    @Test
    void commandSideProcessesAreNotPublic() {
        assertHolds(classes().that(PROCESSES).should().notHaveModifier(JavaModifier.PUBLIC));
    }
}
