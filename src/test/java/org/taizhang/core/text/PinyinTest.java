package org.taizhang.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PinyinTest {
    private static final String FINANCE = "江海市财政局";

    @Test
    void lowerCaseInitialsMatchTheChineseName() {
        assertThat(Pinyin.matches(FINANCE, "czj")).isTrue();
    }

    @Test
    void upperCaseInitialsMatchToo() {
        assertThat(Pinyin.matches(FINANCE, "CZJ")).isTrue();
    }

    @Test
    void initialsMatchFromTheStartOfTheName() {
        assertThat(Pinyin.matches(FINANCE, "jhs")).isTrue();
    }

    @Test
    void initialsMustBeConsecutive() {
        assertThat(Pinyin.matches(FINANCE, "jcz")).isFalse();
    }

    @Test
    void aLiteralSubstringMatches() {
        assertThat(Pinyin.matches(FINANCE, "财政")).isTrue();
    }

    @Test
    void aLiteralLatinSubstringMatchesIgnoringCase() {
        assertThat(Pinyin.matches("江海市12345热线中心", "12345")).isTrue();
        assertThat(Pinyin.matches("江海市IT中心", "it")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xyz", "czjx", "公安", "gaj"})
    void aQueryThatIsNeitherTextNorInitialsDoesNotMatch(String query) {
        assertThat(Pinyin.matches(FINANCE, query)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void aBlankQueryMatchesEverything(String query) {
        assertThat(Pinyin.matches(FINANCE, query)).isTrue();
        assertThat(Pinyin.matches("", query)).isTrue();
    }

    @Test
    void aQueryNeverMatchesAnEmptyText() {
        assertThat(Pinyin.matches("", "czj")).isFalse();
        assertThat(Pinyin.matches(null, "czj")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"sz", "sc"})
    void aCharacterWithTwoReadingsMatchesEitherInitial(String query) {
        assertThat(Pinyin.matches("市长", query)).isTrue();
    }

    @Test
    void initialsOfATextUseTheFirstReading() {
        assertThat(Pinyin.initials("财政局")).isEqualTo("czj");
        assertThat(Pinyin.initials("市委办A1")).isEqualTo("swba1");
    }
}
