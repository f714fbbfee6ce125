package org.taizhang.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Windows' naming rules (learn.microsoft.com, "Naming Files, Paths, and Namespaces") against {@link FileNames#safe}:
 * reserved characters, control characters, reserved device names with or without an extension, trailing dots and
 * spaces, and the length a name may have.
 */
class FileNamesTest {

    @ParameterizedTest(name = "[{index}] {0} → {1}")
    @CsvSource(delimiter = '→', quoteCharacter = '\'', textBlock = """
        市委办公室整改情况反馈表.xlsx          → 市委办公室整改情况反馈表.xlsx
        党建/组织科.xlsx                      → 党建／组织科.xlsx
        a\\b.xlsx                             → a＼b.xlsx
        '第一支部: 2025'                       → '第一支部： 2025'
        '"优秀"支部.xlsx'                      → '＂优秀＂支部.xlsx'
        测评*细则?.xlsx                        → 测评＊细则？.xlsx
        <机关>党委|一支部.xlsx                  → ＜机关＞党委｜一支部.xlsx
        CON                                  → CON_
        con                                  → con_
        PRN.xlsx                             → PRN_.xlsx
        aux.tar.gz                           → aux_.tar.gz
        Nul.txt                              → Nul_.txt
        COM1.xlsx                            → COM1_.xlsx
        com9                                 → com9_
        LPT1                                 → LPT1_
        lpt9.csv                             → lpt9_.csv
        COM¹.txt                             → COM¹_.txt
        'NUL .txt'                           → 'NUL _.txt'
        COM0                                 → COM0
        COM10                                → COM10
        CONSOLE.xlsx                         → CONSOLE.xlsx
        组织台账.CON                           → 组织台账.CON
        'XCON'                               → 'XCON'
        组织台账.                              → 组织台账
        '组织台账 . .'                         → '组织台账'
        '  组织台账.xlsx  '                    → '组织台账.xlsx'
        '.'                                  → 'taizhang'
        '..'                                 → 'taizhang'
        '   '                                → 'taizhang'
        '//'                                 → '／／'
        """)
    void followsWindowsRules(String name, String expected) {
        assertThat(FileNames.safe(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\t", "\n", "\r", "\u001f", "\u007f"})
    void dropsControlCharacters(String control) {
        assertThat(FileNames.safe("第一" + control + "支部.xlsx")).isEqualTo("第一支部.xlsx");
        assertThat(FileNames.safe(control)).isEqualTo(FileNames.FALLBACK);
    }

    @Test
    void nullIsTheFallback() {
        assertThat(FileNames.safe(null)).isEqualTo(FileNames.FALLBACK);
    }

    static Stream<Arguments> longNames() {
        return Stream.of(
                Arguments.of("党".repeat(300) + ".xlsx", "党".repeat(FileNames.MAX_LENGTH - 5) + ".xlsx"),
                Arguments.of("党".repeat(300), "党".repeat(FileNames.MAX_LENGTH)),
                // an "extension" with a space in it is part of the name, not kept aside
                Arguments.of("a".repeat(200) + ".b c", "a".repeat(FileNames.MAX_LENGTH)),
                // cut where a trailing space or dot would be left: Windows would drop them
                Arguments.of(
                        "党".repeat(FileNames.MAX_LENGTH - 6) + " . " + "党".repeat(50) + ".xlsx",
                        "党".repeat(FileNames.MAX_LENGTH - 6) + ".xlsx"));
    }

    @ParameterizedTest
    @MethodSource("longNames")
    void isCappedKeepingAShortExtension(String name, String expected) {
        String safe = FileNames.safe(name);

        assertThat(safe).isEqualTo(expected);
        assertThat(safe.length()).isLessThanOrEqualTo(FileNames.MAX_LENGTH);
    }

    @Test
    void neverSplitsACharacterOutsideTheBasicPlane() {
        String rare = "𠀀"; // two UTF-16 units
        String safe = FileNames.safe("a" + rare.repeat(100));

        assertThat(safe.length()).isLessThanOrEqualTo(FileNames.MAX_LENGTH);
        assertThat(safe).isEqualTo("a" + rare.repeat((FileNames.MAX_LENGTH - 1) / 2));
    }

    /** Every single character, alone and inside a name: nothing Windows refuses comes out, and safe is stable. */
    @Test
    void noCharacterWindowsRefusesSurvives() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            for (String name : new String[] {String.valueOf(c), "支部" + c + "台账", "nul" + c + "txt"}) {
                String safe = FileNames.safe(name);
                assertThat(safe)
                        .as("U+%04X in %s", (int) c, name)
                        .isNotEmpty()
                        .doesNotContainPattern("[\\\\/:*?\"<>|\\x00-\\x1f]")
                        .doesNotEndWith(".")
                        .doesNotEndWith(" ");
                assertThat(stem(safe)).as("U+%04X in %s", (int) c, name).isNotIn("CON", "PRN", "AUX", "NUL");
                assertThat(FileNames.safe(safe)).isEqualTo(safe);
            }
        }
    }

    private static String stem(String name) {
        int dot = name.indexOf('.');
        return (dot < 0 ? name : name.substring(0, dot)).strip().toUpperCase(Locale.ROOT);
    }
}
