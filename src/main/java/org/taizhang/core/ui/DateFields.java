package org.taizhang.core.ui;

import java.time.LocalDate;
import java.util.Optional;
import javafx.beans.property.StringProperty;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;
import org.taizhang.core.text.CellValues;

/**
 * A date field whose truth is the TEXT in the form model: a date picked in the calendar becomes 2024-05-01,
 * text is read the way the import reads it (2024/5/1, 2024年5月1日 …), and text that is no date stays as typed,
 * so the form can say what is wrong instead of the field quietly emptying itself.
 */
public final class DateFields {
    private DateFields() {}

    /** The date {@code text} stands for; empty when blank or unreadable. */
    public static Optional<LocalDate> parse(String text) {
        return text == null || text.isBlank() ? Optional.empty() : CellValues.date(text.strip());
    }

    /** Whether {@code text} is something, but no date. */
    public static boolean unreadable(String text) {
        return text != null && !text.isBlank() && parse(text).isEmpty();
    }

    public static DatePicker picker(String id, StringProperty text, String prompt) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPromptText(prompt);
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                if (date != null) {
                    return date.toString();
                }
                return unreadable(text.get()) ? text.get() : ""; // keep what was typed on screen
            }

            @Override
            public LocalDate fromString(String s) {
                return parse(s).orElse(null);
            }
        });
        picker.getEditor().textProperty().bindBidirectional(text);
        picker.setValue(parse(text.get()).orElse(null));
        text.addListener((o, old, now) -> {
            LocalDate d = parse(now).orElse(null);
            if (d == null ? picker.getValue() != null && !unreadable(now) : !d.equals(picker.getValue())) {
                picker.setValue(d);
            }
        });
        picker.valueProperty().addListener((o, old, d) -> {
            if (d != null && !d.equals(parse(text.get()).orElse(null))) {
                text.set(d.toString()); // picked in the calendar
            }
        });
        return picker;
    }
}
