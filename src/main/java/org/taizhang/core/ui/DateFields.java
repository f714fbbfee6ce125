package org.taizhang.core.ui;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.StringConverter;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.text.CellValues;

/**
 * The program's one date field. What the clerk types is never rewritten while typing (a picker that read
 * 2026-12-1 as a date and showed it as 2026-12-01 made every day from 10 to 31 impossible to type); it is read
 * when the field is left or Enter is pressed, in the spellings the import reads (2026-12-10, 2026/12/10,
 * 2026.12.10, 20261210, 2026-1-5, 2026年12月10日), and then written 2026-12-10. A text that is no date stays as
 * typed, the field marked red with a message saying so: it is never emptied without a word.
 */
public final class DateFields {
    /** The style class of a field whose text is no date (red, like a form field with an error). */
    public static final String ERROR_STYLE = "date-error";

    private DateFields() {}

    /** The date {@code text} stands for; empty when blank or unreadable. */
    public static Optional<LocalDate> parse(String text) {
        return text == null || text.isBlank() ? Optional.empty() : CellValues.date(text.strip());
    }

    /** Whether {@code text} is something, but no date. */
    public static boolean unreadable(String text) {
        return text != null && !text.isBlank() && parse(text).isEmpty();
    }

    /**
     * A date field whose truth is the TEXT of a form model: every keystroke reaches {@code text} as typed (so a
     * save by shortcut reads what is on screen, and the form's checks say when it is no date), a date chosen in
     * the calendar or read on leaving the field is written back as 2026-12-10.
     */
    public static DatePicker picker(String id, StringProperty text, String prompt, Messages m) {
        DatePicker picker = base(id, prompt);
        TextField editor = picker.getEditor();
        boolean[] syncing = {false};
        Runnable fromModel = () -> {
            String now = Objects.requireNonNullElse(text.get(), "");
            syncing[0] = true;
            try {
                if (!now.equals(editor.getText())) {
                    editor.setText(now);
                }
                picker.setValue(parse(now).orElse(null));
            } finally {
                syncing[0] = false;
            }
            mark(picker, m);
        };
        fromModel.run();
        text.addListener((o, old, now) -> {
            if (!syncing[0]) {
                fromModel.run(); // a record loaded, a form discarded
            }
        });
        editor.textProperty().addListener((o, old, now) -> {
            if (!syncing[0]) {
                syncing[0] = true;
                try {
                    text.set(now); // typed: the model follows, the field is left alone
                } finally {
                    syncing[0] = false;
                }
            }
        });
        // picked in the calendar: the converter has written the date into the editor, which the model follows
        onCommit(picker, m);
        return picker;
    }

    /** A date field over a date (a filter, a dialog's day): a text that is no date leaves the value empty. */
    public static DatePicker picker(String id, ObjectProperty<LocalDate> value, String prompt, Messages m) {
        DatePicker picker = base(id, prompt);
        picker.setValue(value.get());
        picker.valueProperty().bindBidirectional(value);
        picker.valueProperty().addListener((o, old, now) -> {
            if (now != null) {
                mark(picker, m); // set from outside or picked: whatever was wrong is gone
            }
        });
        onCommit(picker, m);
        return picker;
    }

    /**
     * Reads the text on screen now, as leaving the field does, and returns the date (empty when blank or no
     * date); for a dialog's OK, which Enter can press before the field was left.
     */
    public static Optional<LocalDate> commit(DatePicker picker) {
        TextField editor = picker.getEditor();
        String typed = editor.getText();
        Optional<LocalDate> date = parse(typed);
        picker.setValue(date.orElse(null));
        // the picker empties its field when its date becomes none: a wrong text is put back, to be corrected
        editor.setText(date.map(LocalDate::toString).orElse(typed));
        return date;
    }

    private static DatePicker base(String id, String prompt) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPromptText(prompt);
        TextField editor = picker.getEditor();
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                String shown = editor.getText();
                if (date == null) {
                    return unreadable(shown) ? shown : ""; // keep a wrong text on screen, to be corrected
                }
                // the picker writes its value into the field: leave what was typed when it means that day
                return date.equals(parse(shown).orElse(null)) ? shown : date.toString();
            }

            @Override
            public LocalDate fromString(String s) {
                return parse(s).orElse(null);
            }
        });
        return picker;
    }

    /** Leaving the field or Enter reads it: a date is written 2026-12-10, anything else is marked. */
    private static void onCommit(DatePicker picker, Messages m) {
        TextField editor = picker.getEditor();
        // what the clerk typed: the picker's own handling of leaving the field may have emptied it already
        String[] typed = {editor.getText()};
        editor.textProperty().addListener((o, old, now) -> {
            if (picker.isFocused()) {
                typed[0] = now;
            }
        });
        Runnable commit = () -> {
            if (picker.isDisabled() || !picker.isEditable()) {
                return;
            }
            if (!typed[0].equals(editor.getText())) {
                editor.setText(typed[0]);
            }
            commit(picker);
            mark(picker, m);
        };
        picker.focusedProperty().addListener((o, was, now) -> {
            if (now) {
                typed[0] = editor.getText();
            } else {
                commit.run();
            }
        });
        // a filter: the picker's own Enter handling would otherwise come first and may consume the key
        picker.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                commit.run();
            }
        });
    }

    private static void mark(DatePicker picker, Messages m) {
        String shown = picker.getEditor().getText();
        picker.getStyleClass().remove(ERROR_STYLE);
        if (unreadable(shown)) {
            picker.getStyleClass().add(ERROR_STYLE);
            picker.setTooltip(new Tooltip(m.get("date.unreadable", shown.strip())));
        } else {
            picker.setTooltip(null);
        }
    }
}
