package org.taizhang.core.ui;

import java.util.function.Predicate;
import javafx.beans.value.ChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Skin;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.text.Pinyin;

/**
 * Unit and organization pickers: a searchable list that takes what the registry's search takes — part of the
 * name, or its pinyin initials ({@code dag} finds 档案馆) — and says 无匹配 when nothing is left.
 */
public final class Pickers {
    private Pickers() {}

    /** A searchable picker over {@code items}, each shown by {@code converter}, searched by name and initials. */
    public static <T> SearchableComboBox<T> of(ObservableList<T> items, StringConverter<T> converter, Messages m) {
        SearchableComboBox<T> box = new SearchableComboBox<>(items);
        box.setConverter(converter);
        return pinyin(box, m);
    }

    /**
     * Makes a ControlsFX {@link SearchableComboBox} search by pinyin initials too. Its skin filters by the literal
     * text alone and keeps that private; it hands a new {@link FilteredList} to its inner list on every keystroke
     * and every change of the items, so the pinyin predicate is put on each list as it arrives.
     */
    public static <T> SearchableComboBox<T> pinyin(SearchableComboBox<T> box, Messages m) {
        box.skinProperty().addListener((o, was, skin) -> install(box, skin, m));
        install(box, box.getSkin(), m);
        return box;
    }

    @SuppressWarnings("unchecked")
    private static <T> void install(SearchableComboBox<T> box, Skin<?> skin, Messages m) {
        if (!(skin instanceof SkinBase<?> base)) {
            return;
        }
        TextField search = null;
        ComboBox<T> list = null;
        for (Node n : base.getChildren()) {
            if (n instanceof TextField t) {
                search = t;
            } else if (n instanceof ComboBox<?> c) {
                list = (ComboBox<T>) c;
            }
        }
        if (search == null || list == null) {
            return; // another skin: its own search stays
        }
        if (!box.placeholderProperty().isBound()) { // the inner list's placeholder is bound to the picker's
            Label none = new Label(m.get("picker.noMatch"));
            none.setId("pickerNoMatch");
            box.setPlaceholder(none);
        }
        TextField typed = search;
        ComboBox<T> inner = list;
        Runnable apply = () -> {
            if (inner.getItems() instanceof FilteredList<T> filtered) {
                String q = typed.getText();
                Predicate<T> byName = item -> Pinyin.matches(shown(box, item), q);
                filtered.setPredicate(byName);
            }
        };
        // after the skin's own listeners (registered first), so this predicate is the one that stays
        ChangeListener<Object> again = (o, a, b) -> apply.run();
        inner.itemsProperty().addListener(again);
        typed.textProperty().addListener(again);
        apply.run();
    }

    private static <T> String shown(ComboBox<T> box, T item) {
        StringConverter<T> c = box.getConverter();
        return c != null ? c.toString(item) : item == null ? "" : item.toString();
    }
}
