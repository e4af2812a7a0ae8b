package dev.ordo.marketplace;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    private static final String[] CONTEXTS = {"ordering", "catalog", "inventory", "payments", "shipping",
            "notifications", "fulfilment"};

    @Test
    void theDomainOfEachContextIsPlainJava() {
        List<String> domains = new ArrayList<>(List.of("dev.ordo.marketplace.shared",
                "dev.ordo.marketplace.payments.fake"));
        List<String> forbidden = new ArrayList<>(List.of("org.springframework..", "tools.jackson..", "com.fasterxml..",
                "java.sql..", "dev.ordo.jdbc..", "dev.ordo.marketplace.platform..", "io.github.resilience4j.."));
        for (String context : CONTEXTS) {
            domains.add("dev.ordo.marketplace." + context);
            for (String slice : List.of("app", "web", "readmodel")) {
                forbidden.add("dev.ordo.marketplace." + context + "." + slice + "..");
            }
        }
        noClasses().that().resideInAnyPackage(domains.toArray(String[]::new))
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .check(CLASSES);
    }

    @Test
    void inventoryPaymentsAndShippingKnowNothingOfOrderingOrFulfilment() {
        noClasses().that().resideInAnyPackage("dev.ordo.marketplace.inventory..", "dev.ordo.marketplace.payments..",
                        "dev.ordo.marketplace.shipping..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ordo.marketplace.ordering..",
                        "dev.ordo.marketplace.fulfilment..", "dev.ordo.marketplace.notifications..")
                .check(CLASSES);
    }

    @Test
    void noContextDependsOnTheFulfilmentThatOrchestratesThem() {
        noClasses().that().resideOutsideOfPackages("dev.ordo.marketplace.fulfilment..",
                        "dev.ordo.marketplace.services..")
                .and().resideInAPackage("dev.ordo.marketplace.*..")
                .should().dependOnClassesThat().resideInAPackage("dev.ordo.marketplace.fulfilment..")
                .check(CLASSES);
    }

    @Test
    void theFulfilmentTalksToOtherContextsOnlyThroughTheCommandBusAndTheirAppApis() {
        List<String> internals = new ArrayList<>(List.of("dev.ordo.marketplace.payments.fake..", "dev.ordo.jdbc.."));
        for (String context : CONTEXTS) {
            if (!context.equals("fulfilment")) {
                internals.add("dev.ordo.marketplace." + context + ".web..");
                internals.add("dev.ordo.marketplace." + context + ".readmodel..");
            }
        }
        noClasses().that().resideInAPackage("dev.ordo.marketplace.fulfilment..")
                .and().doNotHaveSimpleName("FulfilmentConfiguration")
                .should().dependOnClassesThat().resideInAnyPackage(internals.toArray(String[]::new))
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Decider")
                .orShould().dependOnClassesThat().haveSimpleName("CommandHandler")
                .orShould().dependOnClassesThat().haveSimpleName("EventStore")
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
    void inventoryAsksTheCatalogOnlyThroughTheQueryBus() {
        noClasses().that().resideInAPackage("dev.ordo.marketplace.inventory..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ordo.marketplace.catalog.app..",
                        "dev.ordo.marketplace.catalog.web..", "dev.ordo.marketplace.catalog.readmodel..")
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
                        "dev.ordo.marketplace.catalog..", "dev.ordo.marketplace.analytics..",
                        "dev.ordo.marketplace.inventory..", "dev.ordo.marketplace.payments..",
                        "dev.ordo.marketplace.shipping..", "dev.ordo.marketplace.notifications..",
                        "dev.ordo.marketplace.fulfilment..")
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

    @Test
    void theCatalogServiceReachesNoOtherContext() {
        noClasses().that().resideInAnyPackage("dev.ordo.marketplace.catalog..", "dev.ordo.marketplace.platform..",
                        "dev.ordo.marketplace.shared..")
                .should().dependOnClassesThat().resideInAnyPackage(otherContexts("catalog"))
                .check(CLASSES);
    }

    @Test
    void theOrdersServiceSeesTheCatalogOnlyThroughItsEventsQueriesAndReadModel() {
        noClasses().that().resideInAnyPackage("dev.ordo.marketplace.ordering..", "dev.ordo.marketplace.fulfilment..",
                        "dev.ordo.marketplace.inventory..", "dev.ordo.marketplace.payments..",
                        "dev.ordo.marketplace.shipping..", "dev.ordo.marketplace.notifications..",
                        "dev.ordo.marketplace.analytics..", "dev.ordo.marketplace.services..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ordo.marketplace.catalog.app..",
                        "dev.ordo.marketplace.catalog.web..")
                .orShould().dependOnClassesThat().haveSimpleName("ProductDecider")
                .check(CLASSES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"inventory", "shipping", "notifications", "payments"})
    void aParticipantServiceReachesOtherContextsOnlyThroughTheirPublishedEventsAndRequests(String context) {
        List<String> internals = new ArrayList<>(List.of("dev.ordo.marketplace.analytics..",
                "dev.ordo.marketplace.services.."));
        for (String other : CONTEXTS) {
            if (!other.equals(context)) {
                for (String slice : List.of("app", "web", "readmodel")) {
                    internals.add("dev.ordo.marketplace." + other + "." + slice + "..");
                }
            }
        }
        noClasses().that().resideInAnyPackage("dev.ordo.marketplace." + context + "..",
                        "dev.ordo.marketplace.platform..", "dev.ordo.marketplace.shared..")
                .should().dependOnClassesThat().resideInAnyPackage(internals.toArray(String[]::new))
                .orShould().dependOnClassesThat(simpleNameEndingWith("Decider")
                        .and(resideInAPackage("dev.ordo.marketplace..")).and(resideOutsideOfPackage(
                                "dev.ordo.marketplace." + context + "..")))
                .check(CLASSES);
    }

    /**
     * The embedded application's in-process payment step ({@code LocalPayment}, with its wiring) is the one class of
     * the orders service's packages that calls a participant's application code; the orders service itself runs
     * {@code RemotePayment} instead.
     */
    @Test
    void theOrdersServiceSeesItsParticipantsOnlyThroughTheirPublishedRequestsAndReadModels() {
        noClasses().that().resideInAnyPackage("dev.ordo.marketplace.ordering..", "dev.ordo.marketplace.fulfilment..",
                        "dev.ordo.marketplace.analytics..")
                .and().haveNameNotMatching("dev\\.ordo\\.marketplace\\.fulfilment\\.app\\.LocalPayment(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ordo.marketplace.inventory.app..",
                        "dev.ordo.marketplace.inventory.web..", "dev.ordo.marketplace.shipping.app..",
                        "dev.ordo.marketplace.shipping.web..", "dev.ordo.marketplace.notifications.app..",
                        "dev.ordo.marketplace.notifications.web..", "dev.ordo.marketplace.notifications.readmodel..",
                        "dev.ordo.marketplace.payments.app..", "dev.ordo.marketplace.payments.web..",
                        "dev.ordo.marketplace.payments.fake..", "dev.ordo.marketplace.payments.http..")
                .orShould().dependOnClassesThat().haveSimpleName("StockDecider")
                .orShould().dependOnClassesThat().haveSimpleName("ShipmentDecider")
                .orShould().dependOnClassesThat().haveSimpleName("NotificationDecider")
                .orShould().dependOnClassesThat().haveSimpleName("PaymentDecider")
                .check(CLASSES);
    }

    /**
     * What a service may know of the contexts it does not run is what the contracts module publishes (their events,
     * step requests and answers, the shared values): checked by where each class was loaded from, so a class moved out
     * of {@code marketplace-contracts} breaks it. The orders service also keeps replicas of other contexts' read
     * models ({@code <context>.readmodel}, fed from their published events), and the embedded application's
     * {@code LocalPayment} calls the payments in process. The demo data is the exception: the inventory stocks the
     * demo catalog's products ({@code DemoStock} reads {@code DemoCatalog}).
     */
    @ParameterizedTest
    @ValueSource(strings = {"catalog", "inventory", "shipping", "notifications", "payments", "ordering"})
    void aServiceReachesTheContextsItDoesNotRunOnlyThroughTheContractsModule(String context) {
        List<String> others = new ArrayList<>();
        List<String> replicas = new ArrayList<>();
        List<String> own = new ArrayList<>(List.of("dev.ordo.marketplace." + context + ".."));
        if (context.equals("ordering")) {
            own.addAll(List.of("dev.ordo.marketplace.fulfilment..", "dev.ordo.marketplace.analytics.."));
        }
        for (String other : CONTEXTS) {
            if (own.stream().noneMatch(p -> p.startsWith("dev.ordo.marketplace." + other + "."))) {
                others.add("dev.ordo.marketplace." + other + "..");
                replicas.add("dev.ordo.marketplace." + other + ".readmodel..");
            }
        }
        DescribedPredicate<JavaClass> reachable = context.equals("ordering") ? PUBLISHED.or(resideInAnyPackage(
                replicas.toArray(String[]::new))) : PUBLISHED;
        noClasses().that().resideInAnyPackage(own.toArray(String[]::new))
                .and().haveNameNotMatching("dev\\.ordo\\.marketplace\\.fulfilment\\.app\\.LocalPayment(\\$.*)?")
                .and().doNotHaveFullyQualifiedName("dev.ordo.marketplace.inventory.app.DemoStock")
                .should().dependOnClassesThat(resideInAnyPackage(others.toArray(String[]::new))
                        .and(DescribedPredicate.not(reachable)))
                .check(CLASSES);
    }

    /** A class compiled into the contracts module ({@code marketplace-contracts}). */
    private static final DescribedPredicate<JavaClass> PUBLISHED = DescribedPredicate.describe(
            "published in marketplace-contracts", javaClass -> javaClass.getSource()
                    .map(source -> source.getUri().toString().contains("marketplace-contracts")).orElse(false));

    @Test
    void theContractsModuleHoldsTheEventsAndStepMessagesOfEveryContext() {
        assertThat(CLASSES.stream().filter(PUBLISHED).map(JavaClass::getSimpleName))
                .contains("OrderPlaced", "ProductRegistered", "StockReserved", "PaymentCaptured", "ShipmentCreated",
                        "CustomerNotified", "InventoryContracts", "PaymentsContracts", "ShippingContracts",
                        "NotificationContracts", "StepContract", "Money")
                .doesNotContain("OrderDecider", "Order", "PlaceOrder", "RuleViolation");
    }

    private static String[] otherContexts(String context) {
        List<String> others = new ArrayList<>();
        for (String other : CONTEXTS) {
            if (!other.equals(context)) {
                others.add("dev.ordo.marketplace." + other + "..");
            }
        }
        others.add("dev.ordo.marketplace.analytics..");
        others.add("dev.ordo.marketplace.services..");
        return others.toArray(String[]::new);
    }
}
