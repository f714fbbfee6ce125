package org.taizhang.core.ui;

import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.taizhang.core.text.Pinyin;

/** Table pieces every list uses: text columns sorted as Chinese readers expect, value columns, pinyin search. */
public final class Tables {
    /** Chinese names in the order of a Chinese dictionary (pinyin), not by Unicode code point. */
    public static final Comparator<String> CHINESE = org.taizhang.core.text.ChineseOrder.INSTANCE;

    private Tables() {}

    /** A text column sorted with {@link #CHINESE}; a cut-off value can be read whole in its tooltip. */
    public static <R> TableColumn<R, String> textColumn(String header, double width, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(header);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(nz(value.apply(cd.getValue()))));
        c.setComparator(CHINESE);
        c.setCellFactory(col -> new TableCell<>() {
            {
                // made when the pointer first comes over the cell: a tooltip is a popup window of its own, and a
                // table shows hundreds of cells at once (docs/benchmarks.md, cold start)
                setOnMouseEntered(e -> {
                    if (getTooltip() == null && getText() != null) {
                        setTooltip(new Tooltip(getText()));
                    }
                });
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean blank = empty || item == null || item.isEmpty();
                setText(blank ? null : item);
                if (blank) {
                    setTooltip(null);
                } else if (getTooltip() != null) {
                    getTooltip().setText(item);
                }
            }
        });
        return c;
    }

    /** A column whose values sort by their own order (numbers, dates); {@code text} writes them. */
    public static <R, V extends Comparable<? super V>> TableColumn<R, V> valueColumn(
            String header, double width, Function<R, V> value, Function<V, String> text) {
        TableColumn<R, V> c = new TableColumn<>(header);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(V item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        return c;
    }

    /** Shows {@code items} in {@code table}, sortable by its columns and filtered by the search field. */
    public static <R> void searchable(
            TableView<R> table, ObservableList<R> items, TextField search, Function<R, String> searchText) {
        FilteredList<R> filtered = new FilteredList<>(items);
        search.textProperty()
                .addListener((o, a, q) -> filtered.setPredicate(r -> Pinyin.matches(searchText.apply(r), q)));
        SortedList<R> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
    }

    /** A converter that only writes (choice boxes). */
    public static <T> StringConverter<T> converter(Function<T, String> toText) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return toText.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
