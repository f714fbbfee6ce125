package org.taizhang.checklist.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.taizhang.checklist.AcceptanceBoard;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.checklist.ItemFindings;
import org.taizhang.checklist.Scoring;
import org.taizhang.checklist.files.ChecklistFiles;
import org.taizhang.checklist.model.AcceptanceStatus;
import org.taizhang.checklist.model.Assessment;
import org.taizhang.checklist.model.ChecklistCategory;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.Evidence;
import org.taizhang.checklist.model.ItemAnswer;
import org.taizhang.checklist.model.Round;
import org.taizhang.core.DomainException;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.text.Pinyin;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.Rejections;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Community;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;
import org.taizhang.organization.model.Registry;

/**
 * The scoring page's state, with no controls: the branches of a year with where each stands, the chosen
 * branch's assessment in the chosen round as rows of items, and the live score. Every answer is saved as soon
 * as it is typed (autosave on a field laptop: nothing waits for a 保存 that could be forgotten), on the one
 * worker, in order; the score is recomputed at once from the answers on screen, by the template's own rules.
 */
public final class AssessmentsViewModel {
    /** One branch in the list: its names and where it stands in the year. */
    public record BranchRow(
            Organization organization,
            String unitName,
            String communityName,
            AcceptanceStatus status,
            Scoring.Score latest,
            String searchText,
            AcceptanceBoard.Standing standing) {
        /** The rating shown: the committee's direct rating when there is one, else the latest assessment's. */
        public String rating() {
            if (standing != null && standing.direct()) {
                return standing.rating();
            }
            return latest == null || latest.rating() == null
                    ? ""
                    : latest.rating().name();
        }

        public boolean directlyRated() {
            return standing != null && standing.direct();
        }
    }

    /**
     * One item on the sheet.
     *
     * @param category the category it sits in (its first row shows the category's name)
     * @param answer this round's answer (null: never answered)
     * @param self the branch's own answer when this is the team's or the acceptance round (null otherwise)
     */
    public record ItemRow(
            ChecklistCategory category,
            ChecklistItem item,
            ItemAnswer answer,
            ItemAnswer self,
            java.math.BigDecimal points,
            java.math.BigDecimal selfPoints,
            List<Evidence> evidence) {
        public String key() {
            return item.key();
        }

        public boolean scored() {
            return answer != null && answer.answers(item.mode());
        }

        /** Its template asks for evidence (需佐证) and none is attached yet. */
        public boolean lacksEvidence() {
            return item.evidenceRequired() && evidence.isEmpty();
        }

        /** The team scored it differently from the branch itself (both answered). */
        public boolean differsFromSelf() {
            return points != null && selfPoints != null && points.compareTo(selfPoints) != 0;
        }
    }

    private final ChecklistService service;
    /** The same service's files (templates, 往年结果, assessment forms). */
    private final ChecklistFiles files;

    private final ItemFindings itemFindings;
    private final RegistryService registryService;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Messages m;

    private final IntegerProperty year = new SimpleIntegerProperty();
    private final ObjectProperty<Round> round = new SimpleObjectProperty<>(Round.SELF);
    private final ObservableList<BranchRow> branches = FXCollections.observableArrayList();
    private final FilteredList<BranchRow> shownBranches = new FilteredList<>(branches);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<AcceptanceStatus> statusFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Community> communityFilter = new SimpleObjectProperty<>();
    private final ObservableList<Community> communities = FXCollections.observableArrayList();
    private final ObservableList<ChecklistTemplate> templates = FXCollections.observableArrayList();
    private final ObjectProperty<ChecklistTemplate> templateToStart = new SimpleObjectProperty<>();

    private final ReadOnlyObjectWrapper<BranchRow> branch = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Assessment> assessment = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ChecklistTemplate> template = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Scoring.Score> score = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ItemRow> items = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(true);

    private Registry registry = Registry.empty();
    private Map<String, AcceptanceBoard.Standing> standings = Map.of();
    /** The unit the board's number led to (null: any); cleared when the clerk searches or filters anew. */
    private String unitFilter;
    /** The shown assessment's evidence per item key (read when another assessment is shown). */
    private Map<String, List<Evidence>> evidence = Map.of();

    private String evidenceOf;
    private Map<String, ChecklistTemplate> templatesById = Map.of();
    private List<Assessment> assessmentsOfYear = List.of();
    /** Which of several assessments of a round counts, read with them (ChecklistService#assessmentOrder). */
    private Comparator<Assessment> order = org.taizhang.checklist.model.AcceptanceStatus.order(a -> 0L, a -> null);

    public AssessmentsViewModel(
            ChecklistService service,
            RegistryService registryService,
            TaskRunner tasks,
            DialogService dialogs,
            Messages messages) {
        this(service, registryService, null, tasks, dialogs, messages);
    }

    /** @param itemFindings 转为问题 (null: the page offers no finding, as where no ledger is wired) */
    public AssessmentsViewModel(
            ChecklistService service,
            RegistryService registryService,
            ItemFindings itemFindings,
            TaskRunner tasks,
            DialogService dialogs,
            Messages messages) {
        this.itemFindings = itemFindings;
        this.service = service;
        this.files = new ChecklistFiles(service);
        this.registryService = registryService;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.m = messages;
        search.addListener(o -> {
            unitFilter = null;
            refilter();
        });
        statusFilter.addListener(o -> refilter());
        communityFilter.addListener(o -> refilter());
        round.addListener((o, a, b) -> {
            switchedTo = null;
            showBranch(branch.get());
        });
    }

    // ---- loading

    private record Loaded(
            int year,
            Registry registry,
            List<ChecklistTemplate> templates,
            List<Assessment> assessments,
            AcceptanceBoard board,
            Comparator<Assessment> order) {}

    /** Reads the year's branches and assessments (on the worker), then shows them; {@code then} after that. */
    public void load(int forYear, Runnable then) {
        tasks.run(
                "checklist.task.load",
                p -> {
                    Registry r = registryService.load();
                    return new Loaded(
                            forYear,
                            r,
                            service.templates(),
                            service.assessmentsOfYear(forYear),
                            service.board(forYear),
                            service.assessmentOrder(forYear, forYear));
                },
                loaded -> {
                    apply(loaded);
                    then.run();
                });
    }

    /** Loads this year (the registry's date) the first time the page is shown. */
    public void loadCurrentYear(Runnable then) {
        tasks.run("checklist.task.load", p -> service.today().getYear(), y -> load(y, then));
    }

    public void reload() {
        load(year.get(), () -> {});
    }

    private void apply(Loaded loaded) {
        registry = loaded.registry();
        year.set(loaded.year());
        Map<String, ChecklistTemplate> byId = new HashMap<>();
        loaded.templates().forEach(t -> byId.put(t.id(), t));
        templatesById = byId;
        assessmentsOfYear = loaded.assessments();
        order = loaded.order();
        List<ChecklistTemplate> published = loaded.templates().stream()
                .filter(ChecklistTemplate::isPublished)
                .sorted(Comparator.comparing(ChecklistTemplate::year)
                        .thenComparing(ChecklistTemplate::version)
                        .reversed())
                .toList();
        templates.setAll(published);
        if (templateToStart.get() == null || !published.contains(templateToStart.get())) {
            templateToStart.set(published.isEmpty() ? null : published.getFirst());
        }
        Community chosenCommunity = communityFilter.get();
        communities.setAll(registry.communities());
        communityFilter.set(
                chosenCommunity == null
                        ? null
                        : registry.community(chosenCommunity.id()).orElse(null));
        standings = loaded.board().standingByBranch();
        List<BranchRow> rows = new ArrayList<>();
        for (Map.Entry<String, AcceptanceStatus> e :
                loaded.board().statusByBranch().entrySet()) {
            registry.organization(e.getKey()).ifPresent(o -> rows.add(branchRow(o, e.getValue())));
        }
        String chosen =
                branch.get() == null ? null : branch.get().organization().id();
        branches.setAll(rows);
        refilter();
        showBranch(
                chosen == null
                        ? null
                        : rows.stream()
                                .filter(r -> r.organization().id().equals(chosen))
                                .findFirst()
                                .orElse(null));
    }

    private BranchRow branchRow(Organization o, AcceptanceStatus status) {
        String unit = registry.unit(o.unitId()).map(u -> u.name()).orElse("");
        String communityId = registry.communityIdsOf(o).stream()
                .filter(id -> registry.community(id).isPresent())
                .findFirst()
                .orElse(null);
        String community = communityId == null
                ? ""
                : registry.community(communityId).map(Community::name).orElse("");
        Scoring.Score latest = latestOf(o).map(a -> scoreOf(a, o)).orElse(null);
        return new BranchRow(
                o, unit, community, status, latest, unit + " " + o.name() + " " + community, standings.get(o.id()));
    }

    /** The most advanced round's assessment of the branch this year (acceptance over review over self). */
    private Optional<Assessment> latestOf(Organization o) {
        return assessmentsOfYear.stream()
                .filter(a -> a.organizationId().equals(o.id()))
                .max(Comparator.comparing((Assessment a) -> a.round().ordinal()).thenComparing(Assessment::id));
    }

    private Scoring.Score scoreOf(Assessment a, Organization o) {
        ChecklistTemplate t = templatesById.get(a.templateId());
        return t == null ? null : a.score(t, o.kind());
    }

    private void refilter() {
        String q = search.get();
        AcceptanceStatus s = statusFilter.get();
        Community c = communityFilter.get();
        String unit = unitFilter;
        Predicate<BranchRow> p = r -> (s == null || r.status() == s)
                && (unit == null || r.organization().unitId().equals(unit))
                && (c == null || registry.communityIdsOf(r.organization()).contains(c.id()))
                && Pinyin.matches(r.searchText(), q);
        shownBranches.setPredicate(p);
    }

    /**
     * The sheet's summary: 得分 / 满分, and where points above the full marks come from (加分: 得分 100.5 / 满分
     * 100（含加分 0.5）), what is unscored, the result and the rating.
     */
    public String summaryOf(Scoring.Score s, ChecklistTemplate t) {
        String result = m.get(
                switch (s.result()) {
                    case PASSED -> "checklist.result.passed";
                    case FAILED -> "checklist.result.failed";
                    case INCOMPLETE -> "checklist.result.incomplete";
                });
        String rating = s.rating() == null ? "—" : s.rating().name();
        boolean bonus = s.bonus() != null && s.bonus().signum() > 0;
        return bonus
                ? m.get(
                        "checklist.view.summaryBonus",
                        s.total().toPlainString(),
                        t.fullMarks().toPlainString(),
                        s.unscored().size(),
                        result,
                        rating,
                        s.bonus().stripTrailingZeros().toPlainString())
                : m.get(
                        "checklist.view.summary",
                        s.total().toPlainString(),
                        t.fullMarks().toPlainString(),
                        s.unscored().size(),
                        result,
                        rating);
    }

    /** Opens the list on the branches of a community with a status (the board's numbers lead here). */
    public void showOnly(Community community, AcceptanceStatus status) {
        showOnly(community, null, status);
    }

    /** … or of a unit (the board shown by unit). */
    public void showOnly(Community community, org.taizhang.organization.model.Unit unit, AcceptanceStatus status) {
        // the round the number counted: 达标/未达标/公示中 come from the 达标验收, 自评中 from the 自评
        Round counted = status == null
                ? null
                : switch (status) {
                    case PASSED, FAILED, IN_PUBLICITY -> Round.ACCEPTANCE;
                    case SELF_ASSESSING, NOT_ASSESSED -> Round.SELF;
                    case AWAITING_REVIEW -> null; // the team's round or the acceptance being scored: per branch
                };
        if (counted != null) {
            round.set(counted);
        }
        search.set("");
        unitFilter = unit == null ? null : unit.id();
        communityFilter.set(community);
        statusFilter.set(status);
        refilter();
    }

    // ---- the chosen branch

    public void select(BranchRow row) {
        BranchRow was = branch.get();
        if (row == null
                || was == null
                || !was.organization().id().equals(row.organization().id())) {
            switchedTo = null;
        }
        showBranch(row);
    }

    /** The assessment the clerk chose among several of the branch in this round (null: the first in order). */
    private String switchedTo;

    private final ObservableList<Assessment> inRound = FXCollections.observableArrayList();

    /**
     * The branch's assessments in this round (one per template), first the one the page shows unless the clerk
     * switches: the newest template (year, then version), then a finished one over one being scored, then id.
     */
    public ObservableList<Assessment> inRound() {
        return inRound;
    }

    /** One of {@link #inRound()} as the switch names it: its template and version, and its state. */
    public String describe(Assessment a) {
        if (a == null) {
            return "";
        }
        ChecklistTemplate t = templatesById.get(a.templateId());
        String template = t == null ? "?" : t.name() + m.get("checklist.view.version", t.version());
        return m.get(
                "checklist.view.otherAssessment", template, m.get(a.status().messageKey()));
    }

    /** Shows another of the branch's assessments of this round (see {@link #inRound()}). */
    public void switchTo(Assessment a) {
        if (a != null && inRound.stream().anyMatch(x -> x.id().equals(a.id()))) {
            switchedTo = a.id();
            showBranch(branch.get());
        }
    }

    private Comparator<Assessment> newestFirst() {
        // the board's order (AcceptanceStatus#order, as ChecklistService reads it), the one that counts first
        return order.reversed();
    }

    private void showBranch(BranchRow row) {
        branch.set(row);
        if (row == null) {
            inRound.clear();
            show(null, null);
            return;
        }
        Organization o = row.organization();
        List<Assessment> candidates = assessmentsOfYear.stream()
                .filter(a -> a.organizationId().equals(o.id()) && a.round() == round.get())
                .sorted(newestFirst())
                .toList();
        inRound.setAll(candidates);
        Assessment shown = candidates.stream()
                .filter(a -> a.id().equals(switchedTo))
                .findFirst()
                .orElse(candidates.isEmpty() ? null : candidates.getFirst());
        show(shown, o);
    }

    private void show(Assessment a, Organization o) {
        assessment.set(a);
        ChecklistTemplate t = a == null ? null : templatesById.get(a.templateId());
        template.set(t);
        readOnly.set(a == null || a.isReadOnly());
        if (a == null || t == null) {
            items.clear();
            score.set(null);
            return;
        }
        if (!a.id().equals(evidenceOf)) {
            evidenceOf = a.id();
            evidence = Map.of();
            loadEvidence(a.id());
        }
        OrganizationKind kind = o.kind();
        Assessment self = round.get() == Round.SELF
                ? null
                : assessmentsOfYear.stream()
                        .filter(x -> x.organizationId().equals(o.id()) && x.round() == Round.SELF)
                        .filter(x -> x.templateId().equals(a.templateId()))
                        .findFirst()
                        .orElse(null);
        Scoring.Score s = a.score(t, kind);
        Scoring.Score selfScore = self == null ? null : self.score(t, kind);
        List<ItemRow> rows = new ArrayList<>();
        for (ChecklistCategory c : t.categories()) {
            for (ChecklistItem item : c.items()) {
                if (!item.appliesTo(kind)) {
                    continue;
                }
                rows.add(new ItemRow(
                        c,
                        item,
                        a.answers().get(item.key()),
                        self == null ? null : self.answers().get(item.key()),
                        s.points().get(item.key()),
                        selfScore == null ? null : selfScore.points().get(item.key()),
                        evidence.getOrDefault(item.key(), List.of())));
            }
        }
        items.setAll(rows);
        score.set(s);
    }

    /** Starts the branch's assessment in the chosen round with the chosen template. */
    public void start() {
        BranchRow row = branch.get();
        ChecklistTemplate t = templateToStart.get();
        if (row == null || t == null) {
            return;
        }
        Round r = round.get();
        int y = year.get();
        tasks.run(
                "checklist.task.start",
                p -> service.startAssessment(row.organization().id(), t.id(), r, y),
                started -> reload());
    }

    /**
     * Saves what was typed for one item (autosave). Refused at once when the text does not fit the item or the
     * rules; the row shows the answer as saved.
     */
    public boolean answer(ItemRow row, String typed) {
        return answer(row, typed, row.answer() == null ? null : row.answer().note());
    }

    /** The answer typed and the note beside it, saved together (the note in the field is what the inspector sees). */
    public boolean answer(ItemRow row, String typed, String note) {
        Assessment a = assessment.get();
        if (a == null || readOnly.get()) {
            return false;
        }
        ItemAnswer next;
        try {
            next = AnswerInput.parse(row.item(), typed, row.answer())
                    .orElse(AnswerInput.cleared(row.item(), row.answer()));
        } catch (DomainException e) {
            dialogs.showError(m.get("checklist.task.answer"), m.describe(e));
            return false;
        }
        return save(a, next.withNote(note));
    }

    /** The note of one item (kept with its answer). */
    public boolean note(ItemRow row, String note) {
        Assessment a = assessment.get();
        if (a == null || readOnly.get()) {
            return false;
        }
        ItemAnswer was = row.answer() == null ? AnswerInput.cleared(row.item(), null) : row.answer();
        ItemAnswer next = was.withNote(note);
        return Objects.equals(next.note(), was.note()) || save(a, next);
    }

    /** 不适用 with the reason asked for; asking again on a 不适用 item takes it back. */
    public void toggleNotApplicable(ItemRow row) {
        Assessment a = assessment.get();
        if (a == null || readOnly.get()) {
            return;
        }
        ItemAnswer was = row.answer();
        if (was != null && was.notApplicable()) {
            save(a, AnswerInput.cleared(row.item(), was));
            return;
        }
        dialogs.askText(
                        m.get("checklist.action.notApplicable"),
                        m.get(
                                "checklist.question.notApplicableReason",
                                row.item().number()),
                        "")
                .ifPresent(reason -> save(
                        a,
                        new ItemAnswer(
                                row.key(), null, null, null, true, reason.strip(), was == null ? null : was.note())));
    }

    private boolean save(Assessment a, ItemAnswer next) {
        ChecklistTemplate t = template.get();
        ChecklistItem item = t.item(next.itemKey()).orElseThrow();
        var issues = org.taizhang.checklist.AnswerRules.check(item, next);
        if (issues.stream().anyMatch(org.taizhang.core.Issue::isError)) {
            dialogs.showError(
                    m.get("checklist.task.answer"), m.describe(new org.taizhang.core.ValidationException(issues)));
            return false;
        }
        // shown at once (the live total); the worker saves it in order behind any earlier answer
        Map<String, ItemAnswer> answers = new HashMap<>(a.answers());
        answers.put(next.itemKey(), next);
        Assessment local = new Assessment(
                a.id(),
                a.organizationId(),
                a.templateId(),
                a.round(),
                a.year(),
                a.status(),
                a.publicityStart(),
                a.publicityEnd(),
                a.reopenReason(),
                answers);
        show(local, branch.get().organization());
        refreshBranchRow(local);
        tasks.run("checklist.task.answer", p -> service.answer(a.id(), next), saved -> {}, e -> {
            reload(); // the database says what was kept; the dialog says why
            return false;
        });
        return true;
    }

    /** The list shows the branch's latest score: after an answer, this assessment's when it is the latest. */
    private void refreshBranchRow(Assessment changed) {
        BranchRow row = branch.get();
        List<Assessment> others = new ArrayList<>(assessmentsOfYear);
        others.removeIf(x -> x.id().equals(changed.id()));
        others.add(changed);
        assessmentsOfYear = others;
        BranchRow next = branchRow(row.organization(), row.status());
        int at = branches.indexOf(row);
        if (at >= 0) {
            branches.set(at, next);
        }
        branch.set(next);
    }

    // ---- 直接定级

    /**
     * 直接定级…: for the chosen branch in the year, the rating (chosen among the standards' ratings) and the reason;
     * on a branch rated directly already, asks whether to take it back.
     */
    public void directRating() {
        BranchRow row = branch.get();
        if (row == null) {
            return;
        }
        int y = year.get();
        String title = m.get("checklist.action.directRating");
        if (row.directlyRated()) {
            if (dialogs.confirm(
                    title,
                    m.get("checklist.question.clearDirect", row.organization().name(), row.rating()))) {
                tasks.run(
                        "checklist.task.directRating",
                        p -> {
                            service.clearDirectRating(row.organization().id(), y);
                            return y;
                        },
                        x -> reload());
            }
            return;
        }
        tasks.run("checklist.task.directRating", p -> service.ratingNames(), names -> {
            if (names.isEmpty()) {
                dialogs.showError(title, m.get("checklist.view.noRatings"));
                return;
            }
            List<String> choices = new ArrayList<>(names);
            choices.add(m.get("checklist.answer.cancel"));
            dialogs.choose(
                            title,
                            m.get(
                                    "checklist.question.directRating",
                                    row.organization().name(),
                                    y),
                            choices)
                    .filter(i -> i < names.size())
                    .ifPresent(i -> dialogs.askText(title, m.get("checklist.question.directReason", names.get(i)), "")
                            .ifPresent(reason -> tasks.run(
                                    "checklist.task.directRating",
                                    p -> service.setDirectRating(
                                            row.organization().id(), y, names.get(i), reason),
                                    d -> reload())));
        });
    }

    // ---- the form for a branch without the program

    /** 导出测评表: the chosen branch's form in this round (its assessment's template, or the one chosen to start). */
    public void exportForm(java.nio.file.Path file) {
        BranchRow row = branch.get();
        Assessment a = assessment.get();
        ChecklistTemplate t = a != null ? template.get() : templateToStart.get();
        if (row == null || t == null) {
            return;
        }
        Round r = round.get();
        int y = year.get();
        tasks.run(
                "checklist.task.exportForm",
                p -> {
                    files.exportForm(row.organization().id(), t.id(), r, y, file, m, p);
                    return file;
                },
                written -> dialogs.offerToOpen(
                        m, m.get("checklist.task.exportForm"), m.get("checklist.info.exported", written), written));
    }

    /**
     * 导入测评表: the filled form of the chosen branch's assessment (a form for another branch, template or round is
     * refused), all or nothing, then shown.
     */
    public void importForm(java.nio.file.Path file) {
        BranchRow row = branch.get();
        ChecklistTemplate t = assessment.get() != null ? template.get() : templateToStart.get();
        if (row == null || t == null) {
            return;
        }
        String expected = ChecklistService.assessmentIdOf(row.organization().id(), t.id(), round.get(), year.get());
        tasks.run("checklist.task.importForm", p -> files.importForm(file, expected, p), result -> {
            if (!result.errors().isEmpty()) {
                Rejections.show(dialogs, m, m.get("checklist.task.importForm"), result.errors());
                return;
            }
            String message = result.alreadyImported()
                    ? m.get("checklist.view.formAlreadyImported")
                    : m.get("checklist.view.formImported", result.written(), result.unscored())
                            + (result.replaced().isEmpty()
                                    ? ""
                                    : "\n" + m.get("checklist.view.formReplaced", String.join("、", result.replaced())));
            load(year.get(), () -> dialogs.showInfo(m.get("checklist.task.importForm"), message));
        });
    }

    // ---- evidence (佐证材料)

    private void loadEvidence(String assessmentId) {
        tasks.run("checklist.task.evidence", p -> service.evidence(assessmentId), found -> {
            Assessment shown = assessment.get();
            if (shown != null && shown.id().equals(assessmentId)) {
                evidence = found;
                BranchRow b = branch.get();
                show(shown, b.organization());
            }
        });
    }

    /** Attaches a photo or document to the item's answer (stored in the data folder, photos scaled). */
    public void attachEvidence(ItemRow row, java.nio.file.Path file) {
        Assessment a = assessment.get();
        if (a == null || readOnly.get()) {
            return;
        }
        tasks.run(
                "checklist.task.attachEvidence",
                p -> service.attachEvidence(a.id(), row.key(), file),
                e -> loadEvidence(a.id()));
    }

    public void removeEvidence(Evidence e) {
        Assessment a = assessment.get();
        if (a == null || readOnly.get()) {
            return;
        }
        if (!dialogs.confirm(
                m.get("checklist.action.removeEvidence"),
                m.get("checklist.question.removeEvidence", e.attachment().fileName()))) {
            return;
        }
        tasks.run(
                "checklist.task.removeEvidence",
                p -> {
                    service.removeEvidence(e.id());
                    return e;
                },
                x -> loadEvidence(a.id()));
    }

    public void openEvidence(Evidence e) {
        tasks.run("checklist.task.openEvidence", p -> service.evidenceToOpen(e), dialogs::open);
    }

    /** Whether 转为问题 applies to the row: the item was scored and fell short of its points. */
    public boolean canMakeFinding(ItemRow row) {
        return itemFindings != null
                && assessment.get() != null
                && row != null
                && ItemFindings.failed(row.item(), row.points());
    }

    /**
     * 转为问题: the item becomes a finding of the branch (待挂号) in the ledger, once per item and round; doing it
     * again says which finding it already is.
     */
    public void toFinding(ItemRow row) {
        Assessment a = assessment.get();
        if (!canMakeFinding(row)) {
            return;
        }
        String title = m.get("checklist.action.toFinding");
        tasks.run(
                "checklist.task.toFinding",
                p -> itemFindings.toFinding(a.id(), row.key()),
                r -> dialogs.showInfo(
                        title,
                        m.get(
                                r.recorded() ? "checklist.view.findingRecorded" : "checklist.view.findingHeld",
                                row.item().number(),
                                r.finding().isNumbered() ? r.finding().number() : m.get("checklist.view.unnumbered"))));
    }

    /**
     * 完成评估: refused with the unscored items listed; when every item is scored but 需佐证 items have no evidence
     * (缺), they are listed and the clerk is asked first (a sheet may be finished before the photos arrive).
     */
    public void finish() {
        Assessment a = assessment.get();
        if (a == null || a.isReadOnly()) {
            return;
        }
        Scoring.Score now = score.get();
        List<ItemRow> missing = items.stream()
                .filter(r ->
                        r.lacksEvidence() && (r.answer() == null || !r.answer().notApplicable()))
                .toList();
        if (now != null && now.unscored().isEmpty() && !missing.isEmpty()) {
            String list = String.join(
                    "\n",
                    missing.stream()
                            .map(r -> m.get(
                                    "checklist.view.missingEvidenceItem",
                                    r.item().number(),
                                    r.item().text()))
                            .toList());
            if (!dialogs.confirm(
                    m.get("checklist.action.finish"),
                    m.get("checklist.question.finishWithoutEvidence", missing.size(), list))) {
                return;
            }
        }
        tasks.run("checklist.task.finish", p -> service.finish(a.id()), x -> reload());
    }

    /** 结束公示: the acceptance result stands. */
    public void closePublicity() {
        Assessment a = assessment.get();
        if (a == null || a.status() != Assessment.Status.PUBLICITY) {
            return;
        }
        tasks.run("checklist.task.closePublicity", p -> service.closePublicity(a.id()), x -> reload());
    }

    /** 公示期…: another end date for the notice (holidays in the period), typed as 2026-12-10. */
    public void editPublicityEnd() {
        Assessment a = assessment.get();
        if (a == null || a.status() != Assessment.Status.PUBLICITY) {
            return;
        }
        String title = m.get("checklist.action.publicityEnd");
        dialogs.askText(
                        title,
                        m.get(
                                "checklist.question.publicityEnd",
                                a.publicityStart().toString()),
                        a.publicityEnd().toString())
                .ifPresent(text -> {
                    // read as every date field reads it: 2026/12/10 and 20261210 are dates too
                    java.time.LocalDate end =
                            org.taizhang.core.ui.DateFields.parse(text).orElse(null);
                    if (end == null) {
                        dialogs.showError(title, m.get("checklist.input.date", text.strip()));
                        return;
                    }
                    tasks.run("checklist.task.publicityEnd", p -> service.publicityUntil(a.id(), end), x -> reload());
                });
    }

    /** 重新打开: asks the reason, which is kept in the history. */
    public void reopen() {
        Assessment a = assessment.get();
        if (a == null || !a.isReadOnly()) {
            return;
        }
        dialogs.askText(m.get("checklist.action.reopen"), m.get("checklist.question.reopenReason"), "")
                .ifPresent(reason ->
                        tasks.run("checklist.task.reopen", p -> service.reopen(a.id(), reason), x -> reload()));
    }

    /** 支部档案: the chosen branch over the plan's three years, read on the worker, then given to {@code show}. */
    public void branchRecord(java.util.function.Consumer<org.taizhang.checklist.model.BranchRecord> show) {
        BranchRow row = branch.get();
        if (row == null) {
            return;
        }
        int y = year.get();
        tasks.run(
                "checklist.task.record",
                p -> service.branchRecord(row.organization().id(), y - BoardViewModel.PLAN_YEARS + 1, y),
                show::accept);
    }

    /** The first row not scored yet at or after {@code from} (wrapping around), for 下一未评. */
    public Optional<ItemRow> nextUnscored(ItemRow from) {
        int start = from == null ? 0 : Math.max(0, items.indexOf(from));
        for (int i = 0; i < items.size(); i++) {
            ItemRow r = items.get((start + i + (from == null ? 0 : 1)) % items.size());
            if (!r.scored()
                    && !(r.answer() != null && r.answer().notApplicable())
                    && !r.item().bonus()) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The text of the answer in the 评分 column. */
    public String inputText(ItemRow row) {
        return AnswerInput.format(
                row.item(), row.answer(), m.get("checklist.answer.yes"), m.get("checklist.answer.no"));
    }

    public String selfText(ItemRow row) {
        return row.self() == null
                ? ""
                : AnswerInput.format(
                        row.item(), row.self(), m.get("checklist.answer.yes"), m.get("checklist.answer.no"));
    }

    // ---- properties

    public IntegerProperty yearProperty() {
        return year;
    }

    public ObjectProperty<Round> roundProperty() {
        return round;
    }

    public ObservableList<BranchRow> shownBranches() {
        return shownBranches;
    }

    public ObservableList<BranchRow> branches() {
        return branches;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<AcceptanceStatus> statusFilterProperty() {
        return statusFilter;
    }

    public ObjectProperty<Community> communityFilterProperty() {
        return communityFilter;
    }

    public ObservableList<Community> communities() {
        return communities;
    }

    public ObservableList<ChecklistTemplate> templates() {
        return templates;
    }

    public ObjectProperty<ChecklistTemplate> templateToStartProperty() {
        return templateToStart;
    }

    public ReadOnlyObjectProperty<BranchRow> branchProperty() {
        return branch.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Assessment> assessmentProperty() {
        return assessment.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChecklistTemplate> templateProperty() {
        return template.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Scoring.Score> scoreProperty() {
        return score.getReadOnlyProperty();
    }

    public ObservableList<ItemRow> items() {
        return items;
    }

    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    public Registry registry() {
        return registry;
    }
}
