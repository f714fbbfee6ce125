package org.taizhang.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.store.Store;
import org.taizhang.core.store.schema.Tables;
import org.taizhang.core.task.Progress;
import org.taizhang.exchange.files.PackageFile;
import org.taizhang.organization.RegistryService;

/**
 * Issue 17: a program killed (SIGKILL: a power cut, the task manager) at a random moment during an import leaves the
 * database as before the package or as after it — never a part — and the next open reads it. 20 tries here;
 * {@code -Dtaizhang.killTries=N} runs more (the bench profile).
 */
class ImportKillTest {
    @TempDir
    Path dir;

    @Test
    void anImportKilledAtAnyMomentLeavesTheDatabaseAsBeforeOrAsAfter() throws Exception {
        Path pkg = dir.resolve("stick/hub.tzpkg");
        try (Store hub = Store.openOrCreate(dir.resolve("hub/taizhang.db"))) {
            hub.designateHub();
            // the sample registry (about 1,900 records and their history): an import long enough to be cut anywhere
            new RegistryService(hub).importSample(Progress.NONE);
            new ExchangeService(hub).export(pkg, PackageFile.Protection.none(), Progress.NONE);
        }
        Path pristine = dir.resolve("laptop/pristine.db");
        long historyBefore;
        try (Store laptop = Store.openOrCreate(pristine)) {
            historyBefore = laptop.read().fetchCount(Tables.HISTORY);
        }
        // once to the end: what "after" holds, and how long an import takes from the child's start
        Path whole = copy(pristine, "whole");
        long started = System.nanoTime();
        Process p = child(whole, pkg);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue())
                .as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
        long fullMillis = (System.nanoTime() - started) / 1_000_000;
        long organizationsAfter;
        long historyAfter;
        try (Store s = Store.open(whole)) {
            organizationsAfter = s.read().fetchCount(Tables.ORGANIZATION);
            historyAfter = s.read().fetchCount(Tables.HISTORY);
        }
        assertThat(organizationsAfter).isPositive();

        int tries = Integer.getInteger("taizhang.killTries", 20);
        Random random = new Random(Long.getLong("taizhang.killSeed", System.nanoTime()));
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            Path db = copy(pristine, "try-" + i);
            Process c = child(db, pkg);
            // wait for the child to say it is importing, then kill it somewhere in the import (or after)
            BufferedReader out = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8));
            long t0 = System.nanoTime();
            String line = out.readLine();
            long startup = (System.nanoTime() - t0) / 1_000_000;
            Thread.sleep(random.nextLong(Math.max(1, fullMillis - startup + 50)));
            c.destroyForcibly();
            c.waitFor(30, TimeUnit.SECONDS);
            try (Store s = Store.open(db)) {
                long organizations = s.read().fetchCount(Tables.ORGANIZATION);
                long history = s.read().fetchCount(Tables.HISTORY);
                boolean before = organizations == 0 && history == historyBefore;
                boolean after = organizations == organizationsAfter && history == historyAfter;
                assertThat(before || after)
                        .as(
                                "try %d (child said %s): %d organizations, %d history entries",
                                i, line, organizations, history)
                        .isTrue();
                outcomes.add(before ? "before" : "after");
                // passes taizhang check: whole pages, keys, attachments, history against records
                assertThat(new org.taizhang.backup.IntegrityCheck(s).run(Progress.NONE))
                        .as("try %d", i)
                        .isEmpty();
                // and the database is whole and usable: the import can be done (again) and ends as after
                new ExchangeService(s).importPackage(pkg, null, Progress.NONE);
                assertThat(s.read().fetchCount(Tables.ORGANIZATION)).isEqualTo(organizationsAfter);
            }
        }
        System.out.println("kill -9 during an import, " + tries + " tries: " + outcomes);
    }

    private Path copy(Path pristine, String name) throws Exception {
        Path db = dir.resolve(name + "/taizhang.db");
        Files.createDirectories(db.getParent());
        Files.copy(pristine, db);
        return db;
    }

    private static Process child(Path db, Path pkg) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-Dtaizhang.profile=" + System.getProperty("taizhang.profile", ""),
                "-Dorg.jooq.no-logo=true",
                "-XX:TieredStopAtLevel=1", // a quicker start: the child lives a second or two
                "-Dorg.jooq.no-tips=true",
                ImportChild.class.getName(),
                db.toString(),
                pkg.toString()));
        return new ProcessBuilder(command).redirectErrorStream(false).start();
    }
}
