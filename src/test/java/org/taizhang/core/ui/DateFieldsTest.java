package org.taizhang.core.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.taizhang.core.i18n.Messages;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The one date field of the program, typed into key by key as a clerk does: what is typed is never rewritten
 * while typing (2026-12-1 must not turn into 2026-12-01 on the way to 2026-12-10); on Tab a date in any usual
 * spelling becomes the date, written 2026-12-10; a text that is no date stays and is marked with a message.
 */
@ExtendWith(ApplicationExtension.class)
class DateFieldsTest {
    private static final Messages M = Messages.forLocale(Messages.CHINESE);
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> value = new SimpleObjectProperty<>();
    private DatePicker byText;
    private DatePicker byValue;

    @Start
    void start(Stage stage) {
        byText = DateFields.picker("byText", text, "如 2026-12-10", M);
        byValue = DateFields.picker("byValue", value, "如 2026-12-10", M);
        TextField next = new TextField();
        next.setId("next");
        stage.setScene(new Scene(new VBox(8, byText, byValue, next), 400, 200));
        stage.show();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-10", "2026/12/10", "20261210", "2026.12.10"})
    void aDateTypedKeyByKeyIsTheDateAfterTab(String typed, FxRobot robot) {
        robot.clickOn("#byText").write(typed);

        assertThat(byText.getEditor().getText()).isEqualTo(typed); // nothing rewritten while typing
        robot.type(KeyCode.TAB);

        assertThat(text.get()).isEqualTo("2026-12-10");
        assertThat(byText.getValue()).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(byText.getEditor().getText()).isEqualTo("2026-12-10");
        assertThat(byText.getStyleClass()).doesNotContain(DateFields.ERROR_STYLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-10", "2026/12/10", "20261210", "2026.12.10"})
    void aFieldBoundToADateTakesEverySpellingToo(String typed, FxRobot robot) {
        robot.clickOn("#byValue").write(typed).type(KeyCode.TAB);

        assertThat(value.get()).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(byValue.getEditor().getText()).isEqualTo("2026-12-10");
    }

    @Test
    void aShortMonthAndDayAreReadToo(FxRobot robot) {
        robot.clickOn("#byText").write("2026-1-5").type(KeyCode.TAB);

        assertThat(text.get()).isEqualTo("2026-01-05");
        assertThat(byText.getValue()).isEqualTo(LocalDate.of(2026, 1, 5));
    }

    @Test
    void aTextThatIsNoDateStaysAndSaysWhy(FxRobot robot) {
        robot.clickOn("#byText").write("2026-12-010").type(KeyCode.TAB);

        assertThat(byText.getEditor().getText()).isEqualTo("2026-12-010");
        assertThat(text.get()).isEqualTo("2026-12-010");
        assertThat(byText.getValue()).isNull();
        assertThat(byText.getStyleClass()).contains(DateFields.ERROR_STYLE);
        assertThat(byText.getTooltip().getText()).contains("“2026-12-010”不是日期");

        robot.clickOn("#byText").eraseText(12).write("2026-12-10").type(KeyCode.TAB);

        assertThat(text.get()).isEqualTo("2026-12-10");
        assertThat(byText.getStyleClass()).doesNotContain(DateFields.ERROR_STYLE);
    }

    @Test
    void aStoredDateOverwrittenWithNoDateKeepsTheText(FxRobot robot) {
        robot.interact(() -> text.set("2026-03-01"));
        robot.clickOn("#byText").eraseText(10).write("2026-3-011").type(KeyCode.TAB);

        assertThat(byText.getEditor().getText()).isEqualTo("2026-3-011");
        assertThat(text.get()).isEqualTo("2026-3-011");
        assertThat(byText.getStyleClass()).contains(DateFields.ERROR_STYLE);
    }

    @Test
    void aFieldBoundToADateKeepsABadTextAndHasNoDate(FxRobot robot) {
        robot.interact(() -> value.set(LocalDate.of(2026, 3, 1)));
        robot.clickOn("#byValue").eraseText(10).write("2026-02-30");
        assertThat(byValue.getEditor().getText()).isEqualTo("2026-02-30");
        robot.type(KeyCode.TAB);

        assertThat(byValue.getEditor().getText()).isEqualTo("2026-02-30");
        assertThat(value.get()).isNull(); // a filter on it must not keep filtering by the old date
        assertThat(byValue.getStyleClass()).contains(DateFields.ERROR_STYLE);
    }

    @Test
    void aDateSetFromOutsideIsShownAndPickedDatesAreWrittenTheSameWay(FxRobot robot) {
        robot.interact(() -> text.set("2025-11-09"));
        assertThat(byText.getEditor().getText()).isEqualTo("2025-11-09");
        assertThat(byText.getValue()).isEqualTo(LocalDate.of(2025, 11, 9));

        robot.interact(() -> byText.setValue(LocalDate.of(2026, 2, 3))); // as the calendar does

        assertThat(text.get()).isEqualTo("2026-02-03");
        assertThat(byText.getEditor().getText()).isEqualTo("2026-02-03");

        robot.interact(() -> text.set(""));
        assertThat(byText.getEditor().getText()).isEmpty();
        assertThat(byText.getValue()).isNull();
    }
}
