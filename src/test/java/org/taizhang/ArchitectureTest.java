package org.taizhang;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rules of docs/architecture.md, kept true by the build. Each rule is a function of the package root, so it
 * names no feature (except {@link #FEATURE_USES}, which records which feature may use which): every top-level package other than {@code core}, {@code cli} and {@code app} is a feature,
 * and one added later is held to the rules without editing them. Each rule is checked twice: on the program
 * (it must hold) and on the made-up program in {@code org.taizhang.archfixture} (it must fail on the class
 * planted to break it), so a rule that has quietly stopped matching anything shows up.
 */
class ArchitectureTest {
    private static final String ROOT = "org.taizhang";
    private static final String FIXTURE_ROOT = "org.taizhang.archfixture";
    /** Top-level packages that are not features: the shared core and the two entry points. */
    private static final List<String> NOT_FEATURES = List.of("core", "cli", "app");
    /**
     * Which feature may use which (docs/architecture.md): the one rule that names features, because it records a
     * decision, not a shape. A feature missing here may use none; a new arrow is added here on purpose.
     */
    static final Map<String, Set<String>> FEATURE_USES = Map.of(
            "organization", Set.of(),
            // a failed item becomes a finding (ItemFindings): checklist → inspection, never the other way
            "checklist", Set.of("organization", "inspection"),
            "inspection", Set.of("organization"),
            // 待处理 lists the findings two devices recorded twice (Duplicates), merged or kept apart there
            "exchange", Set.of("inspection", "organization"),
            "report", Set.of("organization", "checklist", "inspection"),
            "backup", Set.of("exchange"),
            "operator", Set.of());

    private static final Pattern VIOLATOR = Pattern.compile("^\\W*\\w+ <([^>]+)>");

    private static JavaClasses program;
    private static JavaClasses fixtures;

    @BeforeAll
    static void importClasses() {
        program = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        fixtures = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages(FIXTURE_ROOT);
    }

    /** Each rule, with the fixture classes that must break it and those it must let through. */
    enum Rule {
        CORE_KNOWS_NO_FEATURE(ArchitectureTest::coreKnowsNoFeature, List.of("core.CoreNamesAFeature"), List.of()),
        FEATURE_DOMAIN_KNOWS_NO_VIEW_AND_NO_JAVAFX(
                ArchitectureTest::featureDomainKnowsNoViewAndNoJavaFx,
                List.of("checklist.ChecklistRules", "checklist.ChecklistItem"),
                List.of("checklist.view.")),
        ONLY_VIEWS_USE_JAVAFX(
                ArchitectureTest::onlyViewsUseJavaFx,
                List.of("checklist.ChecklistItem", "cli.ChecklistCommand"),
                List.of("checklist.view.ChecklistView")),
        ONLY_FILES_USE_POI_AND_OPENPDF(
                ArchitectureTest::onlyFilesUsePoiAndOpenPdf,
                List.of("checklist.ChecklistSummary"),
                List.of("checklist.files.")),
        ONLY_STORES_TOUCH_JOOQ(
                ArchitectureTest::onlyStoresTouchJooq,
                List.of("checklist.ChecklistQueries", "checklist.ChecklistRows", "checklist.view.ChecklistTable"),
                List.of("checklist.store.")),
        ONLY_A_FEATURES_ROOT_USES_ITS_STORE(
                ArchitectureTest::onlyAFeaturesRootUsesItsStore,
                List.of("inspection.InspectionReport", "checklist.files.ChecklistWorkbook"),
                List.of("checklist.ChecklistService")),
        FEATURES_USE_ONLY_THE_FEATURES_ALLOWED(
                ArchitectureTest::featuresUseOnlyTheFeaturesAllowed,
                List.of("inspection.Inspection", "inspection.InspectionReport"),
                List.of("checklist.")),
        VIEWS_DO_NOT_TOUCH_STORAGE(
                ArchitectureTest::viewsDoNotTouchStorage, List.of("checklist.view.ChecklistTable"), List.of()),
        NO_CYCLES_BETWEEN_TOP_LEVEL_PACKAGES(
                ArchitectureTest::noCyclesBetweenTopLevelPackages, List.of("inspection.Inspection"), List.of()),
        CLI_DOES_NOT_KNOW_THE_WINDOW(
                ArchitectureTest::cliDoesNotKnowTheWindow, List.of("cli.ChecklistCommand"), List.of()),
        NO_SYSTEM_OUT(ArchitectureTest::noSystemOut, List.of("checklist.ChecklistPrinter"), List.of()),
        NO_RAW_THREADS(ArchitectureTest::noRawThreads, List.of("checklist.ChecklistWorker"), List.of());

        final Function<String, ArchRule> rule;
        final List<String> planted;
        final List<String> allowed;

        Rule(Function<String, ArchRule> rule, List<String> planted, List<String> allowed) {
            this.rule = rule;
            this.planted = planted;
            this.allowed = allowed;
        }
    }

    @ParameterizedTest
    @EnumSource(Rule.class)
    void holdsForTheProgram(Rule r) {
        r.rule.apply(ROOT).check(program);
    }

    @ParameterizedTest
    @EnumSource(Rule.class)
    void failsOnItsPlantedViolation(Rule r) {
        assertThatThrownBy(() -> r.rule.apply(FIXTURE_ROOT).check(fixtures))
                .isInstanceOf(AssertionError.class)
                .satisfies(failure -> {
                    List<String> violators = violators(failure.getMessage());
                    for (String planted : r.planted) {
                        assertThat(violators)
                                .as(failure.getMessage())
                                .anyMatch(v -> v.startsWith(FIXTURE_ROOT + "." + planted));
                    }
                    for (String allowed : r.allowed) {
                        assertThat(violators)
                                .as(failure.getMessage())
                                .noneMatch(v -> v.startsWith(FIXTURE_ROOT + "." + allowed));
                    }
                });
    }

    /** The class or member each line of an ArchUnit failure starts from: "Method <a.B.c()> calls …" gives a.B.c(). */
    private static List<String> violators(String message) {
        return message.lines()
                .map(VIOLATOR::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .toList();
    }

    @Test
    void theProgramIsCheckedWithoutTheFixtures() {
        assertThat(program)
                .isNotEmpty()
                .noneMatch(c -> c.getPackageName().startsWith(FIXTURE_ROOT))
                .anyMatch(c -> c.getPackageName().startsWith(ROOT + ".core"));
        assertThat(fixtures).allMatch(c -> c.getPackageName().startsWith(FIXTURE_ROOT));
    }

    // ---- the rules, each a function of the package root

    static ArchRule coreKnowsNoFeature(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + ".core..")
                .should()
                .dependOnClassesThat(resideInAPackage(root + "..").and(resideOutsideOfPackage(root + ".core..")))
                .because("the core is shared by the features, the command line and the window, and knows none of them");
    }

    static ArchRule featureDomainKnowsNoViewAndNoJavaFx(String root) {
        return noClasses()
                .that(featureDomain(root))
                .should()
                .dependOnClassesThat(viewCode(root).or(resideInAnyPackage("javafx..", "org.controlsfx..")))
                .because("a feature's domain, service and files work without a window (the command line uses them)");
    }

    static ArchRule onlyViewsUseJavaFx(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackages(root + "..view..", root + ".core.ui..", root + ".app..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.controlsfx..")
                .because("only views, the window shell and the app may use JavaFX");
    }

    static ArchRule onlyFilesUsePoiAndOpenPdf(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackages(root + "..files..", root + ".core.pdf..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.poi..", "org.openpdf..", "org.apache.pdfbox..")
                .because("reading, writing and rendering xlsx, csv and pdf stays in the files packages"
                        + " (docs/architecture.md)");
    }

    static ArchRule onlyStoresTouchJooq(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackage(root + "..store..")
                // the attachment files' table, kept beside the attachments in core
                .and(describe(
                        "are not a core class named *Store",
                        (JavaClass c) -> !(c.getPackageName().startsWith(root + ".core.")
                                && topLevelSimpleName(c).endsWith("Store"))))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jooq..", "java.sql..", "org.flywaydb..")
                .because("SQL stays in the store packages, signatures included (docs/architecture.md)");
    }

    static ArchRule onlyAFeaturesRootUsesItsStore(String root) {
        return classes()
                .that()
                .resideInAPackage(root + "..")
                .should(new ArchCondition<JavaClass>("use a feature's store only from that feature's root package") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        for (Dependency d : c.getDirectDependenciesFromSelf()) {
                            List<String> target = segmentsBelow(root, d.getTargetClass());
                            if (target.size() < 2
                                    || NOT_FEATURES.contains(target.get(0))
                                    || !target.get(1).equals("store")) {
                                continue;
                            }
                            List<String> origin = segmentsBelow(root, c);
                            boolean inRoot = origin.equals(List.of(target.get(0)));
                            boolean inStore = origin.size() >= 2
                                    && origin.get(0).equals(target.get(0))
                                    && origin.get(1).equals("store");
                            if (!inRoot && !inStore) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                })
                .because("a feature's store is reached through its services, which keep its rules");
    }

    static ArchRule featuresUseOnlyTheFeaturesAllowed(String root) {
        return classes()
                .that()
                .resideInAPackage(root + "..")
                .should(new ArchCondition<JavaClass>("use only the features " + FEATURE_USES + " allows") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        List<String> origin = segmentsBelow(root, c);
                        if (origin.isEmpty() || NOT_FEATURES.contains(origin.get(0))) {
                            return;
                        }
                        for (Dependency d : c.getDirectDependenciesFromSelf()) {
                            List<String> target = segmentsBelow(root, d.getTargetClass());
                            if (target.isEmpty()
                                    || NOT_FEATURES.contains(target.get(0))
                                    || target.get(0).equals(origin.get(0))) {
                                continue;
                            }
                            if (!FEATURE_USES
                                    .getOrDefault(origin.get(0), Set.of())
                                    .contains(target.get(0))) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                })
                .because("an arrow between features is a decision (docs/architecture.md), not an accident");
    }

    static ArchRule viewsDoNotTouchStorage(String root) {
        return noClasses()
                .that()
                .resideInAnyPackage(root + "..view..", root + ".core.ui..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jooq..", "java.sql..", root + ".core.store.schema..")
                .because("views go through services, never the database");
    }

    static ArchRule noCyclesBetweenTopLevelPackages(String root) {
        return slices().matching(root + ".(*)..")
                .should()
                .beFreeOfCycles()
                .because("features, core and the entry points depend on each other in one direction only");
    }

    static ArchRule cliDoesNotKnowTheWindow(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + ".cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(root + ".app..", "javafx..")
                .because("the command line runs without a display");
    }

    static ArchRule noSystemOut(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackage(root + ".cli..")
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .because("logging goes through SLF4J; only the command line prints");
    }

    static ArchRule noRawThreads(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackage(root + ".core.ui..")
                .should()
                .callConstructor(Thread.class, Runnable.class)
                .orShould()
                .callConstructor(Thread.class, Runnable.class, String.class)
                .because("long work runs through TaskRunner, with progress and cancel");
    }

    // ---- what the rules call features, views and file formats

    /** The package's segments below {@code root}, or none when it is not under it. */
    private static List<String> segmentsBelow(String root, JavaClass c) {
        String p = c.getPackageName();
        return p.startsWith(root + ".")
                ? Arrays.asList(p.substring(root.length() + 1).split("\\."))
                : List.of();
    }

    /** A feature's classes outside its {@code view} package: model, rules, service, store and files. */
    private static DescribedPredicate<JavaClass> featureDomain(String root) {
        return describe(
                "are in a feature (a package under " + root + " other than " + NOT_FEATURES
                        + ") outside its view package",
                (JavaClass c) -> {
                    List<String> s = segmentsBelow(root, c);
                    return !s.isEmpty() && !NOT_FEATURES.contains(s.get(0)) && !s.contains("view");
                });
    }

    /** Any feature's view and the window shell. */
    private static DescribedPredicate<JavaClass> viewCode(String root) {
        return describe("are views or the window shell", (JavaClass c) -> {
            List<String> s = segmentsBelow(root, c);
            return s.contains("view")
                    || s.size() >= 2 && s.get(0).equals("core") && s.get(1).equals("ui");
        });
    }

    /** {@code RegistryPdf} for {@code RegistryPdf$PageNumbers}: a nested class belongs to its top-level class. */
    private static String topLevelSimpleName(JavaClass c) {
        String name = c.getName()
                .substring(c.getPackageName().isEmpty() ? 0 : c.getPackageName().length() + 1);
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }
}
