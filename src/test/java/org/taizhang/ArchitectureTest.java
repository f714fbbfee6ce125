package org.taizhang;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering rules of docs/architecture.md, kept true by the build: the domain knows no JavaFX, jOOQ or
 * java.sql; only store code touches jOOQ; features do not depend on each other in cycles; no System.out.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.taizhang");
    }

    private static final ArchRule domainKnowsNoJavaFxRule = noClasses()
            .that().resideOutsideOfPackages("..view..", "..core.ui..", "..app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
            .because("only views, the window shell and the app may use JavaFX");

    private static final ArchRule onlyStoresTouchJooqRule = noClasses()
            .that().haveSimpleNameNotEndingWith("Store")
            .and().resideOutsideOfPackage("..core.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "org.flywaydb..")
            .because("SQL stays in the store classes (docs/architecture.md)");

    private static final ArchRule viewsDoNotTouchStorageRule = noClasses()
            .that().resideInAnyPackage("..view..", "..core.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..",
                    "org.taizhang.core.store.schema..")
            .because("views go through services, never the database");

    private static final ArchRule coreDoesNotDependOnFeaturesRule = noClasses()
            .that().resideInAPackage("org.taizhang.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.taizhang.organization..",
                    "org.taizhang.cli..", "org.taizhang.app..")
            .because("the core is shared by every feature and must not know them");

    private static final ArchRule cliDoesNotKnowTheWindowRule = noClasses()
            .that().resideInAPackage("org.taizhang.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.taizhang.app..", "javafx..")
            .because("the command line runs without a display");

    private static final ArchRule noCyclesBetweenFeaturesRule = slices().matching("org.taizhang.(*)..")
            .should().beFreeOfCycles();

    private static final ArchRule noSystemOutRule = noClasses()
            .that().resideOutsideOfPackage("org.taizhang.cli..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("logging goes through SLF4J; only the command line prints");

    private static final ArchRule noRawThreadsRule = noClasses()
            .that().resideOutsideOfPackage("org.taizhang.core.ui..")
            .should().callConstructor(Thread.class, Runnable.class)
            .orShould().callConstructor(Thread.class, Runnable.class, String.class)
            .because("long work runs through TaskRunner, with progress and cancel");

    private static final ArchRule everyFeatureHasItsStoreInsideRule = classes()
            .that().haveSimpleNameEndingWith("Store").and().resideOutsideOfPackage("..core..")
            .should().notBePublic()
            .because("a feature's store is reached through its service");

    @Test
    void domainKnowsNoJavaFx() {
        domainKnowsNoJavaFxRule.check(classes);
    }

    @Test
    void onlyStoresTouchJooq() {
        onlyStoresTouchJooqRule.check(classes);
    }

    @Test
    void viewsDoNotTouchStorage() {
        viewsDoNotTouchStorageRule.check(classes);
    }

    @Test
    void coreDoesNotDependOnFeatures() {
        coreDoesNotDependOnFeaturesRule.check(classes);
    }

    @Test
    void cliDoesNotKnowTheWindow() {
        cliDoesNotKnowTheWindowRule.check(classes);
    }

    @Test
    void noCyclesBetweenFeatures() {
        noCyclesBetweenFeaturesRule.check(classes);
    }

    @Test
    void noSystemOut() {
        noSystemOutRule.check(classes);
    }

    @Test
    void noRawThreads() {
        noRawThreadsRule.check(classes);
    }

    @Test
    void everyFeatureHasItsStoreInside() {
        everyFeatureHasItsStoreInsideRule.check(classes);
    }
}
