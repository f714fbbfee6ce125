package org.taizhang.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Chinese and English bundles hold the same keys; every key the code names exists; none is left unused. */
class MessagesConsistencyTest {
    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][a-zA-Z0-9]*(?:\\.[a-zA-Z0-9]+)+)\"");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("messages_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages_zh_CN.properties").stringPropertyNames());
    }

    @Test
    void everyTextIsAValidMessageFormatAndNotBlank() throws IOException {
        for (String bundle : new String[] {"messages_zh_CN.properties", "messages_en.properties"}) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                assertThat(p.getProperty(key)).as(bundle + " " + key).isNotBlank();
                new MessageFormat(p.getProperty(key)); // throws on a broken pattern
            }
        }
    }

    @Test
    void everyKeyTheCodeNamesExistsAndEveryKeyIsUsed() throws IOException {
        Set<String> keys = load("messages_zh_CN.properties").stringPropertyNames();
        Set<String> literals = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_LITERAL.matcher(Files.readString(f));
                while (m.find()) {
                    literals.add(m.group(1));
                }
            }
        }
        Set<String> missing = new TreeSet<>();
        for (String literal : literals) {
            boolean looksLikeKey = literal.matches("(app|task|file|store|validation|organization|unit|community|"
                    + "import|export|sample|cli|registry|dashboard|dialog|history|nav|settings|shell|status|"
                    + "firstRun|attachment|pdf)\\..*");
            if (looksLikeKey && !keys.contains(literal)) {
                missing.add(literal);
            }
        }
        assertThat(missing).as("keys named in code but absent from the bundles").isEmpty();
        Set<String> unused = new TreeSet<>(keys);
        unused.removeAll(literals);
        assertThat(unused).as("keys in the bundles that no code names").isEmpty();
    }

    @Test
    void chineseIsTheDefaultAndEnglishIsSecond() {
        assertThat(Messages.forLocale(java.util.Locale.CHINA).get("nav.registry")).isEqualTo("组织台账");
        assertThat(Messages.forLocale(java.util.Locale.FRANCE).get("nav.registry")).isEqualTo("组织台账");
        assertThat(Messages.forLocale(java.util.Locale.US).get("nav.registry")).isEqualTo("Registry");
    }
}
