package org.taizhang.core.store;

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
import org.taizhang.core.store.schema.Tables;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.RegistryService;

/**
 * Issue 22: a program killed (SIGKILL: a power cut, the task manager) at a random moment during a backup leaves the
 * database as it was and no half copy that passes for a backup; during a restore, the database as before or as the
 * copy — never a part — whole and usable. 20 tries of each here; {@code -Dtaizhang.killTries=N} runs more.
 */
class BackupKillTest {
    @TempDir
    Path dir;

    private Path pristine;
    private Path copy;
    private long unitsBefore;
    private long unitsInCopy;

    private void prepare() throws Exception {
        pristine = dir.resolve("pristine/taizhang.db");
        try (Store store = Store.openOrCreate(pristine)) {
            // the sample registry (about 1,900 records and their history): a copy long enough to be cut anywhere
            new RegistryService(store).importSample(Progress.NONE);
            copy = Files.move(store.backup("manual"), dir.resolve("chosen.db"));
            store.write(ctx -> store.tracked(ctx).save(TestRecords.unit("later", "后来的单位")));
            unitsBefore = store.read().fetchCount(Tables.UNIT);
        }
        unitsInCopy = unitsBefore - 1;
        deleteTree(pristine.resolveSibling("backups")); // the import's and the day's copies: not this test's
    }

    @Test
    void aBackupKilledAtAnyMomentLeavesTheDatabaseAsItWasAndNoHalfCopy() throws Exception {
        prepare();
        long full = fullRun("backup");
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < tries(); i++) {
            Path db = copyOf(pristine, "backup-" + i);
            killSomewhere(start("backup", db), full, i);
            try (Store s = Store.open(db)) {
                assertThat(s.read().fetchCount(Tables.UNIT)).as("try %d", i).isEqualTo(unitsBefore);
                // passes taizhang check: whole pages, keys, attachments, history against records
                assertThat(new org.taizhang.backup.IntegrityCheck(s).run(org.taizhang.core.task.Progress.NONE))
                        .as("try %d", i)
                        .isEmpty();
            }
            // whatever the backups folder holds that looks like a copy is a whole one (a cut one stays a .part)
            List<Backups.Copy> copies = Backups.list(db);
            for (Backups.Copy c : copies) {
                assertThat(Backups.inspect(c.file()).counts()).containsEntry("unit", (int) unitsBefore);
            }
            outcomes.add(copies.stream().anyMatch(c -> c.reason().equals(Backups.MANUAL)) ? "copied" : "not copied");
        }
        System.out.println("kill -9 during a backup, " + tries() + " tries: " + outcomes);
    }

    @Test
    void aRestoreKilledAtAnyMomentLeavesTheDatabaseAsBeforeOrAsTheCopy() throws Exception {
        prepare();
        long full = fullRun("restore");
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < tries(); i++) {
            Path db = copyOf(pristine, "restore-" + i);
            killSomewhere(start("restore", db), full, i);
            try (Store s = Store.open(db)) {
                long units = s.read().fetchCount(Tables.UNIT);
                assertThat(units == unitsBefore || units == unitsInCopy)
                        .as("try %d: %d units", i, units)
                        .isTrue();
                // passes taizhang check: whole pages, keys, attachments, history against records
                assertThat(new org.taizhang.backup.IntegrityCheck(s).run(org.taizhang.core.task.Progress.NONE))
                        .as("try %d", i)
                        .isEmpty();
                outcomes.add(units == unitsBefore ? "before" : "restored");
            }
        }
        System.out.println("kill -9 during a restore, " + tries() + " tries: " + outcomes);
    }

    private static int tries() {
        return Integer.getInteger("taizhang.killTries", 20);
    }

    /** One run to the end: how long the operation takes from the child's start. */
    private long fullRun(String mode) throws Exception {
        Path db = copyOf(pristine, mode + "-whole");
        long started = System.nanoTime();
        Process p = start(mode, db);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue())
                .as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
        return (System.nanoTime() - started) / 1_000_000;
    }

    private final Random random = new Random(Long.getLong("taizhang.killSeed", System.nanoTime()));

    /** Waits for the child to say it has begun, then kills it somewhere in the work (or just after). */
    private void killSomewhere(Process c, long fullMillis, int i) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8));
        long t0 = System.nanoTime();
        String line = out.readLine();
        assertThat(line).as("try %d", i).isNotNull();
        long startup = (System.nanoTime() - t0) / 1_000_000;
        Thread.sleep(random.nextLong(Math.max(1, fullMillis - startup + 30)));
        c.destroyForcibly();
        assertThat(c.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private Path copyOf(Path db, String name) throws Exception {
        Path target = dir.resolve(name + "/taizhang.db");
        Files.createDirectories(target.getParent());
        Files.copy(db, target);
        Path device = db.resolveSibling(db.getFileName() + ".device");
        if (Files.exists(device)) {
            Files.copy(device, target.resolveSibling(target.getFileName() + ".device"));
        }
        return target;
    }

    private Process start(String mode, Path db) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-Dtaizhang.profile=" + System.getProperty("taizhang.profile", ""),
                "-XX:TieredStopAtLevel=1", // a quicker start: the child lives a second or two
                "-Dorg.jooq.no-logo=true",
                "-Dorg.jooq.no-tips=true",
                BackupChild.class.getName(),
                mode,
                db.toString(),
                copy.toString()));
        return new ProcessBuilder(command).start();
    }

    private static void deleteTree(Path root) throws Exception {
        if (!Files.exists(root)) {
            return;
        }
        try (var files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
