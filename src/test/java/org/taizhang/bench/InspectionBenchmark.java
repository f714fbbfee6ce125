package org.taizhang.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.core.Ids;
import org.taizhang.core.attachment.Attachment;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.core.text.Pinyin;
import org.taizhang.core.ui.Tables;
import org.taizhang.inspection.Duplicates;
import org.taizhang.inspection.FindingBatch;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.LedgerStats;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingSource;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.InspectionSettings;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.Measure;
import org.taizhang.inspection.model.RectificationType;
import org.taizhang.inspection.model.Severity;
import org.taizhang.inspection.model.Verdict;
import org.taizhang.inspection.sample.SampleFindings;
import org.taizhang.organization.CityScaleGenerator;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

/**
 * The ledger's benchmarks (not tests; docs/benchmarks.md, issue 10): the sample's cost on first run; with 20,000
 * findings (about 100,000 steps, a realistic mix of states, written through {@link FindingService#batch} and so
 * the tracked writer) on the city-scale registry: opening the ledger ({@link FindingService#ledger}), filtering and
 * sorting its rows as the page does, the figures and duplicates; and numbering 1,000 待挂号 findings
 * ({@link FindingService#registerPending}). {@code mvn -q -Pbench verify -DskipTests} runs it; results are appended
 * to target/benchmarks.txt. {@code InspectionBenchmark sample} runs only the first-run part.
 */
public final class InspectionBenchmark {
    private InspectionBenchmark() {}

    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final int FINDINGS = 20_000;
    private static final int PENDING = 1_000;
    private static final String[] CATEGORIES = {"主体责任", "三会一课", "组织生活", "党员管理", "党费", "阵地建设", "作风"};
    private static final String[] PROBLEMS = {
        "支委会未按月召开，会议记录不完整",
        "党员大会记录缺少议题和表决结果",
        "书记全年未讲党课",
        "组织生活会批评和自我批评流于形式",
        "主题党日活动未固定时间",
        "未开展年度民主评议党员",
        "发展党员材料缺少政治审查意见",
        "预备党员转正逾期未讨论",
        "党员组织关系转接不及时",
        "党费未按月收缴，存在一次性补交情况",
        "党费缴纳基数未按年度调整",
        "党员活动室被挪作他用",
        "党务公开栏内容长期未更新",
        "党建档案未分类归档",
        "班子成员“一岗双责”落实情况无记录",
        "窗口岗位党员未亮明身份"
    };

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("taizhang-inspection-bench");
        List<String> report = new ArrayList<>();
        report.add("Inspection benchmarks " + java.time.LocalDateTime.now().withNano(0) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version() + ", load average "
                + loadAverage());
        sample(work, report);
        if (args.length == 0 || !args[0].equals("sample")) {
            ledger(work, report);
        }
        report.add("load average at the end " + loadAverage());
        String text = String.join(System.lineSeparator(), report) + System.lineSeparator();
        Path out = Path.of("target", "benchmarks.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(
                out,
                text,
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        System.out.print(text);
    }

    private static Store open(Path db) {
        Store store = Store.openOrCreate(
                db,
                Clock.fixed(TODAY.atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault()));
        // every database here stands for the hub; a copy gets a device id of its own and is not the hub until told
        // (the designation names a device, decisions/0006), so numbering on a copy would be refused
        if (!store.isHub()) {
            store.designateHub();
        }
        return store;
    }

    /** What init --sample and the first run do, each part timed, in new databases: the first run is a cold JVM. */
    private static void sample(Path work, List<String> report) {
        for (int run = 1; run <= 4; run++) {
            try (Store store = open(work.resolve("sample-" + run + ".db"))) {
                var threads = java.lang.management.ManagementFactory.getThreadMXBean();
                RegistryService registry = new RegistryService(store);
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                registry.importSampleIntoEmptyRegistry(Progress.NONE);
                long c1 = threads.getCurrentThreadCpuTime();
                long t1 = System.nanoTime();
                ChecklistService checklists = new ChecklistService(store, registry);
                checklists.importSample(checklists.today().getYear());
                long c2 = threads.getCurrentThreadCpuTime();
                long t2 = System.nanoTime();
                int made = SampleFindings.importInto(store, registry);
                long c3 = threads.getCurrentThreadCpuTime();
                long t3 = System.nanoTime();
                report.add(String.format(
                        "sample, run %d%s: registry %.0f ms (CPU %.0f), checklists %.0f ms (CPU %.0f), findings %.0f"
                                + " ms (CPU %.0f; %d findings)",
                        run,
                        run == 1 ? " (cold JVM)" : "",
                        (t1 - t0) / 1e6,
                        (c1 - c0) / 1e6,
                        (t2 - t1) / 1e6,
                        (c2 - c1) / 1e6,
                        (t3 - t2) / 1e6,
                        (c3 - c2) / 1e6,
                        made));
            }
        }
    }

    private static void ledger(Path work, List<String> report) throws Exception {
        Path db = work.resolve("ledger.db");
        try (Store store = open(db)) {
            RegistryService registry = new RegistryService(store);
            if (!CityScaleGenerator.load(registry).applied()) {
                throw new IllegalStateException("city-scale data rejected");
            }
            FindingService service = new FindingService(store, registry);
            store.setOperator("王清");
            InspectionSettings s = service.settings();
            service.saveSettings(new InspectionSettings(s.operator(), true, true, s.numberFormat(), s.warnings()));
            Path photo = work.resolve("佐证.txt");
            Files.writeString(photo, "整改佐证材料");
            Attachment evidence = service.storeEvidence(photo);
            long t = System.nanoTime();
            Random random = new Random(20_261_203L);
            int steps = 0;
            for (int from = 0; from < FINDINGS; from += 2_000) {
                int start = from;
                steps += service.batch(b -> generate(b, registry.load(), random, start, 2_000, evidence, false));
            }
            report.add(String.format(
                    "setup: %,d findings with %,d steps through the batch path in %.1f s",
                    FINDINGS, steps, (System.nanoTime() - t) / 1e9));
        }
        try (Store store = open(db)) {
            RegistryService registry = new RegistryService(store);
            FindingService service = new FindingService(store, registry);
            List<LedgerEntry> rows = service.ledger();
            Map<FindingState, Long> states = new java.util.EnumMap<>(FindingState.class);
            rows.forEach(e -> states.merge(e.state(), 1L, Long::sum));
            report.add("ledger: " + rows.size() + " rows; " + states + "; overdue "
                    + rows.stream().filter(e -> e.warning().isOverdue()).count());
            report.add(measure("ledger: FindingService.ledger() (read + fold + names)", 3, 15, service::ledger));
            report.add(measure("  of which: registry.load()", 3, 15, registry::load));
            // the page's own part: the view model shows what the service read (choices, search texts, filters)
            org.taizhang.core.i18n.Messages zh =
                    org.taizhang.core.i18n.Messages.forLocale(org.taizhang.core.i18n.Messages.CHINESE);
            org.taizhang.core.ui.RecordingDialogs quiet = new org.taizhang.core.ui.RecordingDialogs();
            org.taizhang.inspection.view.LedgerViewModel ledgerPage = new org.taizhang.inspection.view.LedgerViewModel(
                    service,
                    new org.taizhang.inspection.InspectionService(store),
                    new org.taizhang.core.ui.TaskRunner(org.taizhang.core.ui.TaskExecutor.synchronous(), zh, quiet),
                    quiet,
                    zh);
            report.add(measure("ledger page: LedgerViewModel.load (the service + the view model)", 3, 15, () -> {
                ledgerPage.load(() -> {});
                return ledgerPage.filters().shown().size();
            }));
            String unit = rows.get(rows.size() / 2).finding().unitId();
            Predicate<LedgerEntry> page = e -> e.state() == FindingState.RECTIFYING
                    && e.finding().unitId().equals(unit)
                    && e.warning().isOverdue();
            report.add(measure("filter: 整改中 + one unit + 逾期", 5, 25, () -> filter(rows, page)));
            report.add(measure(
                    "filter: text '党费' (number, unit, branch, category, description)",
                    5,
                    25,
                    () -> filter(rows, e -> Pinyin.matches(searchText(e), "党费"))));
            report.add(measure(
                    "filter: pinyin initials 'dfw' (same text)",
                    5,
                    25,
                    () -> filter(rows, e -> Pinyin.matches(searchText(e), "dfw"))));
            report.add(measure(
                    "filter: 逾期 + text '支委会'",
                    5,
                    25,
                    () -> filter(rows, e -> e.warning().isOverdue() && Pinyin.matches(searchText(e), "支委会"))));
            report.add(measure("sort: by number (LEDGER_ORDER)", 5, 25, () -> sort(rows, FindingService.LEDGER_ORDER)));
            report.add(measure(
                    "sort: by unit (Tables.CHINESE collator)",
                    5,
                    25,
                    () -> sort(rows, Comparator.comparing(LedgerEntry::unitName, Tables.CHINESE))));
            report.add(measure(
                    "sort: by unit, the collator once per distinct name",
                    5,
                    25,
                    () -> sort(rows, byRank(rows, LedgerEntry::unitName))));
            report.add(measure(
                    "sort: by deadline, then unit (collator)",
                    5,
                    25,
                    () -> sort(
                            rows,
                            Comparator.comparing(
                                            (LedgerEntry e) -> e.timeline().deadline(),
                                            Comparator.nullsLast(Comparator.naturalOrder()))
                                    .thenComparing(LedgerEntry::unitName, Tables.CHINESE))));
            report.add(measure(
                    "stats: LedgerStats.of (total, per unit, per category)", 3, 15, () -> LedgerStats.of(rows)));
            report.add(measure("duplicates: Duplicates.pairs", 3, 15, () -> Duplicates.pairs(rows)));
            dashboard(store, registry, service, rows, zh, report);
        }
        // 1,000 待挂号 findings numbered: on the city registry alone, and beside the 20,000
        Path onlyPending = work.resolve("pending-only.db");
        Path withLedger = work.resolve("pending-ledger.db");
        try (Store store = open(onlyPending)) {
            RegistryService registry = new RegistryService(store);
            CityScaleGenerator.load(registry);
            FindingService service = new FindingService(store, registry);
            service.batch(b -> generate(b, registry.load(), new Random(1), FINDINGS, PENDING, null, true));
        }
        Files.copy(db, withLedger);
        try (Store store = open(withLedger)) {
            RegistryService registry = new RegistryService(store);
            FindingService service = new FindingService(store, registry);
            service.registerPending(); // the ledger's own 待挂号 first: exactly 1,000 are numbered below
            service.batch(b -> generate(b, registry.load(), new Random(1), FINDINGS, PENDING, null, true));
        }
        for (Path base : List.of(onlyPending, withLedger)) {
            for (int run = 1; run <= 3; run++) {
                Path copy = work.resolve("register-" + run + "-" + base.getFileName());
                Files.copy(base, copy);
                try (Store store = open(copy)) {
                    FindingService service = new FindingService(store, new RegistryService(store));
                    service.ledger(); // the page is open: its classes loaded, as in the window
                    long t = System.nanoTime();
                    FindingService.Registered r = service.registerPending();
                    report.add(String.format(
                            "registerPending: %d numbered (%s … %s)%s, run %d: %.0f ms",
                            r.count(),
                            r.first(),
                            r.last(),
                            base == onlyPending ? ", ledger otherwise empty" : ", beside 20,000 findings",
                            run,
                            (System.nanoTime() - t) / 1e6));
                }
            }
        }
    }

    /**
     * Findings {@code from … from+n} with a life by a roll: 5% 待挂号, 8% 已挂号, 10% 已交办, 35% 整改中, 10% 待核查,
     * 30% 已销号, 2% 已合并 (about five steps each); all 待挂号 when {@code pendingOnly}. Returns the steps written.
     */
    static int generate(
            FindingBatch b,
            Registry registry,
            Random random,
            int from,
            int n,
            Attachment evidence,
            boolean pendingOnly) {
        List<Unit> units = registry.units();
        List<String> made = new ArrayList<>();
        List<LocalDate> foundOn = new ArrayList<>();
        List<Integer> rolls = new ArrayList<>();
        Unit u = null;
        Organization o = null;
        for (int i = from; i < from + n; i++) {
            int roll = pendingOnly ? 0 : random.nextInt(100);
            boolean merged =
                    roll >= 13 && roll < 15 && !rolls.isEmpty() && rolls.getLast() >= 5 && rolls.getLast() < 70;
            if (!merged) { // one merged into the finding before it: the same problem of the same unit
                u = units.get(random.nextInt(units.size()));
                List<Organization> branches = registry.ofUnit(u.id());
                o = branches.isEmpty() ? null : branches.get(random.nextInt(branches.size()));
            }
            LocalDate found = TODAY.minusDays(random.nextInt(700));
            String problem = PROBLEMS[random.nextInt(PROBLEMS.length)];
            Finding f = b.record(Finding.recorded(
                    Ids.forKey("finding", "bench", Integer.toString(i)),
                    null,
                    null,
                    u.id(),
                    o == null ? null : o.id(),
                    CATEGORIES[random.nextInt(CATEGORIES.length)],
                    (o == null ? u.name() : o.name()) + problem + "，涉及" + (1 + random.nextInt(9)) + "名党员",
                    "《中国共产党支部工作条例（试行）》第十八条",
                    Severity.ORDINARY,
                    RectificationType.DEADLINE,
                    FindingSource.VISIT,
                    null,
                    found,
                    "李明"));
            made.add(f.id());
            foundOn.add(found);
            rolls.add(merged ? -1 : roll);
        }
        if (pendingOnly) {
            return n;
        }
        int steps = n;
        // each numbered on the day it was found (the batch numbers in the year of that day): no step may come
        // before the problem was found (StepRules.joins, the same rule as the single actions)
        for (int i = 0; i < made.size(); i++) {
            if (rolls.get(i) >= 5 || rolls.get(i) == -1) {
                b.register(List.of(made.get(i)), foundOn.get(i));
                steps++;
            }
        }
        for (int i = 0; i < made.size(); i++) {
            String id = made.get(i);
            int roll = rolls.get(i);
            if (roll == -1) {
                b.merge(id, made.get(i - 1), TODAY.minusDays(1));
                steps++;
                continue;
            }
            if (roll < 13) {
                continue; // 待挂号, 已挂号
            }
            LocalDate drawn = TODAY.minusDays(random.nextInt(200));
            LocalDate on = drawn.isBefore(foundOn.get(i)) ? foundOn.get(i) : drawn;
            b.notify(id, new FindingService.Notice(on.plusDays(60), "张志强", "机关党委", "赵敏", null), on);
            steps++;
            if (roll < 25) {
                continue; // 已交办
            }
            b.receipt(id, on.plusDays(2));
            Measure m = new Measure(
                    Ids.forKey("rectification_measure", id, "0"), id, "制定整改方案并落实", "赵敏", on.plusDays(50), null, 0);
            b.saveMeasure(m);
            b.progress(id, "正在整改", m.id(), List.of(), on.plusDays(10));
            steps += 2;
            if (roll < 60) {
                continue; // 整改中
            }
            b.saveMeasure(m.doneOn(on.plusDays(30)));
            b.progress(id, "整改完成", m.id(), List.of(evidence), on.plusDays(30));
            b.requestClose(id, "申请销号", on.plusDays(31));
            steps += 2;
            if (roll < 70) {
                continue; // 待核查
            }
            b.close(id, Verdict.GOOD, "整改到位，同意销号", on.plusDays(35));
            steps++;
        }
        return steps;
    }

    /**
     * A sort by a text column with few distinct values (units): the collator orders the distinct names once, the
     * rows are then sorted by their name's rank — the same order as comparing with the collator row by row.
     */
    private static Comparator<LedgerEntry> byRank(
            List<LedgerEntry> rows, java.util.function.Function<LedgerEntry, String> key) {
        List<String> names =
                rows.stream().map(key).distinct().sorted(Tables.CHINESE).toList();
        Map<String, Integer> rank = new java.util.HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            rank.put(names.get(i), i);
        }
        return Comparator.comparingInt(e -> rank.get(key.apply(e)));
    }

    private static String searchText(LedgerEntry e) {
        Finding f = e.finding();
        return (f.number() == null ? "" : f.number()) + " " + e.unitName() + " "
                + (e.organizationName() == null ? "" : e.organizationName()) + " " + f.category() + " "
                + f.description();
    }

    private static List<LedgerEntry> filter(List<LedgerEntry> rows, Predicate<LedgerEntry> p) {
        return rows.stream().filter(p).toList();
    }

    private static List<LedgerEntry> sort(List<LedgerEntry> rows, Comparator<LedgerEntry> c) {
        List<LedgerEntry> copy = new ArrayList<>(rows);
        copy.sort(c);
        return copy;
    }

    /** Wall time and this thread's CPU time, as in ChecklistBenchmark. */
    /**
     * The 工作台 at 20,000 findings (issue 21: shown in under 500 ms): what the worker does when it is shown — one read
     * of the ledger, the reminders, the key figures with last month's (DashboardService: the year's board over the
     * city's 1,500 branches, every finding folded again to the end of last month) — and what the JavaFX thread does
     * then: the figures' tiles, the two charts and the week's findings built and laid out (headless platform).
     */
    private static void dashboard(
            Store store,
            RegistryService registry,
            FindingService service,
            List<LedgerEntry> rows,
            org.taizhang.core.i18n.Messages zh,
            List<String> report)
            throws Exception {
        org.taizhang.checklist.ChecklistService checklists =
                new org.taizhang.checklist.ChecklistService(store, registry);
        org.taizhang.report.DashboardService dashboard =
                new org.taizhang.report.DashboardService(store, service, checklists);
        org.taizhang.core.ui.RecordingDialogs quiet = new org.taizhang.core.ui.RecordingDialogs();
        org.taizhang.inspection.view.RemindersModel reminders = new org.taizhang.inspection.view.RemindersModel(
                service,
                new org.taizhang.core.ui.TaskRunner(org.taizhang.core.ui.TaskExecutor.synchronous(), zh, quiet),
                zh);
        report.add(measure("工作台: one ledger read + reminders + key figures (the worker)", 3, 15, () -> {
            List<LedgerEntry> ledger = service.ledger();
            reminders.show(ledger);
            return dashboard.figures(ledger);
        }));
        report.add(
                measure("  of which: DashboardService.figures of a ledger read", 3, 15, () -> dashboard.figures(rows)));
        report.add(measure("  of which: the year's 达标验收 board", 3, 15, () -> checklists.board(TODAY.getYear())));
        org.taizhang.report.DashboardFigures figures = dashboard.figures(rows);
        System.setProperty("glass.platform", "Headless");
        System.setProperty("prism.order", "sw");
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        javafx.application.Platform.startup(started::countDown);
        started.await();
        report.add(measure("工作台: tiles, charts and the week's list built and laid out (JavaFX thread)", 3, 15, () -> {
            java.util.concurrent.FutureTask<Object> onFx = new java.util.concurrent.FutureTask<>(() -> {
                org.taizhang.report.view.DashboardFiguresModel model =
                        new org.taizhang.report.view.DashboardFiguresModel(zh);
                org.taizhang.report.view.DashboardFiguresPane pane =
                        new org.taizhang.report.view.DashboardFiguresPane(model, opening -> {});
                model.show(figures);
                javafx.scene.layout.VBox root = new javafx.scene.layout.VBox(pane.node());
                javafx.scene.Scene scene = new javafx.scene.Scene(root, 1366, 768);
                root.applyCss();
                root.layout();
                return scene;
            });
            javafx.application.Platform.runLater(onFx);
            try {
                return onFx.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        javafx.application.Platform.exit();
    }

    private static String measure(String label, int warmup, int runs, Supplier<?> work) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmup; i++) {
            work.get();
        }
        long[] times = new long[runs];
        long[] cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            work.get();
            times[i] = System.nanoTime() - t;
            cpu[i] = threads.getCurrentThreadCpuTime() - c;
        }
        Arrays.sort(times);
        Arrays.sort(cpu);
        return String.format(
                "%-60s median %6.1f ms (min %.1f, p90 %.1f, max %.1f); CPU median %.1f ms",
                label,
                times[runs / 2] / 1e6,
                times[0] / 1e6,
                times[(int) (runs * 0.9)] / 1e6,
                times[runs - 1] / 1e6,
                cpu[runs / 2] / 1e6);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
