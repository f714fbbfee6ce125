package org.taizhang.checklist.view;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taizhang.checklist.AcceptanceBoard;
import org.taizhang.checklist.AcceptanceStats;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.checklist.files.ChecklistFiles;
import org.taizhang.checklist.model.AcceptanceStatus;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.Rejections;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.organization.model.Community;
import org.taizhang.organization.model.Unit;

/**
 * The 达标验收 board's state: the chosen year's figures per 共同体 and overall, the overall 达标率 of the years
 * of the three-year plan up to it, and where each number leads (the branches behind it).
 */
public final class BoardViewModel {
    /** Years shown in the trend: the chosen one and the two before it (a three-year plan). */
    static final int PLAN_YEARS = 3;

    private static final java.util.regex.Pattern QUOTA =
            java.util.regex.Pattern.compile("\\s*([^≤<=\\s]+)\\s*(?:≤|<=)\\s*(\\d+(?:\\.\\d+)?)\\s*%?\\s*");

    /** The overall figures of one year, for the trend. */
    public record YearRate(int year, AcceptanceBoard.Row total) {}

    /**
     * What a number on the board leads to: the branches of a community or of a unit (both null: all) with a
     * status (null: any).
     */
    public interface Drill {
        void show(Community community, Unit unit, AcceptanceStatus status);
    }

    private final ChecklistService service;
    /** The same service's files (templates, 往年结果, assessment forms). */
    private final ChecklistFiles files;

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Messages m;
    private final IntegerProperty year = new SimpleIntegerProperty();
    private final ReadOnlyObjectWrapper<AcceptanceBoard> board = new ReadOnlyObjectWrapper<>();
    private final ObservableList<AcceptanceBoard.Row> rows = FXCollections.observableArrayList();
    private final ObservableList<YearRate> trend = FXCollections.observableArrayList();
    private final BooleanProperty byUnit = new SimpleBooleanProperty();
    private final ObservableList<org.taizhang.checklist.model.RatingQuota.Excess> excesses =
            FXCollections.observableArrayList();
    private List<org.taizhang.checklist.model.RatingQuota> quotas = List.of();
    /** The unit of each line while the board is shown by unit. */
    private final Map<AcceptanceBoard.Row, Unit> unitOfRow = new IdentityHashMap<>();

    private List<AcceptanceBoard.UnitRow> unitRows = List.of();

    public BoardViewModel(ChecklistService service, TaskRunner tasks, DialogService dialogs, Messages messages) {
        this.service = service;
        this.files = new ChecklistFiles(service);
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.m = messages;
        byUnit.addListener(o -> showRows());
    }

    private record Loaded(
            AcceptanceBoard board,
            List<AcceptanceBoard.UnitRow> units,
            List<YearRate> trend,
            List<org.taizhang.checklist.model.RatingQuota> quotas) {}

    /** Computes the year's board and the years before it on the worker, then shows them. */
    public void load(int forYear, Runnable then) {
        tasks.run(
                "checklist.task.board",
                p -> {
                    // one read for the plan's years (the registry, assessments and results once)
                    List<AcceptanceBoard> plan = service.boards(forYear - PLAN_YEARS + 1, forYear);
                    List<YearRate> years = new ArrayList<>();
                    plan.forEach(b -> years.add(new YearRate(b.year(), b.total())));
                    AcceptanceBoard chosen = plan.getLast();
                    return new Loaded(chosen, service.byUnit(chosen), years, service.quotas(forYear));
                },
                loaded -> {
                    year.set(forYear);
                    board.set(loaded.board());
                    unitRows = loaded.units();
                    showRows();
                    trend.setAll(loaded.trend());
                    quotas = loaded.quotas();
                    excesses.setAll(loaded.board().excesses(loaded.quotas()));
                    then.run();
                });
    }

    public void loadCurrentYear(Runnable then) {
        tasks.run("checklist.task.board", p -> service.today().getYear(), y -> load(y, then));
    }

    public void reload() {
        load(year.get(), () -> {});
    }

    private void showRows() {
        AcceptanceBoard b = board.get();
        if (b == null) {
            return;
        }
        unitOfRow.clear();
        if (byUnit.get()) {
            List<AcceptanceBoard.Row> lines = new java.util.ArrayList<>();
            for (AcceptanceBoard.UnitRow u : unitRows) {
                unitOfRow.put(u.figures(), u.unit());
                lines.add(u.figures());
            }
            rows.setAll(lines);
        } else {
            rows.setAll(b.rows());
        }
        rows.add(b.total());
    }

    /** The unit of a line shown by unit (null otherwise). */
    public Unit unitOf(AcceptanceBoard.Row row) {
        return unitOfRow.get(row);
    }

    /** Whether {@code row} is the 合计 line (no community, and it is the board's total). */
    public boolean isTotal(AcceptanceBoard.Row row) {
        return board.get() != null && row == board.get().total();
    }

    /** The row's name as shown: the community, 未加入共同体, or 合计. */
    public String name(AcceptanceBoard.Row row) {
        if (isTotal(row)) {
            return m.get("checklist.stats.total");
        }
        Unit unit = unitOfRow.get(row);
        if (unit != null) {
            return unit.name();
        }
        return row.community() == null
                ? m.get("checklist.stats.noCommunity")
                : row.community().name();
    }

    /** Writes the figures as the command line's {@code report acceptance-stats} does. */
    public void export(Path file, boolean xlsx) {
        AcceptanceBoard b = board.get();
        if (b == null) {
            return;
        }
        tasks.run(
                "checklist.task.export",
                p -> {
                    AcceptanceStats.write(
                            b,
                            new org.taizhang.core.report.ReportTable.Heading(service.committee(), service.today()),
                            xlsx
                                    ? org.taizhang.core.report.ReportFormat.XLSX
                                    : org.taizhang.core.report.ReportFormat.CSV,
                            file,
                            m,
                            p);
                    return file;
                },
                written -> dialogs.offerToOpen(
                        m, m.get("checklist.task.export"), m.get("checklist.info.exported", written), written));
    }

    /** 导入往年结果: earlier years' results, so the board shows the whole plan; all or nothing. */
    public void importResults(Path file) {
        tasks.run("checklist.task.importResults", p -> files.importResults(file, p), report -> {
            if (!report.applied()) {
                Rejections.show(dialogs, m, m.get("checklist.task.importResults"), report.errors());
                return;
            }
            reload();
            dialogs.showInfo(
                    m.get("checklist.task.importResults"),
                    m.get(
                            "checklist.view.resultsImported",
                            report.created(),
                            report.updated(),
                            report.unchanged(),
                            report.sheet()));
        });
    }

    /** The year's 等级比例 as a clerk types them: 五星≤10%；四星≤40%. */
    public String quotasText() {
        return String.join(
                "；",
                quotas.stream()
                        .map(q -> q.rating() + "≤"
                                + q.maxShare().stripTrailingZeros().toPlainString() + "%")
                        .toList());
    }

    /** 等级比例…: asks for the year's limits (empty: none) and saves them; refused in words when unreadable. */
    public void editQuotas() {
        int y = year.get();
        dialogs.askText(m.get("checklist.action.quotas"), m.get("checklist.question.quotas", y), quotasText())
                .ifPresent(text -> {
                    java.util.Map<String, java.math.BigDecimal> parsed = new java.util.LinkedHashMap<>();
                    for (String part : text.split("[;；,，、]")) {
                        if (part.isBlank()) {
                            continue;
                        }
                        java.util.regex.Matcher mm = QUOTA.matcher(part);
                        if (!mm.matches()) {
                            dialogs.showError(
                                    m.get("checklist.action.quotas"), m.get("checklist.input.quota", part.strip()));
                            return;
                        }
                        parsed.put(mm.group(1), new java.math.BigDecimal(mm.group(2)));
                    }
                    tasks.run(
                            "checklist.task.quotas",
                            p -> {
                                service.setQuotas(y, parsed);
                                return parsed;
                            },
                            x -> reload());
                });
    }

    /** Ratings over their share this year (the board names them). */
    public ObservableList<org.taizhang.checklist.model.RatingQuota.Excess> excesses() {
        return excesses;
    }

    /** Show the figures per unit instead of per 共同体. */
    public BooleanProperty byUnitProperty() {
        return byUnit;
    }

    public IntegerProperty yearProperty() {
        return year;
    }

    public ReadOnlyObjectProperty<AcceptanceBoard> boardProperty() {
        return board.getReadOnlyProperty();
    }

    public ObservableList<AcceptanceBoard.Row> rows() {
        return rows;
    }

    public ObservableList<YearRate> trend() {
        return trend;
    }
}
