package org.taizhang.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.exchange.ExchangeService;
import org.taizhang.exchange.files.PackageFile;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.organization.CityScaleGenerator;
import org.taizhang.organization.RegistryService;

/**
 * 数据交换's benchmarks (issue 17; docs/benchmarks.md), side by side in one run: importing a package of about 20,000
 * records and 500 photos (encrypted to the receiver's key, the default) against a bare batch insert of the same rows
 * and files over JDBC; and exporting what a laptop has not acknowledged after 100 edits on a hub of 20,000 findings.
 * {@code mvn -q -Pbench verify -DskipTests} runs it; results are appended to target/benchmarks.txt.
 */
public final class ExchangeBenchmark {
    private ExchangeBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("taizhang-exchange-bench");
        List<String> report = new ArrayList<>() {
            @Override
            public boolean add(String line) {
                System.out.println(line); // at once: the city-scale part takes minutes
                return super.add(line);
            }
        };
        report.add("Exchange benchmarks " + java.time.LocalDateTime.now().withNano(0) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version() + ", load average "
                + load());
        importPackage(work, report);
        if (args.length == 0 || !args[0].equals("import")) {
            exportAfterEdits(work, report);
        }
        report.add("load average at the end " + load());
        String text = String.join(System.lineSeparator(), report) + System.lineSeparator();
        Path out = Path.of("target", "benchmarks.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(
                out,
                text,
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /**
     * The system clock, not InspectionBenchmark's fixed day: a device created "before" its database's version-2
     * migration was installed reads as a version-1 device, and its first exchange would rename every change it made
     * (V1Names) — a cost no real database pays (its device is made after its migrations, by the same clock).
     */
    private static Store open(Path db) {
        return Store.openOrCreate(db, Clock.systemUTC());
    }

    private static void importPackage(Path work, List<String> report) throws Exception {
        Path hubDb = work.resolve("hub.db");
        Path empty = work.resolve("empty.db");
        try (Store receiver = open(empty)) {
            receiver.deviceId(); // a new database with its own id and key
            new ExchangeService(receiver)
                    .export(work.resolve("hello.tzpkg"), PackageFile.Protection.none(), Progress.NONE);
        }
        Path pkg = work.resolve("big.tzpkg");
        String receiverId;
        try (Store hub = open(hubDb)) {
            hub.designateHub();
            RegistryService registry = new RegistryService(hub);
            registry.importSample(Progress.NONE);
            FindingService service = verifier(hub, registry);
            Random random = new Random(17);
            Path photo = work.resolve("photo.txt"); // random bytes: no image to read for a thumbnail
            var photos = new ArrayList<org.taizhang.core.attachment.Attachment>();
            for (int i = 0; i < 500; i++) {
                byte[] bytes = new byte[60_000]; // a phone photo scaled down for the ledger
                random.nextBytes(bytes);
                Files.write(photo, bytes);
                photos.add(service.storeEvidence(photo));
            }
            service.batch(
                    b -> InspectionBenchmark.generate(b, registry.load(), random, 0, 3_300, photos.getFirst(), false));
            // the receiver says hello first, so that the hub knows its key: the package is encrypted to it
            ExchangeService exchange = new ExchangeService(hub);
            exchange.importPackage(work.resolve("hello.tzpkg"), null, Progress.NONE);
            receiverId = exchange.devices().getFirst().deviceId();
            long t = System.nanoTime();
            ExchangeService.Exported e =
                    exchange.export(pkg, new ExchangeService.ExportRequest(receiverId, false, null), Progress.NONE);
            report.add(String.format(
                    "export: %,d records, %,d history entries, %d attachment files, %.1f MB, encrypted to the"
                            + " receiver's key, in %.0f ms",
                    e.records(), e.history(), e.attachments(), Files.size(pkg) / 1e6, (System.nanoTime() - t) / 1e6));
        }
        // import and the bare insert alternate, so that the disk's write-back and other load fall on both alike
        int pairs = Integer.getInteger("bench.exchangePairs", 5);
        double[] runs = new double[pairs];
        double[] bare = new double[pairs];
        double[] ratios = new double[pairs];
        for (int run = 0; run < pairs; run++) {
            Path copy = work.resolve("receiver-" + run + ".db");
            Files.copy(empty, copy);
            try (Store receiver = open(copy)) {
                long t = System.nanoTime();
                ExchangeService.Imported in = new ExchangeService(receiver).importPackage(pkg, null, Progress.NONE);
                runs[run] = (System.nanoTime() - t) / 1e6;
                if (run == 0) {
                    report.add(String.format(
                            "import: %,d records created, %,d history entries, %d files",
                            in.applied().created(), in.applied().historyAdded(), in.filesStored()));
                }
            }
            Path target = work.resolve("bare-" + run + ".db");
            Files.copy(empty, target);
            bare[run] = bareInsert(hubDb, target, work.resolve("bare-files-" + run));
            ratios[run] = runs[run] / bare[run];
            report.add(String.format(
                    "  pair %d: import %.0f ms, bare insert %.0f ms, %.1f×",
                    run + 1, runs[run], bare[run], ratios[run]));
        }
        java.util.Arrays.sort(runs);
        java.util.Arrays.sort(bare);
        java.util.Arrays.sort(ratios);
        report.add(String.format(
                "import of that package into a new database (verify, decrypt, files, merge, check): median %.0f ms"
                        + " (min %.0f, max %.0f) — target under 10 s",
                runs[pairs / 2], runs[0], runs[pairs - 1]));
        report.add(String.format(
                "bare batch insert of the same rows (JDBC, one transaction) and files: median %.0f ms (min %.0f, max"
                        + " %.0f); the import takes %.1f× that (median of the pairs' ratios %.1f×) — target within 3×",
                bare[pairs / 2], bare[0], bare[pairs - 1], runs[pairs / 2] / bare[pairs / 2], ratios[pairs / 2]));
    }

    /** Every travelling row and history entry of {@code from} inserted into {@code to}, and the attachment files. */
    private static double bareInsert(Path from, Path to, Path files) throws Exception {
        List<String> tables = new ArrayList<>();
        List<List<Object[]>> rows = new ArrayList<>();
        List<String> inserts = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + from);
                Statement s = c.createStatement()) {
            try (ResultSet t = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE"
                    + " '%seen%' OR name = 'history' ORDER BY name")) {
                while (t.next()) {
                    tables.add(t.getString(1));
                }
            }
            for (String table : tables) {
                List<Object[]> list = new ArrayList<>();
                try (ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData md = r.getMetaData();
                    int n = md.getColumnCount();
                    while (r.next()) {
                        Object[] row = new Object[n];
                        for (int i = 0; i < n; i++) {
                            row[i] = r.getObject(i + 1);
                        }
                        list.add(row);
                    }
                    inserts.add("INSERT OR IGNORE INTO " + table + " VALUES (" + "?,".repeat(n - 1) + "?)");
                }
                rows.add(list);
            }
        }
        List<byte[]> blobs = new ArrayList<>();
        Path attachments = from.resolveSibling("attachments");
        if (Files.isDirectory(attachments)) {
            try (var walk = Files.walk(attachments)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    blobs.add(Files.readAllBytes(p));
                }
            }
        }
        long t = System.nanoTime();
        Files.createDirectories(files);
        for (int i = 0; i < blobs.size(); i++) {
            Files.write(files.resolve("f" + i), blobs.get(i));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + to)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA defer_foreign_keys = ON");
            }
            for (int i = 0; i < tables.size(); i++) {
                try (PreparedStatement p = c.prepareStatement(inserts.get(i))) {
                    for (Object[] row : rows.get(i)) {
                        for (int k = 0; k < row.length; k++) {
                            p.setObject(k + 1, row[k]);
                        }
                        p.addBatch();
                    }
                    p.executeBatch();
                }
            }
            c.commit();
        }
        return (System.nanoTime() - t) / 1e6;
    }

    private static void exportAfterEdits(Path work, List<String> report) throws Exception {
        Path hubDb = work.resolve("city-hub.db");
        Path laptopDb = work.resolve("city-laptop.db");
        String laptopId;
        try (Store hub = open(hubDb);
                Store laptop = open(laptopDb)) {
            hub.designateHub();
            RegistryService registry = new RegistryService(hub);
            if (!CityScaleGenerator.load(registry).applied()) {
                throw new IllegalStateException("city-scale data rejected");
            }
            FindingService service = verifier(hub, registry);
            Random random = new Random(20_261_203L);
            Path photo = Files.writeString(work.resolve("佐证.txt"), "整改佐证材料");
            var evidence = service.storeEvidence(photo);
            for (int from = 0; from < 20_000; from += 2_000) {
                int start = from;
                service.batch(
                        b -> InspectionBenchmark.generate(b, registry.load(), random, start, 2_000, evidence, false));
            }
            // the laptop holds all of it and has said so: the hub's next package to it carries only new changes
            Path all = work.resolve("city-all.tzpkg");
            long t0 = System.nanoTime();
            new ExchangeService(hub).export(all, PackageFile.Protection.none(), Progress.NONE);
            long t1 = System.nanoTime();
            new ExchangeService(laptop).importPackage(all, null, Progress.NONE);
            long t2 = System.nanoTime();
            report.add(String.format(
                    "city scale (20,000 findings): everything exported in %.1f s, imported into a new laptop in %.1f s",
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9));
            Path hello = work.resolve("city-hello.tzpkg");
            new ExchangeService(laptop)
                    .export(hello, new ExchangeService.ExportRequest(null, false, null), Progress.NONE);
            new ExchangeService(hub).importPackage(hello, null, Progress.NONE);
            laptopId = laptop.deviceId();
            List<LedgerEntry> open = service.ledger().stream()
                    .filter(e -> e.state() == org.taizhang.inspection.model.FindingState.NOTIFIED
                            || e.state() == org.taizhang.inspection.model.FindingState.RECTIFYING)
                    .toList();
            for (int i = 0; i < 100; i++) {
                LedgerEntry e = open.get(i * (open.size() / 100));
                service.progress(e.id(), "整改进展第" + i + "条", null, List.of(), InspectionBenchmark.TODAY);
            }
        }
        try (Store hub = open(hubDb)) {
            ExchangeService exchange = new ExchangeService(hub);
            double[] times = new double[5];
            int records = 0;
            for (int i = 0; i < times.length; i++) {
                long t = System.nanoTime();
                records = exchange.export(
                                work.resolve("after-100-" + i + ".tzpkg"),
                                new ExchangeService.ExportRequest(laptopId, false, null),
                                Progress.NONE)
                        .records();
                times[i] = (System.nanoTime() - t) / 1e6;
            }
            java.util.Arrays.sort(times);
            report.add(String.format(
                    "export of what the laptop has not acknowledged after 100 edits (20,000 findings): %d records,"
                            + " median %.0f ms (min %.0f, max %.0f) — target under 1 s",
                    records, times[2], times[0], times[4]));
        }
    }

    /** The batch closes findings: the operator is a 核查人, as in InspectionBenchmark. */
    static FindingService verifier(Store hub, RegistryService registry) {
        FindingService service = new FindingService(hub, registry);
        hub.setOperator("王清");
        var s = service.settings();
        service.saveSettings(new org.taizhang.inspection.model.InspectionSettings(
                s.operator(), true, true, s.numberFormat(), s.warnings()));
        return service;
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
