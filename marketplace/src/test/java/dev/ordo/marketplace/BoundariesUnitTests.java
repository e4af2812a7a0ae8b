package dev.ordo.marketplace;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The bounded contexts talk through events, commands and queries, never through each other's internals; the domain
 * is plain Java.
 */
class BoundariesUnitTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ordo.marketplace");

    @Test
    void theContextsHaveNoDependencyCycles() {
        slices().matching("dev.ordo.marketplace.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theDomainOfEachContextIsPlainJava() {
        noClasses().that().resideInAnyPackage("dev.ordo.marketplace.ordering", "dev.ordo.marketplace.catalog",
                        "dev.ordo.marketplace.shared")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "tools.jackson..",
                        "com.fasterxml..", "java.sql..", "dev.ordo.jdbc..", "dev.ordo.marketplace.platform..",
                        "dev.ordo.marketplace.ordering.app..", "dev.ordo.marketplace.ordering.web..",
                        "dev.ordo.marketplace.ordering.readmodel..", "dev.ordo.marketplace.catalog.app..",
                        "dev.ordo.marketplace.catalog.web..", "dev.ordo.marketplace.catalog.readmodel..")
                .check(CLASSES);
    }

    @Test
    void theCatalogKnowsNothingOfOrdersOrAnalytics() {
        noClasses().that().resideInAPackage("dev.ordo.marketplace.catalog..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ordo.marketplace.ordering..",
                        "dev.ordo.marketplace.analytics..")
                .check(CLASSES);
    }

    @Test
    void orderingUsesTheCatalogOnlyThroughItsQueries() {
        noClasses().that().resideInAPackage("dev.ordo.marketplace.ordering..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ordo.marketplace.catalog",
                        "dev.ordo.marketplace.catalog.app..", "dev.ordo.marketplace.catalog.web..")
                .check(CLASSES);
    }

    @Test
    void analyticsReadsOnlyReadModels() {
        noClasses().that().resideInAPackage("dev.ordo.marketplace.analytics..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ordo.marketplace.ordering..",
                        "dev.ordo.marketplace.catalog..", "dev.ordo.core.store..")
                .check(CLASSES);
    }

    @Test
    void thePlatformDependsOnNoContext() {
        noClasses().that().resideInAPackage("dev.ordo.marketplace.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ordo.marketplace.ordering..",
                        "dev.ordo.marketplace.catalog..", "dev.ordo.marketplace.analytics..")
                .check(CLASSES);
    }

    @Test
    void readModelsQueryTheirOwnTablesNeverTheEventStore() {
        noClasses().that().resideInAnyPackage("dev.ordo.marketplace..readmodel..", "dev.ordo.marketplace.analytics..")
                .should().dependOnClassesThat().haveSimpleName("EventStore")
                .orShould().dependOnClassesThat().haveSimpleName("EventReader")
                .orShould().dependOnClassesThat().haveSimpleName("JdbcEventStore")
                .check(CLASSES);
    }
}
