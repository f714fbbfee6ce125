package org.taizhang.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CellValuesTest {
    private static final LocalDate MAY_DAY = LocalDate.of(2024, 5, 1);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-05-01",
                "2024/5/1",
                "2024.5.1",
                "2024年5月1日",
                "2024年5月1",
                "20240501",
                " 2024-05-01 ",
                "2024 - 5 - 1"
            })
    void datesInTheFormsClerksTypeAreRead(String text) {
        assertThat(CellValues.date(text)).contains(MAY_DAY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-13-01", "2024-02-30", "abc", "", "2024-05", "24-5-1", "202451", "2024-05-01 10:00"})
    void unreadableOrImpossibleDatesAreEmpty(String text) {
        assertThat(CellValues.date(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"25|25", "25.0|25", "' 30 '|30", "0|0", "1,200|1200", "30人|30"})
    void wholeNumbersAreRead(String text, int expected) {
        assertThat(CellValues.wholeNumber(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"三十", "2.5", "abc", "", "  ", "99999999999"})
    void textThatIsNotAWholeNumberIsEmpty(String text) {
        assertThat(CellValues.wholeNumber(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"是,true", "否,false", "Y,true", "N,false", "y,true", "n,false", "' 是 ',true", "有,true", "无,false"})
    void yesAndNoAreRead(String text, boolean expected) {
        assertThat(CellValues.yesNo(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "也许", "是的吧", "2"})
    void anythingElseIsNeitherYesNorNo(String text) {
        assertThat(CellValues.yesNo(text)).isEmpty();
    }
}
