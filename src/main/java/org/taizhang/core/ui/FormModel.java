package org.taizhang.core.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taizhang.core.Issue;

/**
 * A form's state with no controls in it: the fields (properties the subclass declares and passes to
 * {@link #track}), whether a value differs from the one loaded ({@code dirty}: typing "a" and erasing it is no
 * change), the live checks (the
 * feature's own rules, the same the save runs), whether it is a new record, and whether the record was deleted
 * (then the form is read-only until it is restored).
 *
 * @param <T> the record (a plain domain type)
 */
public abstract class FormModel<T> {
    private final ObservableList<Issue> issues = FXCollections.observableArrayList();
    /** One read-only view, kept: a view made per call would be collected, and the listeners on it with it. */
    private final ObservableList<Issue> issuesView = FXCollections.unmodifiableObservableList(issues);

    private final ReadOnlyBooleanWrapper hasErrors = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper isNew = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper deleted = new ReadOnlyBooleanWrapper();
    /** A record that is shown but never changed (a published template): 保存 and 删除 are off. */
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper();

    private final BooleanBinding issuesShown = dirty.or(isNew.not());
    private boolean loading;
    private T original;
    private final List<Observable> fields = new ArrayList<>();
    /** The fields' values as loaded or saved: the form is dirty while any value differs from these. */
    private List<Object> loaded = List.of();

    /** Registers the fields: a change by the clerk sets whether the form differs from the loaded record, and checks. */
    protected final void track(Observable... tracked) {
        for (Observable f : tracked) {
            fields.add(f);
            f.addListener(o -> {
                if (!loading) {
                    dirty.set(!values().equals(loaded));
                    validate();
                }
            });
        }
    }

    /** The tracked fields' values now; "" and null are one (an emptied text field gives "", a blank record null). */
    private List<Object> values() {
        List<Object> now = new ArrayList<>(fields.size());
        for (Observable f : fields) {
            Object v = switch (f) {
                case ObservableValue<?> value -> value.getValue();
                case javafx.collections.ObservableList<?> list -> List.copyOf(list);
                default -> new Object(); // nothing to compare: any change counts, as before
            };
            now.add(v instanceof String s && s.isEmpty() ? null : v);
        }
        return now;
    }

    private void markLoaded() {
        loaded = values();
        dirty.set(false);
    }

    /** Puts the record into the fields. */
    protected abstract void fill(T record);

    /** The record the fields describe now. */
    public abstract T read();

    /** A new record as the form starts it (the subclass uses its own context: the chosen unit, say). */
    protected abstract T blank();

    /** The errors and warnings of {@code record}, plus what the fields cannot even say (an unreadable date). */
    protected abstract List<Issue> check(T record);

    /** Shows a stored record; {@code isDeleted} makes the form read-only (恢复 brings it back). */
    public final void edit(T record, boolean isDeleted) {
        load(record);
        original = record;
        isNew.set(false);
        deleted.set(isDeleted);
        markLoaded();
        validate();
    }

    /** Starts a new record from {@link #blank()}. */
    public final void startNew() {
        T record = blank();
        load(record);
        original = null;
        isNew.set(true);
        deleted.set(false);
        markLoaded();
        validate();
    }

    /** Throws the clerk's changes away: the stored record again, or a fresh new one. */
    public final void discard() {
        if (original == null) {
            startNew();
        } else {
            edit(original, deleted.get());
        }
    }

    /**
     * Runs {@code change} as loading, not typing (new choices for a list, say): the form does not turn dirty.
     */
    protected final void quietly(Runnable change) {
        boolean was = loading;
        loading = true;
        try {
            change.run();
        } finally {
            loading = was;
        }
        if (!was && !dirty.get()) {
            loaded = values(); // what a quiet change puts in a field is not the clerk's change
        }
    }

    private void load(T record) {
        quietly(() -> fill(record));
    }

    public final void validate() {
        List<Issue> list = check(read());
        issues.setAll(list);
        hasErrors.set(list.stream().anyMatch(Issue::isError));
    }

    /** After a successful save the form holds the stored record. */
    public final void markSaved() {
        original = read();
        markLoaded();
        isNew.set(false);
    }

    /** Whether the field (a column name the rules use) has an error now. */
    public final boolean fieldHasError(String field) {
        return issues.stream().anyMatch(i -> i.isError() && field.equals(i.field()));
    }

    /** The record as loaded (null for a new one). */
    public final T original() {
        return original;
    }

    public final ObservableList<Issue> issues() {
        return issuesView;
    }

    public final ReadOnlyBooleanProperty hasErrorsProperty() {
        return hasErrors.getReadOnlyProperty();
    }

    public final ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public final boolean isDirty() {
        return dirty.get();
    }

    public final ReadOnlyBooleanProperty isNewProperty() {
        return isNew.getReadOnlyProperty();
    }

    public final ReadOnlyBooleanProperty deletedProperty() {
        return deleted.getReadOnlyProperty();
    }

    public final ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    /** Set by {@link #fill} for a record the clerk may read but not save or delete. */
    protected final void setReadOnly(boolean value) {
        readOnly.set(value);
    }

    /** A blank new form is not yet wrong: its messages wait until the clerk types. */
    public final BooleanBinding issuesShown() {
        return issuesShown;
    }
}
