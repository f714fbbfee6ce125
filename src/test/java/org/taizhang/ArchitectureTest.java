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
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rules of docs/architecture.md, kept true by the build. Each rule is a function of the package root, so it
 * names no feature: every top-level package other than {@code core}, {@code cli} and {@code app} is a feature,
 * and one added later is held to the rules without editing them. Each rule is checked twice: on the program
 * (it must hold) and on the made-up program in {@code org.taizhang.archfixture} (it must fail on the class
 * planted to break it), so a rule that has quietly stopped matching anything shows up.
 */
class ArchitectureTest {
    private static final String ROOT = "org.taizhang";
    private static final String FIXTURE_ROOT = "org.taizhang.archfixture";
    /** Top-level packages that are not features: the shared core and the two entry points. */
    private static final List<String> NOT_FEATURES = List.of("core", "cli", "app");
    /** Names that mark a file format (xlsx, csv, pdf, docx): the classes that may use POI and OpenPDF. */
    private static final Pattern FILE_FORMAT_NAME = Pattern.compile(".*(Workbook|Csv|Pdf|Docx)");

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
        ONLY_FILE_FORMATS_USE_POI_AND_OPENPDF(
                ArchitectureTest::onlyFileFormatsUsePoiAndOpenPdf,
                List.of("checklist.ChecklistSummary"),
                List.of("checklist.ChecklistWorkbook", "checklist.ChecklistPdf")),
        ONLY_STORES_TOUCH_JOOQ(
                ArchitectureTest::onlyStoresTouchJooq,
                List.of("checklist.ChecklistQueries", "checklist.view.ChecklistTable"),
                List.of("checklist.ChecklistStore")),
        VIEWS_DO_NOT_TOUCH_STORAGE(
                ArchitectureTest::viewsDoNotTouchStorage, List.of("checklist.view.ChecklistTable"), List.of()),
        NO_CYCLES_BETWEEN_TOP_LEVEL_PACKAGES(
                ArchitectureTest::noCyclesBetweenTopLevelPackages, List.of("inspection.Inspection"), List.of()),
        CLI_DOES_NOT_KNOW_THE_WINDOW(
                ArchitectureTest::cliDoesNotKnowTheWindow, List.of("cli.ChecklistCommand"), List.of()),
        NO_SYSTEM_OUT(ArchitectureTest::noSystemOut, List.of("checklist.ChecklistPrinter"), List.of()),
        NO_RAW_THREADS(ArchitectureTest::noRawThreads, List.of("checklist.ChecklistWorker"), List.of()),
        STORES_ARE_PACKAGE_PRIVATE(
                ArchitectureTest::storesArePackagePrivate, List.of("checklist.ChecklistStore"), List.of());

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

    static ArchRule onlyFileFormatsUsePoiAndOpenPdf(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and(describe(
                        "are not file-format classes (named *Workbook, *Csv, *Pdf, *Docx or in a files/pdf package)",
                        (JavaClass c) -> !isFileFormat(c)))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.poi..", "org.openpdf..")
                .because("reading and writing xlsx and pdf stays in the file-format classes (docs/architecture.md)");
    }

    static ArchRule onlyStoresTouchJooq(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and(describe(
                        "are not named *Store",
                        (JavaClass c) -> !topLevelSimpleName(c).endsWith("Store")))
                .and()
                .resideOutsideOfPackage(root + ".core.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jooq..", "java.sql..", "org.flywaydb..")
                .because("SQL stays in the store classes (docs/architecture.md)");
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

    static ArchRule storesArePackagePrivate(String root) {
        return classes()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .haveSimpleNameEndingWith("Store")
                .and()
                .resideOutsideOfPackage(root + ".core..")
                .should()
                .notBePublic()
                .because("a feature's store is reached through its service");
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

    /** Named for a file format, or in a files/pdf package; nested classes count as their top-level class. */
    private static boolean isFileFormat(JavaClass c) {
        List<String> packages = Arrays.asList(c.getPackageName().split("\\."));
        return FILE_FORMAT_NAME.matcher(topLevelSimpleName(c)).matches()
                || packages.contains("files")
                || packages.contains("pdf");
    }

    /** {@code RegistryPdf} for {@code RegistryPdf$PageNumbers}: a nested class belongs to its top-level class. */
    private static String topLevelSimpleName(JavaClass c) {
        String name = c.getName()
                .substring(c.getPackageName().isEmpty() ? 0 : c.getPackageName().length() + 1);
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }
}
