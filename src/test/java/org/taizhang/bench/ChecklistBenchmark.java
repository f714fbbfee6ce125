package org.taizhang.bench;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.taizhang.checklist.AcceptanceBoard;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.checklist.files.ChecklistFiles;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.CityScaleGenerator;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.files.ImportReport;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.Registry;

/**
 * Checklist benchmarks (not tests; docs/benchmarks.md): the 达标验收 board of the 1,500-branch city for the three
 * years of the plan, read from SQLite and computed (this year's assessments with their answers, the two years
 * before as imported results: the sample's pattern on the city-scale registry), and importing 1,500 past results
 * from a workbook. {@code mvn -q -Pbench verify -DskipTests} runs it; results are appended to
 * target/benchmarks.txt.
 */
public final class ChecklistBenchmark {
    private ChecklistBenchmark() {}

    private static final int YEAR = 2026;

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("taizhang-checklist-bench");
        List<String> report = new ArrayList<>();
        report.add("Checklist benchmarks " + java.time.LocalDateTime.now().withNano(0) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version() + ", load average "
                + loadAverage());
        Path db = work.resolve("city.db");
        try (Store store = Store.openOrCreate(db)) {
            RegistryService registry = new RegistryService(store);
            if (!CityScaleGenerator.load(registry).applied()) {
                throw new IllegalStateException("city-scale data rejected");
            }
            long t = System.nanoTime();
            int made = new ChecklistService(store, registry).importSample(YEAR);
            report.add(String.format(
                    "setup: %d assessments of %d with their answers and two years of results, in %.1f s",
                    made, YEAR, (System.nanoTime() - t) / 1e9));
        }
        try (Store store = Store.open(db)) {
            RegistryService registry = new RegistryService(store);
            ChecklistService checklists = new ChecklistService(store, registry);
            List<AcceptanceBoard> plan = checklists.boards(YEAR - 2, YEAR);
            report.add(String.format(
                    "board: %d branches; 达标率 %s%% / %s%% / %s%%; %d answers, %d results read",
                    plan.getLast().total().branches(),
                    plan.get(0).total().rate(),
                    plan.get(1).total().rate(),
                    plan.get(2).total().rate(),
                    store.read().fetchCount(store.read().selectFrom("assessment_answer")),
                    store.read().fetchCount(store.read().selectFrom("assessment_result"))));
            report.add(measure(
                    "board: 3 years × 1,500 branches, read + computed",
                    3,
                    15,
                    () -> checklists.boards(YEAR - 2, YEAR)));
            report.add(measure("board: this year alone, read + computed", 3, 15, () -> checklists.board(YEAR)));
            report.add(renderBoard(checklists));
            report.add(measure("  of which: read the registry", 3, 15, registry::load));
            report.add(measure(
                    "  of which: read this year's assessments and answers",
                    3,
                    15,
                    () -> checklists.assessmentsOfYear(YEAR)));
        }
        // 1,500 results of one earlier year, one row per branch, named as in the registry workbook
        Path file = work.resolve("results-1500.xlsx");
        try (Store store = Store.open(db)) {
            writeResults(new RegistryService(store).load(), YEAR - 3, file);
        }
        for (int run = 1; run <= 3; run++) {
            Path fresh = work.resolve("import-" + run + ".db");
            Files.copy(db, fresh); // the city with its templates, without that year's results
            try (Store store = Store.open(fresh)) {
                ChecklistService checklists = new ChecklistService(store, new RegistryService(store));
                long t = System.nanoTime();
                ImportReport r = new ChecklistFiles(checklists).importResults(file, Progress.NONE);
                double first = (System.nanoTime() - t) / 1e6;
                t = System.nanoTime();
                ImportReport again = new ChecklistFiles(checklists).importResults(file, Progress.NONE);
                double second = (System.nanoTime() - t) / 1e6;
                report.add(String.format(
                        "import 1,500 past results, run %d%s: %.0f ms (created %d); again: %.0f ms (unchanged %d)",
                        run, run == 1 ? " (cold JVM)" : "", first, r.created(), second, again.unchanged()));
            }
        }
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

    /**
     * The board as the clerk opens it: read, computed and drawn — the view model loading the plan's three years,
     * the table and both charts laid out and rendered once (a snapshot) at 1366×768 on the JavaFX thread.
     */
    private static String renderBoard(ChecklistService checklists) throws Exception {
        javafx.application.Platform.startup(() -> {});
        var messages = org.taizhang.core.i18n.Messages.forLocale(org.taizhang.core.i18n.Messages.CHINESE);
        var dialogs = new org.taizhang.core.ui.RecordingDialogs();
        List<Double> times = new ArrayList<>();
        for (int run = 0; run < 13; run++) {
            var done = new java.util.concurrent.CompletableFuture<Double>();
            javafx.application.Platform.runLater(() -> {
                long t = System.nanoTime();
                var vm = new org.taizhang.checklist.view.BoardViewModel(
                        checklists,
                        new org.taizhang.core.ui.TaskRunner(
                                org.taizhang.core.ui.TaskExecutor.synchronous(), messages, dialogs),
                        dialogs,
                        messages);
                var view = new org.taizhang.checklist.view.BoardView(vm, messages, dialogs, (c, u, s) -> {});
                var scene = new javafx.scene.Scene((javafx.scene.Parent) view.node(), 1366, 768);
                vm.load(YEAR, () -> {});
                scene.snapshot(null);
                done.complete((System.nanoTime() - t) / 1e6);
            });
            double ms = done.get();
            if (run >= 3) { // three to warm up
                times.add(ms);
            }
        }
        times.sort(null);
        javafx.application.Platform.exit();
        return String.format(
                "board shown: read + computed + table and charts rendered at 1366×768, median %.0f ms (min %.0f, max"
                        + " %.0f, %d runs)",
                times.get(times.size() / 2), times.getFirst(), times.getLast(), times.size());
    }

    /**
     * Wall time and this thread's CPU time (SQLite reads in the calling thread, so its work is counted): on a
     * machine shared with other builds the wall time says more about the neighbours than about the code.
     */
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
                "%-52s median %4.0f ms (min %.0f, p90 %.0f); CPU median %.0f ms (min %.0f)",
                label,
                times[runs / 2] / 1e6,
                times[0] / 1e6,
                times[(int) (runs * 0.9)] / 1e6,
                cpu[runs / 2] / 1e6,
                cpu[0] / 1e6);
    }

    private static void writeResults(Registry registry, int year, Path file) throws Exception {
        List<Organization> branches = registry.organizations().stream()
                .filter(o -> o.kind().isBranch())
                .toList();
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200);
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("往年结果");
            String[] headers = {"单位", "组织名称", "上级组织", "年度", "轮次", "总分", "等级", "结论"};
            Row h = sheet.createRow(0);
            for (int c = 0; c < headers.length; c++) {
                h.createCell(c).setCellValue(headers[c]);
            }
            for (int i = 0; i < branches.size(); i++) {
                Organization o = branches.get(i);
                double score = 50 + (i * 37 % 50);
                Row r = sheet.createRow(i + 1);
                r.createCell(0)
                        .setCellValue(registry.unit(o.unitId()).orElseThrow().name());
                r.createCell(1).setCellValue(o.name());
                r.createCell(2)
                        .setCellValue(
                                o.parentId() == null
                                        ? ""
                                        : registry.organization(o.parentId())
                                                .orElseThrow()
                                                .name());
                r.createCell(3).setCellValue(year);
                r.createCell(4).setCellValue("达标验收");
                r.createCell(5).setCellValue(score);
                r.createCell(6).setCellValue(score >= 80 ? "四星" : score >= 70 ? "三星" : score >= 60 ? "二星" : "一星");
                r.createCell(7).setCellValue(score >= 60 ? "达标" : "未达标");
            }
            wb.write(out);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
