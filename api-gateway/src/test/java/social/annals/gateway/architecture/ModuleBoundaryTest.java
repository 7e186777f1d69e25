package social.annals.gateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
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
    void sharedEventsDependOnNothingOfOursNorOnFrameworks() {
        assertHolds(noClasses().that().resideInAPackage("social.annals.events..")
                .should().dependOnClassesThat().resideInAnyPackage("social.annals.command..",
                        "social.annals.query..", "social.annals.gateway..", "org.springframework..",
                        "jakarta.persistence.."));
    }
}
