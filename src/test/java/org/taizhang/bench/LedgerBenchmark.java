package org.taizhang.bench;

import static org.taizhang.inspection.LedgerEntryBuilder.aFinding;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.ReportFormat;
import org.taizhang.core.report.ReportTable;
import org.taizhang.core.report.files.TableFiles;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.files.LedgerReport;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.Measure;

/**
 * 报表's ledger benchmark (issue 21; docs/benchmarks.md), side by side in one run: a 100,000-row 整改台账 .xlsx written
 * through core.report (LedgerReport's computed rows, OfficialWorkbook: styles, row heights, merges, the autofilter,
 * print setup) against a bare SXSSF loop writing the same cells (the same values, no styles, no layout). Alternates
 * the two three times, reports the medians, and the heap: the pom runs it with {@code -Xmx256m}, so the whole of
 * it (the 100,000 entries included) fits in 256 MB or it fails; the peak the heap pools saw while writing is
 * printed too. {@code mvn -o -Pbench toolchains:select-jdk-toolchain exec:exec@ledger-benchmarks}.
 */
public final class LedgerBenchmark {
    private LedgerBenchmark() {}

    static final int ROWS = 100_000;

    public static void main(String[] args) throws Exception {
        Messages m = Messages.forLocale(Messages.CHINESE);
        List<LedgerEntry> entries = entries();
        ReportTable.Heading heading = new ReportTable.Heading("中共江海市直属机关工作委员会", LocalDate.of(2026, 12, 7));
        Path work = Files.createTempDirectory("taizhang-ledger-bench");
        // one round of each first, unmeasured: both paths warm up the JIT
        runOurs(entries.subList(0, 5_000), heading, work.resolve("warm-ours.xlsx"), m);
        runBare(entries.subList(0, 5_000), work.resolve("warm-bare.xlsx"), m);
        double[] ours = new double[3];
        double[] bare = new double[3];
        System.gc();
        java.lang.management.MemoryUsage heap =
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long live = heap.getUsed(); // the 100,000 entries, held by the ledger before any report
        long peak = 0;
        for (int run = 0; run < 3; run++) {
            System.gc();
            resetPeaks();
            ours[run] = runOurs(entries, heading, work.resolve("ours-" + run + ".xlsx"), m);
            peak = Math.max(peak, peaks());
            bare[run] = runBare(entries, work.resolve("bare-" + run + ".xlsx"), m);
        }
        long size = Files.size(work.resolve("ours-0.xlsx"));
        Arrays.sort(ours);
        Arrays.sort(bare);
        String line = String.format(
                "Ledger benchmark %s, %d cores, Java %s, max heap %d MB: %,d-row 整改台账 .xlsx through core.report (%.1f"
                        + " MB) median %.0f ms (%.0f–%.0f); a bare SXSSF loop writing the same cells median %.0f ms"
                        + " (%.0f–%.0f); %.2f× — target within 1.5×; heap: %d MB live with the entries before writing,"
                        + " the pools' peak while writing %d MB (garbage included) — target under 256 MB",
                java.time.LocalDateTime.now().withNano(0),
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                ROWS,
                size / 1e6,
                ours[1],
                ours[0],
                ours[2],
                bare[1],
                bare[0],
                bare[2],
                ours[1] / bare[1],
                live / (1024 * 1024),
                peak / (1024 * 1024));
        System.out.println(line);
        Path out = Path.of("target", "benchmarks.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(
                out,
                line + System.lineSeparator(),
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** 100,000 findings over every state, each with two measures, a basis, a round and evidence. */
    static List<LedgerEntry> entries() {
        String[] problems = {
            "支委会未按月召开，今年以来仅召开4次，会议记录不完整",
            "党员活动室被挪作会议室使用，入党誓词、党旗等上墙内容缺失",
            "党费收缴台账不规范，未按月公示，部分党员未按标准交纳",
            "发展党员档案材料缺失入党志愿书和政治审查材料",
            "主题党日活动流于形式，缺少学习研讨和交流发言记录"
        };
        String[] categories = {"三会一课", "阵地建设", "党费", "党员管理", "组织生活"};
        FindingState[] states = {
            FindingState.PENDING,
            FindingState.REGISTERED,
            FindingState.NOTIFIED,
            FindingState.RECTIFYING,
            FindingState.CLOSE_REQUESTED,
            FindingState.CLOSED,
            FindingState.CLOSED
        };
        LocalDate day = LocalDate.of(2026, 3, 1);
        List<LedgerEntry> entries = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            LedgerEntry e = aFinding()
                    .of("u" + (i % 120), "江海市第" + (i % 120) + "局")
                    .branch("机关第" + (i % 7 + 1) + "党支部")
                    .community("第" + (i % 8 + 1) + "共同体")
                    .category(categories[i % categories.length])
                    .round("2026年年中大督查")
                    .foundOn(day.plusDays(i % 200))
                    .described(problems[i % problems.length])
                    .in(states[i % states.length])
                    .build();
            List<Measure> measures = List.of(
                    new Measure("m1-" + i, e.id(), "制定整改方案，明确责任人和时限", "张三", day.plusDays(30), day.plusDays(20), 0),
                    new Measure("m2-" + i, e.id(), "补齐会议记录并建立月度提醒制度", "李四", day.plusDays(60), null, 1));
            entries.add(new LedgerEntry(
                    e.finding(),
                    e.timeline(),
                    e.unitName(),
                    e.communityName(),
                    e.organizationName(),
                    e.inspectionTitle(),
                    measures,
                    i % 4,
                    e.warning()));
        }
        return entries;
    }

    private static double runOurs(List<LedgerEntry> entries, ReportTable.Heading heading, Path file, Messages m) {
        long t = System.nanoTime();
        TableFiles.write(
                LedgerReport.table(entries, "2026年问题整改台账", m), heading, ReportFormat.XLSX, file, m, Progress.NONE);
        return (System.nanoTime() - t) / 1e6;
    }

    /** The same cells, typed the same, with nothing else: no styles, heights, merges, title or print setup. */
    private static double runBare(List<LedgerEntry> entries, Path file, Messages m) throws Exception {
        long t = System.nanoTime();
        ReportTable table = LedgerReport.table(entries, "2026年问题整改台账", m);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200);
                var out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("整改台账");
            int r = 0;
            for (List<Object> values : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Cell cell = row.createCell(c);
                    Object v = values.get(c);
                    if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                    } else {
                        cell.setCellValue(v == null ? "" : v.toString());
                    }
                }
            }
            wb.write(out);
        }
        return (System.nanoTime() - t) / 1e6;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The heap pools' peaks summed: an upper bound of what the heap held at once (garbage included). */
    private static long peaks() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
