package app.frontdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import app.frontdesk.application.pipeline.MailContext;
import app.frontdesk.application.pipeline.Mailet;
import app.frontdesk.application.pipeline.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The boundaries hold by themselves: no package depends on itself through others, and the layers
 * point one way (interfaces and infrastructure -> application -> domain; bootstrap wires them all).
 * Run on the production classes only; see docs/architecture.md for the package map.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.frontdesk");

    @Test
    void noPackageIsPartOfACycle() {
        // every package is its own slice, parents included: application -> application.dunning -> application is a cycle
        slices().matching("app.frontdesk.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theDomainDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("app.frontdesk.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("app.frontdesk.application..", "app.frontdesk.infrastructure..",
                        "app.frontdesk.interfaces..", "app.frontdesk.bootstrap..")
                .check(CLASSES);
    }

    @Test
    void theApplicationKnowsNoAdapterAndNoWiring() {
        noClasses().that().resideInAPackage("app.frontdesk.application..")
                .should().dependOnClassesThat().resideInAnyPackage("app.frontdesk.infrastructure..", "app.frontdesk.interfaces..",
                        "app.frontdesk.bootstrap..")
                .check(CLASSES);
    }

    @Test
    void theHttpEdgeUsesApplicationServicesOnly() {
        noClasses().that().resideInAPackage("app.frontdesk.interfaces..")
                .should().dependOnClassesThat().resideInAnyPackage("app.frontdesk.infrastructure..", "app.frontdesk.bootstrap..")
                .check(CLASSES);
    }

    @Test
    void noResourceOpensATransactionOrReadsARepository() {
        noClasses().that().resideInAPackage("app.frontdesk.interfaces..")
                .should().dependOnClassesThat().haveFullyQualifiedName("app.frontdesk.application.Transactions")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("app.frontdesk.application.Repositories")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .check(CLASSES);
    }

    @Test
    void matchersDecideFromTheMailContextAlone() {
        // James's rule: a matcher is a predicate on the mail; what needs the database is a mailet's job, done before
        noClasses().that().implement(Matcher.class)
                .should().callMethod(MailContext.class, "repositories")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("app.frontdesk.application.Repositories")
                .check(CLASSES);
    }

    @Test
    void mailetsDelegateToServicesAndStayThin() throws java.io.IOException {
        // a mailet reads the context, calls a service and records what it did: none is a service in disguise
        var mailets = CLASSES.stream().filter(c -> c.isAssignableTo(Mailet.class) && !c.isInterface()).toList();
        org.junit.jupiter.api.Assertions.assertTrue(mailets.size() >= 15, mailets.size() + " mailets");
        for (var mailet : mailets) {
            var source = java.nio.file.Files.readAllLines(java.nio.file.Path.of("src/main/java", mailet.getName().replace('.', '/') + ".java"));
            int start = -1;
            int lines = 0;
            for (int i = 0; i < source.size(); i++) {
                if (source.get(i).contains("public void service(")) {
                    start = i;
                } else if (start >= 0 && source.get(i).equals("    }")) {
                    lines = i - start - 1;
                    break;
                }
            }
            org.junit.jupiter.api.Assertions.assertTrue(start >= 0 && lines <= 15, mailet.getSimpleName() + ".service: " + lines + " lines");
        }
    }

    @Test
    void adaptersDoNotKnowTheWiringOrEachOther() {
        noClasses().that().resideInAPackage("app.frontdesk.infrastructure..")
                .should().dependOnClassesThat().resideInAnyPackage("app.frontdesk.interfaces..", "app.frontdesk.bootstrap..")
                .check(CLASSES);
    }
}
