package org.taizhang.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.taizhang.backup.IntegrityCheck;
import org.taizhang.core.store.Backups;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.FindingService;
import org.taizhang.organization.CityScaleGenerator;
import org.taizhang.organization.RegistryService;

/**
 * 数据安全's benchmark (issue 22; docs/benchmarks.md): the daily copy of a database with 20,000 findings on the
 * city-scale registry (1,500 branches) — target under 2 s — and, reported beside it, {@code taizhang check} over the
 * same database and a restore of the copy. {@code mvn -o -Pbench toolchains:select-jdk-toolchain
 * exec:exec@backup-benchmarks}; results are appended to target/benchmarks.txt.
 */
public final class BackupBenchmark {
    private BackupBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("taizhang-backup-bench");
        List<String> report = new ArrayList<>() {
            @Override
            public boolean add(String line) {
                System.out.println(line);
                return super.add(line);
            }
        };
        report.add("Backup benchmarks " + java.time.LocalDateTime.now().withNano(0) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version() + ", load average "
                + ExchangeBenchmark.load());
        Path db = work.resolve("taizhang.db");
        try (Store store = Store.openOrCreate(db, Clock.systemUTC())) {
            store.designateHub();
            RegistryService registry = new RegistryService(store);
            if (!CityScaleGenerator.load(registry).applied()) {
                throw new IllegalStateException("city-scale data rejected");
            }
            FindingService service = ExchangeBenchmark.verifier(store, registry);
            Random random = new Random(20_261_203L); // ExchangeBenchmark's: its dates hold on the system clock
            Path photo = Files.writeString(work.resolve("佐证.txt"), "整改佐证材料");
            var evidence = service.storeEvidence(photo);
            for (int from = 0; from < 20_000; from += 2_000) {
                int start = from;
                service.batch(
                        b -> InspectionBenchmark.generate(b, registry.load(), random, start, 2_000, evidence, false));
            }
            report.add(String.format(
                    "database: %,d findings, %,d organizations, %.1f MB",
                    service.ledger().size(), registry.load().organizationCount(), Files.size(db) / 1e6));
            double[] copies = new double[5];
            Path copy = null;
            for (int i = 0; i < copies.length; i++) {
                long t = System.nanoTime();
                copy = store.backup(Backups.DAILY);
                copies[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(copies);
            report.add(String.format(
                    "daily copy (VACUUM INTO, moved into place): median %.0f ms (min %.0f, max %.0f), %.1f MB — target"
                            + " under 2 s",
                    copies[2], copies[0], copies[4], Files.size(copy) / 1e6));
            long t = System.nanoTime();
            String quick =
                    store.read().fetch("PRAGMA quick_check").getValue(0, 0).toString();
            report.add(String.format(
                    "PRAGMA quick_check (the day's first start): %s, %.0f ms", quick, (System.nanoTime() - t) / 1e6));
            t = System.nanoTime();
            int problems = new IntegrityCheck(store).run(Progress.NONE).size();
            report.add(String.format("taizhang check: %d problems, %.0f ms", problems, (System.nanoTime() - t) / 1e6));
            Path restoreFrom = Files.copy(copy, work.resolve("chosen.db"));
            store.close();
            t = System.nanoTime();
            Backups.restore(db, restoreFrom, Clock.systemUTC());
            report.add(String.format("restore of that copy: %.0f ms", (System.nanoTime() - t) / 1e6));
        }
        report.add("load average at the end " + ExchangeBenchmark.load());
        Path out = Path.of("target", "benchmarks.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(
                out,
                String.join(System.lineSeparator(), report) + System.lineSeparator(),
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }
}
