package org.taizhang.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.taizhang.core.DomainException;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.files.ImportReport;
import org.taizhang.organization.files.RegistryColumns;

/**
 * Import benchmarks (not tests; docs/benchmarks.md): a 13,000-record registry, 99,999 unit rows and a
 * 1,048,576-row sheet, each imported into a fresh database in its own JVM with a 512 MB heap ({@code -Xmx512m}),
 * beside a bare sqlite-jdbc batch insert of the same rows. Reports wall time, the heap's peak use and the
 * process's peak resident memory. {@code mvn -q -Pbench verify -DskipTests} runs it after RegistryBenchmark;
 * results are appended to target/benchmarks.txt.
 */
public final class ImportBenchmark {
    private ImportBenchmark() {}

    private static final int UNITS_13K = 1_000;
    private static final int BRANCHES_PER_UNIT = 11; // + one 机关党委: 1,000 units + 12,000 organizations
    private static final int UNITS_100K = 99_999;
    private static final int ROWS_OVER = 1_048_575; // + the header: Excel's 1,048,576 rows

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args[1], Path.of(args[2]), Path.of(args[3]));
            return;
        }
        // "13k [N]": only the 13,000-record case, N runs of each side (to compare changes side by side quickly)
        boolean only13k = args.length > 0 && args[0].equals("13k");
        int repeats = only13k && args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path work = Files.createTempDirectory("taizhang-import-bench");
        List<String> report = new ArrayList<>();
        report.add("Import benchmarks " + java.time.LocalDateTime.now().withNano(0) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version()
                + ", each run a new JVM with -Xmx512m, load average "
                + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path registry = registry13k(work.resolve("registry-13k.xlsx"));
        if (only13k) {
            for (int i = 0; i < repeats; i++) { // alternating, so a burst of load elsewhere hits both sides
                for (String mode : List.of("import", "bare")) {
                    Path db = work.resolve("run-" + System.nanoTime() + ".db");
                    report.add(String.format("13,000 records: %-6s %s", mode, fork(mode, registry, db, work)));
                }
            }
            System.out.println(String.join(System.lineSeparator(), report));
            return;
        }
        Path units = units(work.resolve("units-100k.xlsx"), UNITS_100K);
        Path over = units(work.resolve("rows-1048576.xlsx"), ROWS_OVER);
        report.add(String.format(
                "files: 13k %.1f MB, 100k %.1f MB, 1,048,576 rows %.1f MB",
                Files.size(registry) / 1e6, Files.size(units) / 1e6, Files.size(over) / 1e6));
        String[][] runs = {
            {"import", registry.toString(), "13,000 records (1,000 units, 12,000 organizations): import"},
            {"bare", registry.toString(), "13,000 records: bare sqlite-jdbc batch insert"},
            {"import", units.toString(), "99,999 unit rows: import"},
            {"bare", units.toString(), "99,999 unit rows: bare sqlite-jdbc batch insert"},
            {"import", over.toString(), "1,048,576-row sheet: refused"},
        };
        for (String[] run : runs) {
            for (int i = 0; i < 2; i++) { // two runs each: single runs on this shared machine vary
                Path db = work.resolve("run-" + System.nanoTime() + ".db");
                report.add(String.format("%-66s %s", run[2], fork(run[0], Path.of(run[1]), db, work)));
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

    private static String fork(String mode, Path file, Path db, Path work) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = work.resolve("child-" + System.nanoTime() + ".log");
        List<String> cmd = new ArrayList<>(List.of(
                java,
                "-Xmx512m",
                "--enable-native-access=ALL-UNNAMED",
                "-Dorg.jooq.no-logo=true",
                "-Dorg.jooq.no-tips=true"));
        // e.g. -Dbench.childJvmArgs=-XX:StartFlightRecording=filename=/tmp/import.jfr to profile a run
        String extra = System.getProperty("bench.childJvmArgs", "").strip();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        cmd.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                ImportBenchmark.class.getName(),
                "child",
                mode,
                file.toString(),
                db.toString()));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return "did not finish in 30 min";
        }
        List<String> lines = Files.readAllLines(log);
        return lines.stream()
                .filter(l -> l.startsWith("RESULT "))
                .map(l -> l.substring(7))
                .findFirst()
                .orElse("failed (exit " + p.exitValue() + "): "
                        + String.join(" / ", lines.subList(0, Math.min(5, lines.size()))));
    }

    /** In the forked JVM: one import (or the bare insert) into a new database, then the figures on one line. */
    private static void child(String mode, Path file, Path db) throws Exception {
        long t = System.nanoTime();
        String outcome;
        if (mode.equals("bare")) {
            outcome = bare(file, db);
        } else {
            try (Store store = Store.openOrCreate(db)) {
                long opened = System.nanoTime();
                t = opened; // the store's first open (native library, migrations) is not the import's cost
                try {
                    ImportReport r = new RegistryService(store).importWorkbook(file, Progress.NONE);
                    outcome = r.applied()
                            ? "created " + r.created()
                            : "rejected, " + r.errors().size() + " errors";
                } catch (DomainException e) {
                    outcome = "refused: " + e.messageKey();
                }
            }
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        double cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
        System.out.printf(
                "RESULT %7.2f s  (process CPU %6.2f s)  heap peak %4d MB  RSS peak %4d MB  (%s)%n",
                seconds, cpu, heapPeakMb(), rssPeakMb(), outcome);
    }

    /**
     * The floor: the same rows read with POI's own streaming handler and inserted with plain JDBC batches in one
     * transaction (no ids from keys, no checks, no history, no merge state).
     */
    private static String bare(Path file, Path db) throws Exception {
        long t0 = System.nanoTime();
        List<String[]> units = new ArrayList<>();
        List<String[]> orgs = new ArrayList<>();
        try (var pkg = org.apache.poi.openxml4j.opc.OPCPackage.open(
                file.toFile(), org.apache.poi.openxml4j.opc.PackageAccess.READ)) {
            var reader = new org.apache.poi.xssf.eventusermodel.XSSFReader(pkg);
            var strings = new org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable(pkg);
            var styles = reader.getStylesTable();
            var it = reader.getSheetIterator();
            while (it.hasNext()) {
                try (var in = it.next()) {
                    List<String[]> target = it.getSheetName().equals(RegistryColumns.UNITS_SHEET) ? units : orgs;
                    var handler = new org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler(
                            styles,
                            strings,
                            new org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler() {
                                String[] row;

                                @Override
                                public void startRow(int r) {
                                    row = new String[16];
                                }

                                @Override
                                public void endRow(int r) {
                                    if (r > 0) {
                                        target.add(row);
                                    }
                                }

                                @Override
                                public void cell(
                                        String ref, String value, org.apache.poi.xssf.usermodel.XSSFComment c) {
                                    int col = new org.apache.poi.ss.util.CellReference(ref).getCol();
                                    if (col < row.length) {
                                        row[col] = value;
                                    }
                                }
                            },
                            false);
                    var parser = org.apache.poi.util.XMLHelper.newXMLReader();
                    parser.setContentHandler(handler);
                    parser.parse(new org.xml.sax.InputSource(in));
                }
            }
        }
        long t1 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement s = c.createStatement()) {
                s.execute("pragma journal_mode=wal");
                s.execute("pragma synchronous=full");
                s.execute("create table unit (id text primary key, name text not null unique, short_name text,"
                        + " contact_person text, contact_phone text)");
                s.execute("create table organization (id text primary key, unit text, parent text, name text,"
                        + " kind text, secretary text, members integer, committee integer, term_start text,"
                        + " term_end text)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement u = c.prepareStatement("insert into unit values (?,?,?,?,?)");
                    PreparedStatement o = c.prepareStatement("insert into organization values (?,?,?,?,?,?,?,?,?,?)")) {
                for (String[] r : units) {
                    u.setString(1, java.util.UUID.randomUUID().toString());
                    for (int i = 0; i < 4; i++) {
                        u.setString(i + 2, r[i]);
                    }
                    u.addBatch();
                }
                u.executeBatch();
                for (String[] r : orgs) {
                    o.setString(1, java.util.UUID.randomUUID().toString());
                    o.setString(2, r[2]);
                    o.setString(3, r[3]);
                    o.setString(4, r[0]);
                    o.setString(5, r[1]);
                    o.setString(6, r[4]);
                    o.setString(7, r[6]);
                    o.setString(8, r[7]);
                    o.setString(9, r[8]);
                    o.setString(10, r[9]);
                    o.addBatch();
                }
                o.executeBatch();
            }
            c.commit();
        }
        return String.format(
                "inserted %d: read with POI's SAX handler %.2f s, insert %.2f s",
                units.size() + orgs.size(), (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
    }

    private static long heapPeakMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    private static long rssPeakMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: no figure
        }
        return -1;
    }

    // ---- the files, written as Excel writes them (shared strings, numbers as numbers, dates as dates) ----

    private static Path registry13k(Path file) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(null, 500, true, true);
        try (OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet units = wb.createSheet(RegistryColumns.UNITS_SHEET);
            header(units, RegistryColumns.UNIT_HEADERS);
            Sheet orgs = wb.createSheet(RegistryColumns.ORGANIZATIONS_SHEET);
            header(orgs, RegistryColumns.ORGANIZATION_HEADERS);
            int orgRow = 1;
            for (int u = 1; u <= UNITS_13K; u++) {
                String unit = "江海市第" + u + "局";
                Row r = units.createRow(u);
                text(r, 0, unit);
                text(r, 1, "第" + u + "局");
                text(r, 2, "联系人" + u);
                text(r, 3, "0513-8" + (5_550_000 + u));
                String top = unit + "机关党委";
                orgRow = organization(orgs, orgRow, date, top, "机关党委", unit, "", 12 * BRANCHES_PER_UNIT, 2024, 2029);
                for (int b = 1; b <= BRANCHES_PER_UNIT; b++) {
                    orgRow = organization(orgs, orgRow, date, "第" + b + "党支部", "党支部", unit, top, 12, 2025, 2028);
                }
            }
            wb.write(out);
        } finally {
            wb.close();
        }
        return file;
    }

    private static int organization(
            Sheet sheet,
            int rowIndex,
            CellStyle date,
            String name,
            String kind,
            String unit,
            String parent,
            int members,
            int from,
            int to) {
        Row r = sheet.createRow(rowIndex);
        text(r, 0, name);
        text(r, 1, kind);
        text(r, 2, unit);
        text(r, 3, parent);
        text(r, 4, "书记" + rowIndex);
        r.createCell(6).setCellValue(members);
        text(r, 7, "是");
        Cell start = r.createCell(8);
        start.setCellValue(LocalDate.of(from, 3, 1));
        start.setCellStyle(date);
        Cell end = r.createCell(9);
        end.setCellValue(LocalDate.of(to, 3, 1));
        end.setCellStyle(date);
        return rowIndex + 1;
    }

    /** Inline strings: POI's shared-strings table (xmlbeans) cannot write a million strings in reasonable time. */
    private static Path units(Path file, int rows) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(null, 500, true, false);
        try (OutputStream out = Files.newOutputStream(file)) {
            Sheet units = wb.createSheet(RegistryColumns.UNITS_SHEET);
            header(units, RegistryColumns.UNIT_HEADERS);
            for (int u = 1; u <= rows; u++) {
                Row r = units.createRow(u);
                text(r, 0, "江海市第" + u + "单位");
                text(r, 1, "第" + u + "单位");
                text(r, 2, "联系人" + u % 1000);
                text(r, 3, "0513-8" + (5_000_000 + u));
            }
            wb.write(out);
        } finally {
            wb.close();
        }
        return file;
    }

    private static void header(Sheet sheet, List<String> headers) {
        Row r = sheet.createRow(0);
        for (int c = 0; c < headers.size(); c++) {
            text(r, c, headers.get(c));
        }
    }

    private static void text(Row r, int column, String value) {
        r.createCell(column).setCellValue(value);
    }
}
