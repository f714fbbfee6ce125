package org.taizhang.inspection.view;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
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
import org.taizhang.core.text.Pinyin;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.Tables;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.InspectionService;
import org.taizhang.inspection.Lifecycle;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.Inspection;
import org.taizhang.inspection.model.InspectionSettings;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.Measure;
import org.taizhang.inspection.model.Step;
import org.taizhang.inspection.model.StepKind;
import org.taizhang.inspection.model.Timeline;
import org.taizhang.inspection.model.Warning;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

/**
 * The 整改台账's state, with no controls: every finding as the ledger shows it, the filters and counts, the chosen
 * finding's measures, evidence and timeline, and the steps its state allows. Every read and write runs through
 * {@link TaskRunner} (the worker in the window); the service decides and refuses, this only asks.
 */
public final class LedgerViewModel {
    /** The 预警 filter: 逾期 includes 严重超期, as clerks count them. */
    public enum WarningFilter {
        OVERDUE("ledger.warningFilter.OVERDUE"),
        SEVERE("ledger.warningFilter.SEVERE"),
        SOON("ledger.warningFilter.SOON"),
        ATTENTION("ledger.warningFilter.ATTENTION");

        private final String labelKey;

        WarningFilter(String labelKey) {
            this.labelKey = labelKey;
        }

        public String labelKey() {
            return labelKey;
        }

        boolean matches(Warning w) {
            return switch (this) {
                case OVERDUE -> w.isOverdue();
                case SEVERE -> w == Warning.SEVERE;
                case SOON -> w == Warning.SOON;
                case ATTENTION -> w == Warning.ATTENTION;
            };
        }
    }

    /**
     * One line of the timeline as shown.
     *
     * @param mergedFrom the number (or 待挂号) of the merged finding the step belongs to; null for the finding's own
     */
    public record TimelineRow(
            LocalDate date, String kind, String operator, String text, boolean applied, String mergedFrom) {}

    private final FindingService service;
    private final InspectionService inspections;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Messages m;

    private final ObservableList<LedgerEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<LedgerEntry> shown = new FilteredList<>(entries);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<Inspection> roundFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Unit> unitFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<String> communityFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<String> categoryFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<FindingState> stateFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<WarningFilter> warningFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> foundFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> foundTo = new SimpleObjectProperty<>();

    private final ObservableList<Inspection> rounds = FXCollections.observableArrayList();
    private final ObservableList<Unit> units = FXCollections.observableArrayList();
    private final ObservableList<String> communities = FXCollections.observableArrayList();
    private final ObservableList<String> categories = FXCollections.observableArrayList();
    /** Findings per state among those the other filters let through (the state filter itself aside). */
    /** The rows every filter but the state keeps: what the state buttons and the footer both count. */
    private List<LedgerEntry> counted = List.of();

    private final ReadOnlyObjectWrapper<Map<FindingState, Integer>> counts =
            new ReadOnlyObjectWrapper<>(new EnumMap<>(FindingState.class));

    private final ReadOnlyObjectWrapper<LedgerEntry> selected = new ReadOnlyObjectWrapper<>();
    private final ObservableList<StepKind> actions = FXCollections.observableArrayList();
    private final ObservableList<TimelineRow> timeline = FXCollections.observableArrayList();
    private final ObservableList<Measure> measures = FXCollections.observableArrayList();
    private final ObservableList<FindingService.Evidence> evidence = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<InspectionSettings> settings = new ReadOnlyObjectWrapper<>();

    private Registry registry = Registry.empty();
    private List<String> dictionary = List.of();
    private LocalDate today = LocalDate.now();
    private Map<String, String> searchTexts = Map.of();
    private final FindingFormModel findingForm = new FindingFormModel();

    public LedgerViewModel(
            FindingService service,
            InspectionService inspections,
            TaskRunner tasks,
            DialogService dialogs,
            Messages messages) {
        this.service = service;
        this.inspections = inspections;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.m = messages;
        for (javafx.beans.Observable p : List.<javafx.beans.Observable>of(
                search,
                roundFilter,
                unitFilter,
                communityFilter,
                categoryFilter,
                stateFilter,
                warningFilter,
                foundFrom,
                foundTo)) {
            p.addListener(o -> refilter());
        }
    }

    // ---- loading

    private record Loaded(
            List<LedgerEntry> ledger,
            List<Inspection> rounds,
            Registry registry,
            List<String> categories,
            InspectionSettings settings,
            LocalDate today) {}

    /** Reads the whole ledger (on the worker), shows it, keeps the chosen finding chosen; {@code then} after. */
    public void load(Runnable then) {
        tasks.run(
                "ledger.task.load",
                p -> new Loaded(
                        service.ledger(),
                        inspections.inspections(),
                        service.registry(),
                        service.categories(),
                        service.settings(),
                        service.today()),
                loaded -> {
                    apply(loaded);
                    then.run();
                });
    }

    public void reload() {
        load(() -> {});
    }

    private void apply(Loaded l) {
        registry = l.registry();
        today = l.today();
        settings.set(l.settings());
        dictionary = l.categories().isEmpty() ? FindingService.COMMON_CATEGORIES : l.categories();
        Map<String, String> texts = new java.util.HashMap<>();
        TreeSet<String> communityNames = new TreeSet<>(Tables.CHINESE);
        TreeSet<String> categoryNames = new TreeSet<>(Tables.CHINESE);
        for (LedgerEntry e : l.ledger()) {
            texts.put(e.id(), searchText(e));
            if (e.communityName() != null) {
                communityNames.add(e.communityName());
            }
            if (e.finding().category() != null) {
                categoryNames.add(e.finding().category());
            }
        }
        categoryNames.addAll(dictionary);
        searchTexts = texts;
        keep(rounds, l.rounds(), roundFilter, (a, b) -> a.id().equals(b.id()));
        keep(units, l.registry().units(), unitFilter, (a, b) -> a.id().equals(b.id()));
        keep(communities, List.copyOf(communityNames), communityFilter, String::equals);
        keep(categories, List.copyOf(categoryNames), categoryFilter, String::equals);
        findingForm.setContext(registry, dictionary, l.rounds(), today);
        String chosen = wanted != null
                ? wanted
                : selected.get() == null ? null : selected.get().id();
        wanted = null;
        entries.setAll(l.ledger());
        refilter();
        select(chosen == null ? null : entry(chosen));
    }

    /** A finding to choose once the ledger is read (opened from a reminder), or null. */
    private String wanted;

    /** Shows what a reminder tile counts: the filters set to it, every other filter cleared. */
    public void show(RemindersModel.Kind kind) {
        clearFilters();
        switch (kind) {
            case OVERDUE -> warningFilter.set(WarningFilter.OVERDUE);
            case SOON -> warningFilter.set(WarningFilter.SOON);
            case PENDING -> stateFilter.set(FindingState.PENDING);
            case CLOSE_REQUESTED -> stateFilter.set(FindingState.CLOSE_REQUESTED);
        }
    }

    /** Shows one finding (from a reminder): chosen when the ledger is next read, with no filter hiding it. */
    public void showFinding(String findingId) {
        clearFilters();
        wanted = findingId;
        LedgerEntry e = entry(findingId);
        if (e != null) {
            select(e);
        }
    }

    /** Refills a list of choices, keeping the chosen one (by identity of its record) when it is still there. */
    private static <T> void keep(
            ObservableList<T> list,
            List<T> fresh,
            ObjectProperty<T> chosen,
            java.util.function.BiPredicate<T, T> same) {
        T was = chosen.get();
        list.setAll(fresh);
        if (was != null) {
            chosen.set(fresh.stream().filter(x -> same.test(x, was)).findFirst().orElse(null));
        }
    }

    private LedgerEntry entry(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
    }

    /** What the search box looks in: number, unit, branch, community (also by pinyin initials), text, people. */
    private static String searchText(LedgerEntry e) {
        Finding f = e.finding();
        Timeline t = e.timeline();
        return String.join(
                " ",
                Objects.requireNonNullElse(f.number(), ""),
                Objects.requireNonNullElse(e.unitName(), ""),
                Objects.requireNonNullElse(e.organizationName(), ""),
                Objects.requireNonNullElse(e.communityName(), ""),
                Objects.requireNonNullElse(f.category(), ""),
                Objects.requireNonNullElse(f.description(), ""),
                Objects.requireNonNullElse(t.leader(), ""),
                Objects.requireNonNullElse(t.department(), ""),
                Objects.requireNonNullElse(t.person(), ""));
    }

    // ---- filters and counts

    private void refilter() {
        Predicate<LedgerEntry> others = othersThanState();
        FindingState s = stateFilter.get();
        shown.setPredicate(e -> others.test(e) && (s == null || e.state() == s));
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
        counts.set(c);
    }

    private Predicate<LedgerEntry> othersThanState() {
        String q = search.get() == null ? "" : search.get().strip();
        String ql = q.toLowerCase(Locale.ROOT);
        Inspection round = roundFilter.get();
        Unit unit = unitFilter.get();
        String community = communityFilter.get();
        String category = categoryFilter.get();
        WarningFilter w = warningFilter.get();
        LocalDate from = foundFrom.get();
        LocalDate to = foundTo.get();
        Map<String, String> texts = searchTexts;
        return e -> {
            Finding f = e.finding();
            if (round != null && !round.id().equals(f.inspectionId())) {
                return false;
            }
            if (unit != null && !unit.id().equals(f.unitId())) {
                return false;
            }
            if (community != null && !community.equals(e.communityName())) {
                return false;
            }
            if (category != null && !category.equals(f.category())) {
                return false;
            }
            if (w != null && !w.matches(e.warning())) {
                return false;
            }
            if (from != null && (f.foundOn() == null || f.foundOn().isBefore(from))) {
                return false;
            }
            if (to != null && (f.foundOn() == null || f.foundOn().isAfter(to))) {
                return false;
            }
            if (q.isEmpty()) {
                return true;
            }
            String text = texts.getOrDefault(e.id(), "");
            // pinyin initials only over the names: a long description scanned letter by letter would slow typing
            return text.toLowerCase(Locale.ROOT).contains(ql)
                    || Pinyin.matches(
                            Objects.requireNonNullElse(e.unitName(), "") + " "
                                    + Objects.requireNonNullElse(e.organizationName(), ""),
                            q);
        };
    }

    /** Clears every filter and the search. */
    public void clearFilters() {
        search.set("");
        roundFilter.set(null);
        unitFilter.set(null);
        communityFilter.set(null);
        categoryFilter.set(null);
        stateFilter.set(null);
        warningFilter.set(null);
        foundFrom.set(null);
        foundTo.set(null);
    }

    // ---- the chosen finding

    public void select(LedgerEntry e) {
        selected.set(e);
        if (e == null) {
            actions.clear();
            timeline.clear();
            measures.clear();
            evidence.clear();
            return;
        }
        // 合并 needs the duplicate pair it belongs to: not offered from here
        actions.setAll(Lifecycle.allowed(e.state()).stream()
                .filter(k -> k != StepKind.MERGE)
                .toList());
        measures.setAll(e.measures());
        timeline.setAll(rows(e.timeline(), null));
        String id = e.id();
        tasks.run("ledger.task.detail", p -> new Detail(service.evidence(id), service.mergedInto(id)), d -> {
            if (selected.get() != null && selected.get().id().equals(id)) {
                evidence.setAll(d.evidence());
                List<TimelineRow> all = new ArrayList<>(rows(e.timeline(), null));
                d.merged().forEach((f, t) -> all.addAll(rows(t, numberOf(f))));
                timeline.setAll(all);
            }
        });
    }

    private record Detail(List<FindingService.Evidence> evidence, Map<Finding, Timeline> merged) {}

    /**
     * Why the chosen finding's step {@code kind} cannot be taken by this operator now (shown beside its disabled
     * button), or empty: a clerk learns it before filling the form, not from a refusal after it. The service still
     * decides.
     */
    public Optional<String> blockedReason(StepKind kind) {
        LedgerEntry e = selected.get();
        InspectionSettings s = settings.get();
        if (e == null) {
            return Optional.empty();
        }
        if ((kind == StepKind.CLOSE || kind == StepKind.REJECT || kind == StepKind.REWORK)
                && s != null
                && !s.verifier()) {
            return Optional.of(m.get("ledger.action.verifierOnly", s.operator()));
        }
        long open = e.measures().stream().filter(x -> !x.isDone()).count();
        if (kind == StepKind.REQUEST_CLOSE && open > 0) {
            return Optional.of(m.get("inspection.error.measuresOpen", open));
        }
        return Optional.empty();
    }

    /**
     * The 问题编号 cell of a row: the number, or for a finding merged before it was numbered the number it lives on
     * under (并入 督改〔2026〕0012号) — 待挂号 there would read as work still to do.
     */
    public String numberShown(LedgerEntry e) {
        Finding f = e.finding();
        if (e.state() == FindingState.MERGED && !f.isNumbered() && f.mergedInto() != null) {
            LedgerEntry target = entry(f.mergedInto());
            if (target != null) {
                return m.get("ledger.mergedInto", numberOf(target.finding()));
            }
        }
        return numberOf(f);
    }

    /** The number a clerk reads for a finding: its 挂号 number, or 待挂号. */
    public String numberOf(Finding f) {
        return f.isNumbered() ? f.number() : m.get("ledger.unnumbered");
    }

    private List<TimelineRow> rows(Timeline t, String mergedFrom) {
        List<TimelineRow> rows = new ArrayList<>();
        for (Timeline.Entry e : t.entries()) {
            Step s = e.step();
            rows.add(new TimelineRow(
                    s.occurredOn(),
                    s.kind() == StepKind.ESCALATE && s.escalation() != null
                            ? m.get(s.escalation().labelKey())
                            : m.get(s.kind().labelKey()),
                    s.operator() == null ? "" : s.operator(),
                    describe(s),
                    e.applied(),
                    mergedFrom));
        }
        return rows;
    }

    /** A step's details in one line: the deadline, the people, the verdict, the measure, then its text. */
    String describe(Step s) {
        List<String> parts = new ArrayList<>();
        if (s.deadline() != null) {
            parts.add(m.get("ledger.timeline.deadline", s.deadline().toString()));
        }
        if (s.leader() != null) {
            parts.add(m.get("ledger.timeline.leader", s.leader()));
        }
        if (s.department() != null) {
            parts.add(m.get("ledger.timeline.department", s.department()));
        }
        if (s.person() != null) {
            parts.add(m.get("ledger.timeline.person", s.person()));
        }
        if (s.approver() != null) {
            parts.add(m.get("ledger.timeline.approver", s.approver()));
        }
        if (s.verdict() != null) {
            parts.add(m.get("ledger.timeline.verdict", m.get(s.verdict().labelKey())));
        }
        if (s.measureId() != null) {
            measures.stream()
                    .filter(x -> x.id().equals(s.measureId()))
                    .findFirst()
                    .ifPresent(x -> parts.add(m.get("ledger.timeline.measure", x.text())));
        }
        if (s.text() != null && !s.text().isBlank()) {
            parts.add(s.text());
        }
        return String.join("；", parts);
    }

    // ---- the steps of a finding's life

    /**
     * The form of a step for the chosen finding, filled as far as it can be: today, the proposed deadline for a
     * notice, the people of the notice in force. Null for 挂号, which asks for nothing.
     */
    public ActionForm actionForm(StepKind kind) {
        LedgerEntry e = selected.get();
        if (e == null || kind == StepKind.REGISTER) {
            return null;
        }
        Timeline t = e.timeline();
        ActionForm f =
                new ActionForm(kind, false, t.deadline(), today, e.finding().foundOn());
        f.measureChoices.setAll(e.measures().stream().filter(x -> !x.isDone()).toList());
        LocalDate deadline = switch (kind) {
            case NOTIFY -> service.proposedDeadline(e.finding(), today);
            case EXTEND -> t.deadline() == null ? null : t.deadline().plusDays(30);
            case REWORK -> today.plusDays(e.finding().type().defaultDays());
            default -> null;
        };
        f.edit(
                new ActionForm.Input(
                        kind,
                        null,
                        today,
                        deadline,
                        null,
                        null,
                        t.leader(),
                        t.department(),
                        t.person(),
                        null,
                        null,
                        null,
                        List.of()),
                false);
        return f;
    }

    /** Runs the step the form describes for the chosen finding; {@code done} once it is written. */
    public void submit(ActionForm form, Runnable done) {
        LedgerEntry e = selected.get();
        if (form.hasErrorsProperty().get() || (e == null && !form.isBatch())) {
            return;
        }
        ActionForm.Input in = form.read();
        if (form.isBatch()) {
            notifyUnit(in, done);
            return;
        }
        String id = e.id();
        tasks.run(
                in.kind().labelKey(),
                p -> {
                    switch (in.kind()) {
                        case NOTIFY ->
                            service.notify(
                                    id,
                                    new FindingService.Notice(
                                            in.deadline(), in.leader(), in.department(), in.person(), in.text()),
                                    in.on());
                        case RECEIPT -> service.receipt(id, in.on());
                        case PROGRESS ->
                            service.progress(
                                    id,
                                    in.text(),
                                    in.measure() == null ? null : in.measure().id(),
                                    in.evidence(),
                                    in.on());
                        case REQUEST_CLOSE -> service.requestClose(id, in.text(), in.evidence(), in.on());
                        case CLOSE -> service.close(id, in.verdict(), in.text(), in.on());
                        case REJECT -> service.reject(id, in.text(), in.on());
                        case REWORK -> service.rework(id, in.verdict(), in.text(), in.deadline(), in.on());
                        case EXTEND -> service.extend(id, in.deadline(), in.text(), in.approver(), in.on());
                        case ESCALATE -> service.escalate(id, in.escalation(), in.text(), in.on());
                        case FOLLOW_UP -> service.followUp(id, in.text(), in.on());
                        case NOTE -> service.note(id, in.text(), in.on());
                        default -> throw new IllegalArgumentException("no form for " + in.kind());
                    }
                    return id;
                },
                x -> {
                    done.run();
                    reload();
                });
    }

    /** 挂号 of the chosen finding: it gets the next number of the year. */
    public void register() {
        LedgerEntry e = selected.get();
        if (e == null) {
            return;
        }
        String id = e.id();
        tasks.run("ledger.task.register", p -> service.register(id), number -> reload());
    }

    // ---- batch actions

    /** 全部挂号: numbers every 待挂号 finding in the order found, after the clerk agrees; says which numbers. */
    public void registerAll() {
        long pending =
                entries.stream().filter(e -> e.state() == FindingState.PENDING).count();
        String title = m.get("ledger.action.registerAll");
        if (pending == 0) {
            dialogs.showInfo(title, m.get("ledger.info.nonePending"));
            return;
        }
        if (!dialogs.confirm(title, m.get("ledger.question.registerAll", pending))) {
            return;
        }
        tasks.run("ledger.task.registerAll", p -> service.registerPending(), r -> {
            reload();
            dialogs.showInfo(
                    title,
                    r.count() == 0
                            ? m.get("ledger.info.nonePending")
                            : m.get("ledger.info.registered", r.count(), r.first(), r.last()));
        });
    }

    /** The form of 向单位交办: the unit (the filtered one, or the chosen finding's) and one notice for all. */
    public ActionForm notifyUnitForm() {
        ActionForm f = new ActionForm(StepKind.NOTIFY, true, null, today, null);
        List<String> withRegistered = entries.stream()
                .filter(e -> e.state() == FindingState.REGISTERED)
                .map(e -> e.finding().unitId())
                .distinct()
                .toList();
        f.unitChoices.setAll(
                units.stream().filter(u -> withRegistered.contains(u.id())).toList());
        Unit start = unitFilter.get() != null
                ? unitFilter.get()
                : selected.get() == null
                        ? null
                        : units.stream()
                                .filter(u ->
                                        u.id().equals(selected.get().finding().unitId()))
                                .findFirst()
                                .orElse(null);
        if (start != null && !f.unitChoices.contains(start)) {
            start = null;
        }
        f.edit(
                new ActionForm.Input(
                        StepKind.NOTIFY,
                        start,
                        today,
                        proposedFor(start),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of()),
                false);
        // a deadline proposed for the unit chosen, unless the clerk typed one
        boolean[] typed = {false};
        f.deadline.addListener((o, a, b) -> typed[0] = !Objects.equals(b, proposedText(f.unit.get())));
        f.unit.addListener((o, a, u) -> {
            if (!typed[0]) {
                f.deadline.set(proposedText(u));
            }
        });
        return f;
    }

    /** The latest deadline the unit's 已挂号 findings propose (the longest rectification type among them). */
    private LocalDate proposedFor(Unit u) {
        if (u == null) {
            return null;
        }
        return entries.stream()
                .filter(e -> e.state() == FindingState.REGISTERED
                        && e.finding().unitId().equals(u.id()))
                .map(e -> service.proposedDeadline(e.finding(), today))
                .max(LocalDate::compareTo)
                .orElse(null);
    }

    private String proposedText(Unit u) {
        LocalDate d = proposedFor(u);
        return d == null ? "" : d.toString();
    }

    /** Counts the 已挂号 findings of a unit (what 向单位交办 will send). */
    public long registeredOf(Unit u) {
        return u == null
                ? 0
                : entries.stream()
                        .filter(e -> e.state() == FindingState.REGISTERED
                                && e.finding().unitId().equals(u.id()))
                        .count();
    }

    private void notifyUnit(ActionForm.Input in, Runnable done) {
        Unit u = in.unit();
        String title = m.get("ledger.action.notifyUnit");
        tasks.run(
                "ledger.task.notifyUnit",
                p -> service.notifyUnit(
                        u.id(),
                        new FindingService.Notice(in.deadline(), in.leader(), in.department(), in.person(), in.text()),
                        in.on()),
                n -> {
                    done.run();
                    reload();
                    dialogs.showInfo(title, m.get("ledger.info.notified", n, u.name()));
                });
    }

    // ---- a new finding

    /** The form of a new finding (the unit of the chosen finding or filter pre-filled). */
    public FindingFormModel newFinding() {
        if (unitFilter.get() != null) {
            findingForm.unit.set(unitFilter.get());
        }
        if (roundFilter.get() != null) {
            findingForm.round.set(roundFilter.get());
        }
        findingForm.startNew();
        return findingForm;
    }

    public FindingFormModel findingForm() {
        return findingForm;
    }

    /**
     * Records the finding in the form with its photos; {@code another} starts the next one of the same visit,
     * {@code done} runs once it is written.
     */
    public void saveFinding(boolean another, Runnable done) {
        if (findingForm.hasErrorsProperty().get()) {
            return;
        }
        if (!findingForm.isNewProperty().get()) {
            saveChanges(done);
            return;
        }
        Finding f = findingForm.read();
        List<Path> photos = List.copyOf(findingForm.photos);
        tasks.run("ledger.task.record", p -> service.record(f, photos), recorded -> {
            if (another) {
                findingForm.startNew();
            }
            done.run();
            load(() -> select(entry(recorded.id())));
        });
    }

    // ---- measures

    /** The form of a new measure of the chosen finding, or of {@code existing}. */
    public MeasureForm measureForm(Measure existing) {
        LedgerEntry e = selected.get();
        if (e == null) {
            return null;
        }
        MeasureForm f = new MeasureForm(e.id(), today, measures.size());
        if (existing == null) {
            f.startNew();
        } else {
            f.edit(existing, false);
        }
        return f;
    }

    public void saveMeasure(MeasureForm form, Runnable done) {
        if (form.hasErrorsProperty().get()) {
            return;
        }
        Measure measure = form.read();
        tasks.run(
                "ledger.task.measure",
                p -> {
                    service.saveMeasure(measure);
                    return measure;
                },
                x -> {
                    done.run();
                    reload();
                });
    }

    /** Marks a measure done today (or not done again). */
    public void toggleDone(Measure measure) {
        Measure changed = measure.doneOn(measure.isDone() ? null : today);
        tasks.run(
                "ledger.task.measure",
                p -> {
                    service.saveMeasure(changed);
                    return changed;
                },
                x -> reload());
    }

    public void deleteMeasure(Measure measure) {
        if (!dialogs.confirm(m.get("ledger.question.deleteMeasure", measure.text()), "")) {
            return;
        }
        tasks.run(
                "ledger.task.measure",
                p -> {
                    service.deleteMeasure(measure.id());
                    return measure;
                },
                x -> reload());
    }

    // ---- evidence

    public void attachEvidence(Path file) {
        LedgerEntry e = selected.get();
        if (e == null) {
            return;
        }
        String id = e.id();
        tasks.run("ledger.task.evidence", p -> service.attach(id, null, file), x -> reload());
    }

    public void openEvidence(FindingService.Evidence e) {
        tasks.run("ledger.task.openEvidence", p -> service.evidenceToOpen(e), dialogs::open);
    }

    public void removeEvidence(FindingService.Evidence e) {
        if (!dialogs.confirm(
                m.get("ledger.question.removeEvidence", e.attachment().fileName()), "")) {
            return;
        }
        tasks.run(
                "ledger.task.evidence",
                p -> {
                    service.removeEvidence(e.id());
                    return e;
                },
                x -> reload());
    }

    // ---- properties

    public ObservableList<LedgerEntry> entries() {
        return entries;
    }

    public ObservableList<LedgerEntry> shown() {
        return shown;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<Inspection> roundFilterProperty() {
        return roundFilter;
    }

    public ObjectProperty<Unit> unitFilterProperty() {
        return unitFilter;
    }

    public ObjectProperty<String> communityFilterProperty() {
        return communityFilter;
    }

    public ObjectProperty<String> categoryFilterProperty() {
        return categoryFilter;
    }

    public ObjectProperty<FindingState> stateFilterProperty() {
        return stateFilter;
    }

    public ObjectProperty<WarningFilter> warningFilterProperty() {
        return warningFilter;
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

    public ReadOnlyObjectProperty<LedgerEntry> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ObservableList<StepKind> actions() {
        return actions;
    }

    public ObservableList<TimelineRow> timeline() {
        return timeline;
    }

    public ObservableList<Measure> measures() {
        return measures;
    }

    public ObservableList<FindingService.Evidence> evidence() {
        return evidence;
    }

    public ReadOnlyObjectProperty<InspectionSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public LocalDate today() {
        return today;
    }

    public Messages messages() {
        return m;
    }

    // ---- figures and possible duplicates

    /**
     * The figures under the table: found, closed, in progress, 销号率, overdue, 反弹, over the rows the state buttons
     * count (every filter but the state), each group named with the buttons it adds up, so the two never disagree.
     */
    public String figures() {
        var f = org.taizhang.inspection.LedgerStats.of(counted).total();
        Map<FindingState, Integer> c = counts.get();
        String rate = f.closureRate().isPresent()
                ? String.format(java.util.Locale.ROOT, "%.1f%%", f.closureRate().getAsDouble() * 100)
                : "—";
        String repeatRate = f.repeatRate().isPresent()
                ? String.format(java.util.Locale.ROOT, "%.1f%%", f.repeatRate().getAsDouble() * 100)
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

    /**
     * 疑似重复: pairs of open findings of one unit, category and round with similar text; the clerk picks one, and
     * on a yes the one to drop is merged into the one to keep (the numbered one, else the earlier number or the
     * earlier found). Nothing is merged without the clerk.
     */
    public void reviewDuplicates() {
        List<org.taizhang.inspection.Duplicates.Pair> pairs =
                org.taizhang.inspection.Duplicates.pairs(List.copyOf(entries));
        if (pairs.isEmpty()) {
            dialogs.showInfo(m.get("ledger.duplicates.title"), m.get("ledger.duplicates.none"));
            return;
        }
        List<String> choices = pairs.stream()
                .map(p -> m.get(
                        "ledger.duplicates.pair",
                        numberOf(p.first().finding()),
                        numberOf(p.second().finding()),
                        p.first().unitName(),
                        Math.round(p.similarity() * 100)))
                .toList();
        dialogs.choose(m.get("ledger.duplicates.title"), m.get("ledger.duplicates.choose", pairs.size()), choices)
                .ifPresent(i -> merge(pairs.get(i)));
    }

    private void merge(org.taizhang.inspection.Duplicates.Pair pair) {
        LedgerEntry keep = kept(pair.first(), pair.second());
        LedgerEntry drop = keep == pair.first() ? pair.second() : pair.first();
        if (!dialogs.confirm(
                m.get("ledger.duplicates.title"),
                m.get(
                        "ledger.duplicates.confirm",
                        numberOf(drop.finding()),
                        drop.finding().description(),
                        numberOf(keep.finding()),
                        keep.finding().description()))) {
            return;
        }
        LocalDate day = today;
        tasks.run(
                "ledger.duplicates.title",
                p -> {
                    service.merge(drop.id(), keep.id(), day);
                    return null;
                },
                done -> load(() -> select(entry(keep.id()))));
    }

    /** Which of two findings carries on: the numbered one, else the lower number, else the one found first. */
    static LedgerEntry kept(LedgerEntry a, LedgerEntry b) {
        if (a.finding().isNumbered() != b.finding().isNumbered()) {
            return a.finding().isNumbered() ? a : b;
        }
        return FindingService.LEDGER_ORDER.compare(a, b) <= 0 ? a : b;
    }

    // ---- 屡查屡犯

    /** The closed findings of the chosen one's unit of the same kind, which it may repeat. */
    public List<LedgerEntry> earlierOfSameKind() {
        LedgerEntry e = selected.get();
        if (e == null || !e.state().isOpen() || e.finding().repeatOf() != null) {
            return List.of();
        }
        return entries.stream()
                .filter(x -> x.state() == FindingState.CLOSED
                        && x.finding().unitId().equals(e.finding().unitId())
                        && FindingService.sameProblemKind(e.finding(), x.finding()))
                .toList();
    }

    /** Marks the chosen finding as repeating an earlier closed one the clerk picks (counted as 反弹). */
    public void markRepeat() {
        LedgerEntry e = selected.get();
        List<LedgerEntry> earlier = earlierOfSameKind();
        if (e == null || earlier.isEmpty()) {
            return;
        }
        dialogs.choose(
                        m.get("ledger.repeat.title"),
                        m.get("ledger.repeat.choose", numberOf(e.finding())),
                        earlier.stream()
                                .map(x -> m.get(
                                        "ledger.repeat.candidate",
                                        numberOf(x.finding()),
                                        x.finding().description(),
                                        String.valueOf(x.timeline().closedOn())))
                                .toList())
                .ifPresent(i -> tasks.run(
                        "ledger.repeat.title",
                        p -> {
                            service.markRepeat(e.id(), earlier.get(i).id());
                            return null;
                        },
                        done -> load(() -> {})));
    }

    // ---- 修改登记信息

    /** The form filled with the chosen finding, to change what was recorded (open findings only), or null. */
    public FindingFormModel editFinding() {
        LedgerEntry e = selected.get();
        if (e == null || !e.state().isOpen()) {
            return null;
        }
        findingForm.edit(e.finding(), false);
        return findingForm;
    }

    /**
     * Writes the changed record; what the form does not show (the visit, the item it came from, the repeat, the
     * internal notes) and what the life cycle owns (number, merge) stay as they were.
     */
    private void saveChanges(Runnable done) {
        Finding was = findingForm.original();
        Finding typed = findingForm.read();
        Finding changed = new Finding(
                was.id(),
                typed.inspectionId(),
                was.visitId(),
                typed.unitId(),
                typed.organizationId(),
                typed.category(),
                typed.description(),
                typed.basis(),
                typed.severity(),
                typed.type(),
                typed.source(),
                was.sourceRef(),
                typed.foundOn(),
                was.foundBy(),
                was.repeatOf(),
                was.mergedInto(),
                was.number(),
                was.numberYear(),
                was.numberSeq(),
                was.importBatch(),
                was.internalNotes());
        // photos added while changing the record go with the change (linked to the 发现 step)
        List<Path> photos = List.copyOf(findingForm.photos);
        tasks.run(
                "ledger.task.record",
                p -> {
                    service.edit(changed, photos);
                    return changed;
                },
                saved -> {
                    findingForm.markSaved();
                    done.run();
                    load(() -> select(entry(saved.id())));
                });
    }
}
