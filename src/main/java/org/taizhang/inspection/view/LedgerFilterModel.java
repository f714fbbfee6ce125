package org.taizhang.inspection.view;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.Tables;
import org.taizhang.inspection.LedgerStats;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.Inspection;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.view.LedgerFilter.WarningFilter;
import org.taizhang.organization.model.Unit;

/**
 * The 整改台账's filters as the page shows them: one property per filter, the choices each list offers, the rows
 * shown, the count per state (every filter but the state, so a count clicked shows that many) and the figures under
 * the table. Each change of a filter makes a new {@link LedgerFilter}.
 */
public final class LedgerFilterModel {
    private final Messages m;
    private final ObservableList<LedgerEntry> entries;
    private final FilteredList<LedgerEntry> shown;

    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<Inspection> round = new SimpleObjectProperty<>();
    private final ObjectProperty<Unit> unit = new SimpleObjectProperty<>();
    private final ObjectProperty<String> community = new SimpleObjectProperty<>();
    private final ObjectProperty<String> category = new SimpleObjectProperty<>();
    private final ObjectProperty<FindingState> state = new SimpleObjectProperty<>();
    /** 未销号: the findings not yet closed, a state button beside the states; never with a state chosen. */
    private final javafx.beans.property.BooleanProperty openOnly = new javafx.beans.property.SimpleBooleanProperty();

    private final ObjectProperty<WarningFilter> warning = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> foundFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> foundTo = new SimpleObjectProperty<>();

    private final ObservableList<Inspection> rounds = FXCollections.observableArrayList();
    private final ObservableList<Unit> units = FXCollections.observableArrayList();
    private final ObservableList<String> communities = FXCollections.observableArrayList();
    private final ObservableList<String> categories = FXCollections.observableArrayList();

    /** The rows every filter but the state keeps: what the state buttons and the footer both count. */
    private List<LedgerEntry> counted = List.of();

    private final ReadOnlyObjectWrapper<Map<FindingState, Integer>> counts =
            new ReadOnlyObjectWrapper<>(new EnumMap<>(FindingState.class));
    private Map<String, String> searchTexts = Map.of();
    private LedgerFilter filter = LedgerFilter.none();

    /** Filters {@code entries}, the ledger as read; call {@link #refill} after each read. */
    public LedgerFilterModel(ObservableList<LedgerEntry> entries, Messages messages) {
        this.entries = entries;
        this.shown = new FilteredList<>(entries);
        this.m = messages;
        for (Observable p : List.<Observable>of(
                search, round, unit, community, category, state, openOnly, warning, foundFrom, foundTo)) {
            p.addListener(o -> refilter());
        }
        // a state and 未销号 are one choice among the state buttons
        state.addListener((o, was, now) -> {
            if (now != null) {
                openOnly.set(false);
            }
        });
        openOnly.addListener((o, was, now) -> {
            if (now) {
                state.set(null);
            }
        });
    }

    /**
     * Takes a new read: the choices of the lists (a chosen one kept when it is still there), the search texts, and
     * the rows shown and counted. {@code entries} must hold {@code ledger} already or be set right after.
     */
    public void refill(List<LedgerEntry> ledger, List<Inspection> rounds, List<Unit> units, List<String> dictionary) {
        TreeSet<String> communityNames = new TreeSet<>(Tables.CHINESE);
        TreeSet<String> categoryNames = new TreeSet<>(Tables.CHINESE);
        for (LedgerEntry e : ledger) {
            if (e.communityName() != null) {
                communityNames.add(e.communityName());
            }
            if (e.finding().category() != null) {
                categoryNames.add(e.finding().category());
            }
        }
        categoryNames.addAll(dictionary);
        searchTexts = LedgerFilter.searchTexts(ledger);
        keep(this.rounds, rounds, round, (a, b) -> a.id().equals(b.id()));
        keep(this.units, units, unit, (a, b) -> a.id().equals(b.id()));
        keep(communities, List.copyOf(communityNames), community, String::equals);
        keep(categories, List.copyOf(categoryNames), category, String::equals);
    }

    /** Refills a list of choices, keeping the chosen one (by identity of its record) when it is still there. */
    private static <T> void keep(
            ObservableList<T> list, List<T> fresh, ObjectProperty<T> chosen, BiPredicate<T, T> same) {
        T was = chosen.get();
        list.setAll(fresh);
        if (was != null) {
            chosen.set(fresh.stream().filter(x -> same.test(x, was)).findFirst().orElse(null));
        }
    }

    /** Applies the filters again: the rows shown, the rows counted and the counts per state. */
    public void refilter() {
        filter = new LedgerFilter(
                search.get(),
                round.get() == null ? null : round.get().id(),
                unit.get() == null ? null : unit.get().id(),
                community.get(),
                category.get(),
                state.get(),
                warning.get(),
                foundFrom.get(),
                foundTo.get(),
                searchTexts,
                openOnly.get());
        LedgerFilter others = filter.anyState();
        Map<FindingState, Integer> c = new EnumMap<>(FindingState.class);
        for (FindingState st : FindingState.values()) {
            c.put(st, 0);
        }
        List<LedgerEntry> kept = new ArrayList<>();
        for (LedgerEntry e : entries) {
            if (others.test(e)) {
                c.merge(e.state(), 1, Integer::sum);
                kept.add(e);
            }
        }
        counted = List.copyOf(kept);
        shown.setPredicate(filter);
        counts.set(c);
    }

    /** The filter in force. */
    public LedgerFilter filter() {
        return filter;
    }

    /** Clears every filter and the search. */
    public void clear() {
        search.set("");
        round.set(null);
        unit.set(null);
        community.set(null);
        category.set(null);
        state.set(null);
        openOnly.set(false);
        warning.set(null);
        foundFrom.set(null);
        foundTo.set(null);
    }

    /** Shows what a reminder tile counts: the filters set to it, every other filter cleared. */
    public void show(RemindersModel.Kind kind) {
        clear();
        switch (kind) {
            case OVERDUE -> warning.set(WarningFilter.OVERDUE);
            case SOON -> warning.set(WarningFilter.SOON);
            case PENDING -> state.set(FindingState.PENDING);
            case CLOSE_REQUESTED -> state.set(FindingState.CLOSE_REQUESTED);
        }
    }

    /**
     * The figures under the table: found, closed, in progress, 销号率, overdue, 反弹, over the rows the state buttons
     * count (every filter but the state), each group named with the buttons it adds up, so the two never disagree.
     */
    public String figures() {
        var f = LedgerStats.of(counted).total();
        Map<FindingState, Integer> c = counts.get();
        String rate = f.closureRate().isPresent()
                ? String.format(Locale.ROOT, "%.1f%%", f.closureRate().getAsDouble() * 100)
                : "—";
        String repeatRate = f.repeatRate().isPresent()
                ? String.format(Locale.ROOT, "%.1f%%", f.repeatRate().getAsDouble() * 100)
                : "—";
        return m.get(
                "ledger.figures",
                f.found(),
                f.closed(),
                f.inProgress(),
                c.getOrDefault(FindingState.NOTIFIED, 0),
                c.getOrDefault(FindingState.RECTIFYING, 0),
                c.getOrDefault(FindingState.CLOSE_REQUESTED, 0),
                f.pending(),
                rate,
                f.overdue(),
                f.repeats(),
                repeatRate);
    }

    public ObservableList<LedgerEntry> shown() {
        return shown;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<Inspection> roundFilterProperty() {
        return round;
    }

    public ObjectProperty<Unit> unitFilterProperty() {
        return unit;
    }

    public ObjectProperty<String> communityFilterProperty() {
        return community;
    }

    public ObjectProperty<String> categoryFilterProperty() {
        return category;
    }

    public ObjectProperty<FindingState> stateFilterProperty() {
        return state;
    }

    /** 未销号 chosen among the state buttons. */
    public javafx.beans.property.BooleanProperty openOnlyProperty() {
        return openOnly;
    }

    /**
     * Shows what a figure of the 工作台 counts — 未销号 ({@code open}), a state, a 共同体 or a category — every other
     * filter cleared.
     */
    public void show(boolean open, FindingState state, String community, String category) {
        clear();
        openOnly.set(open);
        this.state.set(state);
        this.community.set(community);
        this.category.set(category);
    }

    public ObjectProperty<WarningFilter> warningFilterProperty() {
        return warning;
    }

    public ObjectProperty<LocalDate> foundFromProperty() {
        return foundFrom;
    }

    public ObjectProperty<LocalDate> foundToProperty() {
        return foundTo;
    }

    public ObservableList<Inspection> rounds() {
        return rounds;
    }

    public ObservableList<Unit> units() {
        return units;
    }

    public ObservableList<String> communities() {
        return communities;
    }

    public ObservableList<String> categories() {
        return categories;
    }

    public ReadOnlyObjectProperty<Map<FindingState, Integer>> countsProperty() {
        return counts.getReadOnlyProperty();
    }
}
