package org.taizhang.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taizhang.core.store.schema.Tables.UNIT;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.DomainException;

/** Issue 22's backups: when they are taken, what rotation keeps, what a restore accepts and what it brings back. */
class BackupsTest {
    @TempDir
    Path dir;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private static void addUnit(Store store, String id, String name) {
        store.write(ctx -> store.tracked(ctx).save(TestRecords.unit(id, name)));
    }

    private static List<String> units(Store store) {
        return store.read()
                .select(UNIT.NAME)
                .from(UNIT)
                .where(UNIT.DELETED.eq(0))
                .orderBy(UNIT.NAME)
                .fetch(UNIT.NAME);
    }

    @Test
    void theFirstStartOfEachDayTakesACopyBeforeAnyWriteAndANewDatabaseNone() {
        Path db = dir.resolve("taizhang.db");
        TestClock clock = new TestClock(Instant.parse("2026-12-01T01:00:00Z"));
        try (Store store = Store.openOrCreate(db, clock)) {
            addUnit(store, "u1", "市财政局");
        }
        assertThat(Backups.list(db)).isEmpty(); // created now: nothing to keep yet

        clock.advance(Duration.ofHours(2));
        try (Store store = Store.open(db, clock)) {
            addUnit(store, "u2", "市教育局");
        }
        clock.advance(Duration.ofHours(3));
        try (Store store = Store.open(db, clock)) {
            assertThat(units(store)).hasSize(2);
        }
        assertThat(Backups.list(db)).singleElement().satisfies(c -> {
            assertThat(c.reason()).isEqualTo(Backups.DAILY);
            // taken before the day's first write: the unit added after it is not in it
            assertThat(Backups.inspect(c.file()).counts()).containsEntry("unit", 1);
        });

        clock.advance(Duration.ofDays(1));
        try (Store store = Store.open(db, clock)) {
            assertThat(units(store)).hasSize(2);
        }
        assertThat(Backups.list(db)).hasSize(2);
        assertThat(Backups.inspect(Backups.list(db).getFirst().file()).counts()).containsEntry("unit", 2);
    }

    @Test
    void rotationKeepsTodayTheCopiesMadeByHandTheNewestOfEachRecentDayAndOfEachRecentMonth() throws Exception {
        Path db = dir.resolve("taizhang.db");
        Path folder = Files.createDirectories(Backups.folder(db));
        LocalDateTime now = LocalDateTime.of(2026, 12, 6, 15, 0);
        List<String> names = new ArrayList<>();
        for (int day = 0; day < 500; day += 1) { // two automatic copies a day for 500 days
            for (int hour : new int[] {9, 17}) {
                LocalDateTime t = now.minusDays(day).withHour(hour);
                if (t.isAfter(now)) {
                    continue;
                }
                names.add("taizhang-" + STAMP.format(t) + "-" + (hour == 9 ? "daily" : "before-import") + ".db");
            }
        }
        names.add("taizhang-" + STAMP.format(now.minusDays(400)) + "-manual.db");
        names.add("other-" + STAMP.format(now.minusDays(300)) + "-daily.db"); // another database's: not ours
        names.add("notes.txt");
        for (String n : names) {
            Files.writeString(folder.resolve(n), n);
        }
        Instant clock = now.atZone(ZoneId.systemDefault()).toInstant();

        Backups.rotate(db, new Backups.Policy(14, 12), new TestClock(clock));

        Set<String> left = new TreeSet<>();
        try (var files = Files.list(folder)) {
            files.forEach(f -> left.add(f.getFileName().toString()));
        }
        Set<String> expected = new TreeSet<>();
        expected.add("taizhang-20261206-090000-daily.db"); // today: every copy
        for (int day = 1; day < 14; day++) { // the newest of each of the 13 days before (today is the 14th)
            expected.add("taizhang-" + STAMP.format(now.minusDays(day).withHour(17)) + "-before-import.db");
        }
        for (int month = 1; month < 12; month++) { // the newest of each of the 11 months before this one
            LocalDateTime last =
                    now.withDayOfMonth(1).minusMonths(month - 1).minusDays(1).withHour(17);
            expected.add("taizhang-" + STAMP.format(last) + "-before-import.db");
        }
        expected.add("taizhang-" + STAMP.format(now.minusDays(400)) + "-manual.db");
        expected.add("other-" + STAMP.format(now.minusDays(300)) + "-daily.db");
        expected.add("notes.txt");
        assertThat(left).isEqualTo(expected);
    }

    @Test
    void aFileThatIsNoBackupADamagedOneAndOneFromANewerProgramAreRefusedUntouched() throws Exception {
        Path db = dir.resolve("taizhang.db");
        Path copy;
        try (Store store = Store.openOrCreate(db, new TestClock())) {
            for (int i = 0; i < 300; i++) {
                addUnit(store, "u" + i, "单位" + i + "的名称".repeat(20));
            }
            copy = store.backup("manual");
            addUnit(store, "later", "后来的单位");
        }
        assertThat(Backups.inspect(copy).counts()).containsEntry("unit", 300);

        Path text = Files.writeString(dir.resolve("备份.db"), "not a database");
        Path foreign = dir.resolve("foreign.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (a)");
        }
        Path newer = Files.copy(copy, dir.resolve("newer.db"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer);
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                + " installed_by, execution_time, success) VALUES (999, '99', 'future', 'SQL', 'V99__f.sql', 'x', 0,"
                + " 1)");
        }
        Path damaged = Files.copy(copy, dir.resolve("damaged.db"));
        try (RandomAccessFile f = new RandomAccessFile(damaged.toFile(), "rw")) {
            f.seek(f.length() / 2); // a page of the unit table's rows or its indexes
            f.write(new byte[4096]);
        }
        for (var c : List.of(
                List.of(text, "backup.error.notABackup"),
                List.of(foreign, "backup.error.notABackup"),
                List.of(newer, "backup.error.newer"),
                List.of(damaged, "backup.error.damaged"),
                List.of(dir.resolve("missing.db"), "backup.error.missing"))) {
            Path file = (Path) c.get(0);
            byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : null;
            assertThatThrownBy(() -> Backups.restore(db, file, new TestClock()))
                    .as(file.toString())
                    .isInstanceOf(DomainException.class)
                    .satisfies(
                            e -> assertThat(((DomainException) e).messageKey()).isEqualTo(c.get(1)));
            if (bytes != null) {
                assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
            }
        }
        try (Store store = Store.open(db, new TestClock())) {
            assertThat(units(store)).hasSize(301).contains("后来的单位"); // untouched
        }
    }

    @Test
    void aDamagedDatabaseIsRefusedAtTheDaysFirstStartAndARestoreKeepsItAsItWas() throws Exception {
        Path db = dir.resolve("taizhang.db");
        TestClock clock = new TestClock(Instant.parse("2026-12-01T01:00:00Z"));
        Path copy;
        try (Store store = Store.openOrCreate(db, clock)) {
            for (int i = 0; i < 300; i++) {
                addUnit(store, "u" + i, "单位" + i + "的名称".repeat(20));
            }
            copy = store.backup(Backups.MANUAL);
        }
        byte[] damage = new byte[4096];
        java.util.Arrays.fill(damage, (byte) 0x5a);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek((f.length() / 4096 / 2) * 4096); // a page of the units' rows or their index
            f.write(damage);
        }
        byte[] damaged = Files.readAllBytes(db);
        clock.advance(Duration.ofDays(1));

        assertThatThrownBy(() -> Store.open(db, clock))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).messageKey()).startsWith("store.corrupt"));
        assertThat(Backups.list(db)).noneMatch(c -> c.reason().equals(Backups.DAILY)); // no damaged daily copy

        Path kept = Backups.restore(db, copy, clock);

        assertThat(kept.getFileName().toString()).endsWith("-damaged.db");
        assertThat(Files.readAllBytes(kept)).isEqualTo(damaged); // nothing thrown away
        try (Store store = Store.open(db, clock)) {
            assertThat(units(store)).hasSize(300);
        }
    }

    @Test
    void aRestoreBringsTheCopyBackKeepsWhatItReplacedAndIsRefusedWhileTheDatabaseIsOpen() {
        Path db = dir.resolve("taizhang.db");
        TestClock clock = new TestClock();
        Path copy;
        String before;
        try (Store store = Store.openOrCreate(db, clock)) {
            addUnit(store, "u1", "市财政局");
            copy = store.backup("manual");
            addUnit(store, "u2", "市教育局");
            before = store.deviceId();
            Path held = copy;
            assertThatThrownBy(() -> Backups.restore(db, held, clock)).isInstanceOf(DomainException.class);
            assertThat(units(store)).containsExactly("市教育局", "市财政局");
        }

        Path replaced = Backups.restore(db, copy, clock);

        try (Store store = Store.open(db, clock)) {
            assertThat(units(store)).containsExactly("市财政局");
            // its clock went back: a new name, so its next changes never take the names of the lost ones
            assertThat(store.deviceId()).isNotEqualTo(before);
        }
        assertThat(Backups.inspect(replaced).counts()).containsEntry("unit", 2);
        assertThat(Backups.list(db)).extracting(Backups.Copy::reason).contains(Backups.BEFORE_RESTORE);
    }
}
