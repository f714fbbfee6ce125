package org.taizhang.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;
import org.taizhang.core.DomainException;
import org.taizhang.core.files.IoReasons;
import org.taizhang.core.files.OwnerOnly;

/**
 * The database's consistent copies (issue 22), in {@code backups/} beside it and named {@code
 * <name>-<yyyyMMdd-HHmmss>-<reason>.db}. Written by SQLite's {@code VACUUM INTO} — never a plain copy of a live
 * file, which can catch a page half-written or miss what waits in the -wal — at the first start of each day before
 * any write ({@link #DAILY}), before a schema upgrade, before every import, before a restore and on demand. Old
 * copies are rotated by a {@link Policy}; copies asked for by hand are never deleted. A copy is read back only after
 * {@link #inspect} found it whole, a Taizhang database and not newer than this program; {@link #restore} writes it
 * into the database under the instance lock, after a copy of what it replaces.
 *
 * <p>Attachments are content-addressed files that are never overwritten or removed, so the files a copy refers to
 * are still in {@code attachments/} when it is restored ({@code taizhang check} says so if one is missing).
 */
public final class Backups {
    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
    public static final String DAILY = "daily";
    public static final String MANUAL = "manual";
    public static final String BEFORE_RESTORE = "before-restore";
    public static final String BEFORE_IMPORT = "before-import";
    public static final String KEEP_DAILY_KEY = "backups.keepDaily";
    public static final String KEEP_MONTHLY_KEY = "backups.keepMonthly";
    /** A second folder (a network share, a USB disk) that holds copies too: a local setting, none by default. */
    public static final String SECOND_FOLDER_KEY = "backups.secondFolder";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern NAME = Pattern.compile("(.+)-(\\d{8}-\\d{6})-([a-zA-Z0-9.-]+)\\.db");
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** What a copy's contents are counted by: the tables a clerk knows. */
    static final List<String> COUNTED =
            List.of("unit", "organization", "community", "checklist_template", "assessment", "finding", "attachment");

    private Backups() {}

    /** How many copies rotation keeps: the newest of each of the last {@code daily} days and {@code monthly} months. */
    public record Policy(int daily, int monthly) {
        public static final Policy DEFAULT = new Policy(14, 12);

        public Policy {
            if (daily < 1 || monthly < 0 || daily > 3_650 || monthly > 1_200) {
                throw new IllegalArgumentException("keep " + daily + " daily, " + monthly + " monthly");
            }
        }

        /** From the local settings' texts (absent: the default's number); anything unreadable: the default. */
        public static Policy of(Optional<String> daily, Optional<String> monthly) {
            try {
                return new Policy(
                        daily.map(String::strip).map(Integer::parseInt).orElse(DEFAULT.daily()),
                        monthly.map(String::strip).map(Integer::parseInt).orElse(DEFAULT.monthly()));
            } catch (IllegalArgumentException e) {
                return DEFAULT;
            }
        }
    }

    /** One copy in {@code backups/}: its file, when (local time) and why it was taken, its size. */
    public record Copy(Path file, LocalDateTime taken, String reason, long bytes) {
        public boolean manual() {
            return reason.equals(MANUAL);
        }

        /** The reason without the ".2" that a second copy within the same second gets. */
        public String plainReason() {
            return reason.replaceFirst("\\.\\d+$", "");
        }
    }

    /** What a copy holds, read from it: its schema version, its device and its counts per {@link #COUNTED} table. */
    public record Contents(String schema, String deviceId, Map<String, Integer> counts) {}

    public static Path folder(Path database) {
        return database.toAbsolutePath().getParent().resolve("backups");
    }

    /** The copies of {@code database} in its backups folder, newest first (other files there are left alone). */
    public static List<Copy> list(Path database) {
        return listIn(folder(database), stem(database));
    }

    /** The copies named after {@code stem} in {@code dir}, newest first. */
    static List<Copy> listIn(Path dir, String stem) {
        List<Copy> copies = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return copies;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (!m.matches() || !m.group(1).equals(stem) || !Files.isRegularFile(f)) {
                    continue;
                }
                try {
                    copies.add(new Copy(
                            f,
                            LocalDateTime.parse(m.group(2), STAMP),
                            m.group(3).toLowerCase(Locale.ROOT),
                            Files.size(f)));
                } catch (DateTimeParseException | IOException e) {
                    LOG.info("{} skipped: {}", f, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new DomainException(e, "store.backupFailed", dir, IoReasons.of(e));
        }
        copies.sort(Comparator.comparing(Copy::taken)
                .thenComparing(c -> c.file().getFileName().toString())
                .reversed());
        return copies;
    }

    /** A consistent copy of the open database in its backups folder. */
    static Path write(DataSource dataSource, Path database, Clock clock, String reason) {
        Path dir = folder(database);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneId.systemDefault());
        Path target = dir.resolve(stem(database) + "-" + STAMP.format(now) + "-" + reason + ".db");
        for (int n = 2; Files.exists(target); n++) { // two copies within a second keep both
            target = dir.resolve(stem(database) + "-" + STAMP.format(now) + "-" + reason + "." + n + ".db");
        }
        try {
            OwnerOnly.createDirectories(dir);
        } catch (IOException e) {
            throw new DomainException(e, "store.backupFailed", target, IoReasons.of(e));
        }
        return writeTo(dataSource, database, target);
    }

    /**
     * {@code VACUUM INTO} a new file beside {@code target}, then moved onto it: a copy cut short (a full disk, a pulled
     * stick) leaves no file that looks like a backup.
     */
    static Path writeTo(DataSource dataSource, Path database, Path target) {
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            Files.deleteIfExists(temp);
            OwnerOnly.createFile(temp); // VACUUM INTO fills an empty file and keeps its owner-only mode
            // the path is ours or the user's; quote doubling keeps it literal
            s.execute("VACUUM INTO '" + temp.toString().replace("'", "''") + "'");
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("backup written: {}", target);
            return target;
        } catch (SQLException | IOException e) {
            deleteQuietly(temp);
            if (e instanceof SQLException) {
                SqliteFaults.translate(e, database).ifPresent(d -> {
                    throw d;
                });
            }
            throw new DomainException(
                    e,
                    "store.backupFailed",
                    target,
                    e instanceof IOException io ? IoReasons.of(io) : String.valueOf(e.getMessage()));
        }
    }

    /**
     * The first start of a day writes a copy before anything else is written, unless one was taken today already
     * (an upgrade's, an import's); then old copies are rotated. Returns the copy written, if any.
     */
    static Optional<Path> daily(DataSource dataSource, Path database, Clock clock) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
        boolean taken =
                list(database).stream().anyMatch(c -> c.taken().toLocalDate().equals(today));
        if (taken) {
            return Optional.empty();
        }
        // the day's first start reads every page first: a damaged database is not opened for writing, and its
        // copy never rotates a good one away (once a day: the copy reads every page anyway)
        String quick = quickCheck(dataSource, database);
        if (!"ok".equals(quick)) {
            throw new DomainException("store.corruptFound", database, quick);
        }
        Path copy = write(dataSource, database, clock, DAILY);
        try {
            rotate(database, policy(dataSource), clock);
        } catch (RuntimeException e) {
            LOG.warn("{}: old backups not rotated: {}", database, e.getMessage()); // a copy too many is no harm
        }
        return Optional.of(copy);
    }

    /** The policy in the database's local settings ({@link #KEEP_DAILY_KEY}, {@link #KEEP_MONTHLY_KEY}), or the default. */
    static Policy policy(DataSource dataSource) {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT key, value FROM local_setting WHERE key IN ('" + KEEP_DAILY_KEY
                        + "', '" + KEEP_MONTHLY_KEY + "')")) {
            while (rs.next()) {
                settings.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            return Policy.DEFAULT;
        }
        return Policy.of(
                Optional.ofNullable(settings.get(KEEP_DAILY_KEY)), Optional.ofNullable(settings.get(KEEP_MONTHLY_KEY)));
    }

    /**
     * Deletes the copies the policy no longer keeps and returns them. Kept: every copy taken today, every copy asked
     * for by hand, the newest copy of each of the {@code daily} most recent days that have one, and the newest of each
     * of the {@code monthly} most recent months.
     */
    public static List<Path> rotate(Path database, Policy policy, Clock clock) {
        return rotateIn(folder(database), stem(database), policy, clock);
    }

    static List<Path> rotateIn(Path dir, String stem, Policy policy, Clock clock) {
        List<Copy> copies = listIn(dir, stem); // newest first
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
        Set<Path> keep = new HashSet<>();
        Set<LocalDate> days = new HashSet<>();
        Set<YearMonth> months = new HashSet<>();
        for (Copy c : copies) {
            LocalDate day = c.taken().toLocalDate();
            if (c.manual() || !day.isBefore(today)) {
                keep.add(c.file());
            }
            if (days.size() < policy.daily() && days.add(day)) {
                keep.add(c.file());
            }
            if (months.size() < policy.monthly() && months.add(YearMonth.from(day))) {
                keep.add(c.file());
            }
        }
        List<Path> deleted = new ArrayList<>();
        for (Copy c : copies) {
            if (!keep.contains(c.file())) {
                try {
                    Files.deleteIfExists(c.file());
                    deleted.add(c.file());
                } catch (IOException e) {
                    LOG.warn("{} not deleted: {}", c.file(), e.getMessage());
                }
            }
        }
        if (!deleted.isEmpty()) {
            LOG.info(
                    "{} old backups deleted ({} daily, {} monthly kept)",
                    deleted.size(),
                    policy.daily(),
                    policy.monthly());
        }
        return deleted;
    }

    /** What {@link #mirror} brought to the second folder. */
    public record Mirrored(Path folder, List<Path> copies, int attachments) {}

    /**
     * Brings the second folder up to date: the newest daily copy and every copy made by hand that it lacks (finished
     * files, copied to a {@code .part} and moved into place), the attachment files it lacks (content-addressed: a
     * file there is never replaced), then its copies rotated as {@code backups/} is. The folder is made when its
     * parent exists (a stick's drive); a folder that is missing or cannot be written is refused with
     * {@code backup.second.unavailable} and nothing else happens.
     */
    public static Mirrored mirror(Path database, Path second, Policy policy, Clock clock) {
        Path target = second.toAbsolutePath();
        try {
            if (!Files.isDirectory(target)) {
                if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
                    throw new DomainException("backup.second.missing", target);
                }
                Files.createDirectories(target);
            }
            // writable for real (a share mounted read-only, USB-control software): a file made and removed
            Path probe = Files.createTempFile(target, ".taizhang-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new DomainException(e, "backup.second.unavailable", target, IoReasons.of(e));
        }
        List<Copy> here = list(database);
        List<Copy> wanted = new ArrayList<>();
        here.stream().filter(c -> c.plainReason().equals(DAILY)).findFirst().ifPresent(wanted::add);
        here.stream().filter(Copy::manual).forEach(wanted::add);
        List<Path> copied = new ArrayList<>();
        try {
            for (Copy c : wanted) {
                Path to = target.resolve(c.file().getFileName());
                if (Files.notExists(to)) {
                    copyFile(c.file(), to);
                    copied.add(to);
                }
            }
            int attachments = 0;
            Path from = database.toAbsolutePath().getParent().resolve("attachments");
            if (Files.isDirectory(from)) {
                Path into = target.resolve("attachments");
                try (var files = Files.walk(from)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        Path to = into.resolve(from.relativize(f).toString());
                        if (Files.notExists(to)) {
                            Files.createDirectories(to.getParent());
                            copyFile(f, to);
                            attachments++;
                        }
                    }
                }
            }
            rotateIn(target, stem(database), policy, clock);
            LOG.info("second backup folder: {} copies, {} attachment files brought", copied.size(), attachments);
            return new Mirrored(target, copied, attachments);
        } catch (IOException e) {
            throw new DomainException(e, "backup.second.failed", target, IoReasons.of(e));
        }
    }

    /** A finished file copied whole or not at all: a pulled stick leaves a .part, never a short copy. */
    private static void copyFile(Path from, Path to) throws IOException {
        Path temp = to.resolveSibling(to.getFileName() + ".part");
        try {
            Files.copy(from, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /**
     * Reads a copy without changing it: refused ({@code backup.error.*}) when it is no SQLite file, not a Taizhang
     * database, damaged, or written by a newer program.
     */
    public static Contents inspect(Path copy) {
        if (!Files.isRegularFile(copy)) {
            throw new DomainException("backup.error.missing", copy);
        }
        byte[] header = new byte[SQLITE_MAGIC.length];
        try (var in = Files.newInputStream(copy)) {
            if (in.readNBytes(header, 0, header.length) < header.length || !Arrays.equals(header, SQLITE_MAGIC)) {
                throw new DomainException("backup.error.notABackup", copy);
            }
        } catch (IOException e) {
            throw new DomainException(e, "backup.error.unreadable", copy, IoReasons.of(e));
        }
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl(Store.url(copy, true));
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            Set<String> tables = new HashSet<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
            if (!tables.contains(Migrations.HISTORY_TABLE) || !tables.containsAll(COUNTED)) {
                throw new DomainException("backup.error.notABackup", copy);
            }
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                String first = rs.next() ? rs.getString(1) : "";
                if (!"ok".equals(first)) {
                    throw new DomainException("backup.error.damaged", copy, first);
                }
            }
            MigrationVersion newest = null;
            try (ResultSet rs = s.executeQuery(
                    "SELECT version FROM " + Migrations.HISTORY_TABLE + " WHERE version IS NOT NULL AND success = 1")) {
                while (rs.next()) {
                    MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                    newest = newest == null || v.isNewerThan(newest.getVersion()) ? v : newest;
                }
            }
            if (newest == null) {
                throw new DomainException("backup.error.notABackup", copy);
            }
            if (newest.isNewerThan(Migrations.LATEST_VERSION)) {
                throw new DomainException("backup.error.newer", copy, newest.getVersion(), Migrations.LATEST_VERSION);
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String table : COUNTED) {
                // deleted rows stay as tombstones for the merge: a clerk counts the live ones
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table + " WHERE deleted = 0")) {
                    counts.put(table, rs.next() ? rs.getInt(1) : 0);
                }
            }
            String device = null;
            try (ResultSet rs =
                    s.executeQuery("SELECT value FROM local_setting WHERE key = '" + Store.DEVICE_ID_KEY + "'")) {
                device = rs.next() ? rs.getString(1) : null;
            } catch (SQLException e) {
                // a copy from before devices had ids
            }
            return new Contents(newest.getVersion(), device, counts);
        } catch (SQLException e) {
            throw new DomainException(e, "backup.error.damaged", copy, String.valueOf(e.getMessage()));
        }
    }

    /**
     * Writes {@code copy} into {@code database} (which no program may hold open: the instance lock is taken), after
     * a copy of what it replaces ({@link #BEFORE_RESTORE}, returned). SQLite's backup API replaces every page in one
     * step: a restore cut short leaves the database as it was. The next open gives the database a new device id when
     * its clock went back (decisions/0006): changes it makes then never take names its lost changes carry elsewhere.
     */
    public static Path restore(Path database, Path copy, Clock clock) {
        Path file = database.toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new DomainException("store.missing", file);
        }
        inspect(copy);
        try (InstanceLock lock = InstanceLock.acquire(file)) {
            SQLiteDataSource ds =
                    Store.dataSource(file, false, StorageLocation.of(file).isLocal());
            Path written;
            try {
                written = write(ds, file, clock, BEFORE_RESTORE);
            } catch (DomainException e) {
                if (!e.messageKey().equals("store.corrupt")) {
                    throw e;
                }
                written = rawCopy(file, clock); // the reason for the restore, most likely
            }
            Path before = written;
            boolean damaged = before.getFileName().toString().endsWith("-damaged.db");
            if (damaged) {
                replaceFile(file, copy, before); // SQLite cannot write into a file it cannot read
            } else {
                try (Connection c = ds.getConnection()) {
                    int rc = c.unwrap(SQLiteConnection.class).getDatabase().restore("main", copy.toString(), null);
                    if (rc != 0) {
                        throw new SQLException("restore returned " + rc);
                    }
                } catch (SQLException e) {
                    throw SqliteFaults.translate(e, file)
                            .orElseGet(() ->
                                    new DomainException(e, "backup.error.restoreFailed", copy, before, e.getMessage()));
                }
            }
            LOG.info("{} restored from {} (the database before: {})", file, copy, before);
            return before;
        }
    }

    /**
     * A damaged database (kept as it was in {@code kept}) replaced by the copy at the file level: the copy is written
     * beside it and forced to disk, the damaged file's -wal and -shm (in {@code kept} too) are removed — a log left
     * beside the new file would be replayed into it — and the copy is moved over the database in one step.
     */
    private static void replaceFile(Path database, Path copy, Path kept) {
        Path temp = database.resolveSibling(database.getFileName() + ".restoring");
        try {
            Files.copy(copy, temp, StandardCopyOption.REPLACE_EXISTING);
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.deleteIfExists(database.resolveSibling(database.getFileName() + "-wal"));
            Files.deleteIfExists(database.resolveSibling(database.getFileName() + "-shm"));
            Files.move(temp, database, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new DomainException(e, "backup.error.restoreFailed", copy, kept, IoReasons.of(e));
        }
    }

    /** SQLite's quick_check: "ok", or its first finding; a file it cannot walk at all is {@code store.corrupt}. */
    static String quickCheck(DataSource dataSource, Path database) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA quick_check(5)")) {
            return rs.next() ? rs.getString(1) : "ok";
        } catch (SQLException e) {
            throw SqliteFaults.translate(e, database)
                    .orElseGet(() -> new DomainException(e, "store.corruptFound", database, e.getMessage()));
        }
    }

    /**
     * A damaged database cannot be copied by SQLite ({@code VACUUM INTO} stops at the first bad page): before a
     * restore replaces it, its file (and -wal) are copied as they are, {@code <name>-<time>-damaged.db}, so that
     * nothing is thrown away (a specialist may still read rows out of it).
     */
    private static Path rawCopy(Path database, Clock clock) {
        Path dir = folder(database);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneId.systemDefault());
        Path target = dir.resolve(stem(database) + "-" + STAMP.format(now) + "-damaged.db");
        try {
            OwnerOnly.createDirectories(dir);
            Files.copy(database, target, StandardCopyOption.REPLACE_EXISTING);
            Path wal = database.resolveSibling(database.getFileName() + "-wal");
            if (Files.exists(wal)) {
                Files.copy(
                        wal, target.resolveSibling(target.getFileName() + "-wal"), StandardCopyOption.REPLACE_EXISTING);
            }
            LOG.warn("{} is damaged: kept as it is in {}", database, target);
            return target;
        } catch (IOException e) {
            throw new DomainException(e, "store.backupFailed", target, IoReasons.of(e));
        }
    }

    private static String stem(Path database) {
        return database.getFileName().toString().replaceFirst("\\.db$", "");
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: a .part file is never taken for a copy
        }
    }
}
