package org.taizhang.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every bundle in {@code i18n/}, found on disk rather than listed: Chinese and English hold the same keys with the
 * same arguments; every key the code names exists; none is left unused; no key is in two bundles; and each
 * package names only texts of bundles it may rely on (its own feature's and core's).
 */
class MessagesConsistencyTest {
    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Path SOURCES = Path.of("src/main/java/org/taizhang");
    private static final Pattern BUNDLE_FILE = Pattern.compile("([a-z][a-zA-Z0-9]*)_(zh_CN|en)\\.properties");
    private static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][a-zA-Z0-9]*(?:\\.[a-zA-Z0-9_]+)+)\"");
    /** Top-level packages that may name any text: they wire and print every feature. */
    private static final Set<String> ENTRY_POINTS = Set.of("cli", "app");

    /**
     * Literals that look like keys and are no texts: names of local settings stored in every database, which cannot
     * be renamed now that the report bundle owns the "report." prefix.
     */
    private static final Set<String> NOT_TEXTS = Set.of(
            org.taizhang.core.store.Store.COMMITTEE_KEY,
            org.taizhang.core.store.Store.OPERATOR_KEY,
            org.taizhang.core.store.Store.VERIFIER_KEY);

    private record Bundle(String name, Properties chinese, Properties english) {
        Set<String> keys() {
            return chinese.stringPropertyNames();
        }
    }

    private static Map<String, Bundle> bundles;
    /** Key → the bundle holding it (the first one, if a key were in two). */
    private static Map<String, String> owners;
    /** Top-level package under org.taizhang → the key-like string literals its sources hold. */
    private static Map<String, Set<String>> literalsByPackage;

    @BeforeAll
    static void load() throws IOException {
        bundles = new TreeMap<>();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path f : files.sorted().toList()) {
                Matcher m = BUNDLE_FILE.matcher(f.getFileName().toString());
                if (m.matches() && m.group(2).equals("zh_CN")) {
                    String name = m.group(1);
                    bundles.put(
                            name, new Bundle(name, load(name + "_zh_CN.properties"), load(name + "_en.properties")));
                }
            }
        }
        owners = new TreeMap<>();
        bundles.values().forEach(b -> b.keys().forEach(k -> owners.putIfAbsent(k, b.name())));
        literalsByPackage = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String top = SOURCES.relativize(f).getName(0).toString();
                Matcher m = KEY_LITERAL.matcher(Files.readString(f));
                while (m.find()) {
                    literalsByPackage.computeIfAbsent(top, k -> new TreeSet<>()).add(m.group(1));
                }
            }
        }
    }

    private static Properties load(String file) throws IOException {
        Properties p = new Properties();
        Path path = BUNDLES.resolve(file);
        if (Files.exists(path)) { // a missing language is reported by its own test
            try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        return p;
    }

    @Test
    void everyFileIsABundleInBothLanguages() throws IOException {
        assertThat(bundles).containsKey(Messages.CORE_BUNDLE).hasSizeGreaterThan(1);
        try (Stream<Path> files = Files.list(BUNDLES)) {
            // no base file (messages.properties): it would be a silent fallback between the languages
            assertThat(files.map(f -> f.getFileName().toString()))
                    .allMatch(n -> BUNDLE_FILE.matcher(n).matches(), "named <bundle>_zh_CN or <bundle>_en.properties");
        }
        for (String name : bundles.keySet()) {
            assertThat(BUNDLES.resolve(name + "_en.properties"))
                    .as("English of " + name)
                    .exists();
        }
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() {
        for (Bundle b : bundles.values()) {
            assertThat(b.english().stringPropertyNames())
                    .as(b.name())
                    .containsExactlyInAnyOrderElementsOf(b.chinese().stringPropertyNames());
        }
    }

    @Test
    void everyTextIsAValidMessageFormatAndNotBlank() {
        for (Bundle b : bundles.values()) {
            for (Properties p : List.of(b.chinese(), b.english())) {
                for (String key : p.stringPropertyNames()) {
                    assertThat(p.getProperty(key)).as(b.name() + " " + key).isNotBlank();
                    new MessageFormat(p.getProperty(key)); // throws on a broken pattern
                }
            }
        }
    }

    @Test
    void chineseAndEnglishUseTheSameArguments() {
        for (Bundle b : bundles.values()) {
            for (String key : b.keys()) {
                assertThat(arguments(b.english().getProperty(key, "")))
                        .as(b.name() + " " + key)
                        .isEqualTo(arguments(b.chinese().getProperty(key)));
            }
        }
    }

    /** The argument numbers a pattern uses ({0}, {1,number,#} …), outside quoted text. */
    private static Set<Integer> arguments(String pattern) {
        Set<Integer> used = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)").matcher(pattern.replaceAll("'[^']*'", ""));
        while (m.find()) {
            used.add(Integer.parseInt(m.group(1)));
        }
        return used;
    }

    @Test
    void noKeyIsInTwoBundles() {
        List<String> twice = new ArrayList<>();
        for (Bundle b : bundles.values()) {
            b.keys().stream()
                    .filter(k -> !owners.get(k).equals(b.name()))
                    .forEach(k -> twice.add(k + " in " + owners.get(k) + " and " + b.name()));
        }
        assertThat(twice).isEmpty();
    }

    @Test
    void everyKeyTheCodeNamesExistsAndEveryKeyIsUsed() {
        Set<String> literals = new TreeSet<>();
        literalsByPackage.values().forEach(literals::addAll);
        // a literal looks like a key when it starts as some key does ("registry.", "store." …)
        Set<String> prefixes = new TreeSet<>();
        owners.keySet().forEach(k -> prefixes.add(k.substring(0, k.indexOf('.') + 1)));
        Set<String> missing = new TreeSet<>();
        for (String literal : literals) {
            if (prefixes.contains(literal.substring(0, literal.indexOf('.') + 1))
                    && !owners.containsKey(literal)
                    && !NOT_TEXTS.contains(literal)) {
                missing.add(literal);
            }
        }
        assertThat(missing).as("keys named in code but absent from the bundles").isEmpty();
        Set<String> unused = new TreeSet<>(owners.keySet());
        unused.removeAll(literals);
        assertThat(unused).as("keys in the bundles that no code names").isEmpty();
    }

    /**
     * A feature's texts are in the bundle named after its package; it may also use core's. Core uses only its own
     * (it knows no feature); the command line and the window use any.
     */
    @Test
    void eachPackageNamesOnlyTextsOfItsOwnBundleOrCores() {
        List<String> misplaced = new ArrayList<>();
        literalsByPackage.forEach((top, literals) -> {
            if (ENTRY_POINTS.contains(top)) {
                return;
            }
            String own = top.equals("core") ? Messages.CORE_BUNDLE : top;
            for (String key : literals) {
                String owner = owners.get(key);
                if (owner != null && !owner.equals(own) && !owner.equals(Messages.CORE_BUNDLE)) {
                    misplaced.add(top + " names " + key + " from bundle " + owner);
                }
            }
        });
        assertThat(misplaced).isEmpty();
    }

    @Test
    void theProgramReadsEveryBundle() {
        assertThat(Messages.bundleNames(Messages.class.getClassLoader()))
                .containsExactlyInAnyOrderElementsOf(bundles.keySet())
                .first()
                .isEqualTo(Messages.CORE_BUNDLE);
        for (var locale : List.of(Messages.CHINESE, Messages.ENGLISH)) {
            assertThat(Collections.list(Messages.forLocale(locale).bundle().getKeys()))
                    .containsExactlyInAnyOrderElementsOf(owners.keySet());
        }
    }

    @Test
    void chineseIsTheDefaultAndEnglishIsSecond() {
        assertThat(Messages.forLocale(java.util.Locale.CHINA).get("nav.registry"))
                .isEqualTo("组织台账");
        assertThat(Messages.forLocale(java.util.Locale.FRANCE).get("nav.registry"))
                .isEqualTo("组织台账");
        assertThat(Messages.forLocale(java.util.Locale.US).get("nav.registry")).isEqualTo("Registry");
        // a feature's text, through the same Messages
        assertThat(Messages.forLocale(java.util.Locale.CHINA).get("organization.kind.branch"))
                .isEqualTo("党支部");
        assertThat(Messages.forLocale(java.util.Locale.US).get("organization.kind.branch"))
                .isEqualTo("Branch");
    }
}
