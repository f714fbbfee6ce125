package org.taizhang.core.store;

import static org.taizhang.core.store.schema.Tables.DEVICE;
import static org.taizhang.core.store.schema.Tables.HUB_DESIGNATION;
import static org.taizhang.core.store.schema.Tables.LOCAL_SETTING;
import static org.taizhang.core.store.schema.Tables.OPERATOR;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.taizhang.core.DomainException;
import org.taizhang.core.Ids;
import org.taizhang.core.files.IoReasons;
import org.taizhang.core.files.OwnerOnly;

/**
 * One open SQLite database file. WAL journal, foreign keys on, every write in one IMMEDIATE transaction
 * (so two writers queue instead of failing half-way). Opening takes the file's lock, migrates, checks the schema,
 * and makes sure this installation has its device id. Opening writes only when something needs writing (a
 * migration, a new device identity), so a database that is read-only, or busy in another program, still opens for
 * reading and exporting; a write to it is refused in words ({@code store.readOnly}, {@code store.busy}).
 */
public final class Store implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    static final String DEVICE_ID_KEY = "device.id";
    /**
     * The id this database had before an open renewed it, kept until a person says whether it is still the hub: a
     * command-line open (a daily check) must not swallow the window's question.
     */
    private static final String PREVIOUS_ID_KEY = "device.previousId";

    private static final String COUNTER_KEY = "clock.counter";
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path database;
    private final javax.sql.DataSource dataSource;
    private final InstanceLock lock;
    private final DSLContext dsl;
    private final Clock clock;
    /** The device id; while {@link #identityPending}, the stored one, which the first write replaces. */
    private volatile String deviceId;
    /**
     * The device identity must be renewed (or created) but could not be written at open (a read-only or busy
     * database): reading needs no identity, so the open goes on and the first write settles it first. The device
     * file is not written meanwhile: noting the old id as this database's would hide the copy for good.
     */
    private volatile boolean identityPending;

    private final boolean created;
    /** Opened in a folder where nothing can be written: read as an immutable file, every write refused. */
    private final boolean readOnly;

    private final Path migrationBackup;
    /** This device's logical clock: the counter of its newest change (decisions/0006). */
    private final AtomicLong counter = new AtomicLong();

    private volatile long persistedCounter;
    private String identityRenewedBecause;
    /** Set by {@link #renewIdentity}: the next write takes a new id for this reason. */
    private volatile String forcedRenewal;
    /** The device id this database had before this open renewed it (a copy or a restored backup), if it did. */
    private String previousDeviceId;
    /** Who works here now, as named in history and timelines, and what they may do (decisions/0018). */
    private volatile Actor actor;

    private Store(
            Path database,
            javax.sql.DataSource dataSource,
            InstanceLock lock,
            DSLContext dsl,
            Clock clock,
            boolean created,
            Path backup,
            boolean readOnly) {
        this.database = database;
        this.dataSource = dataSource;
        this.lock = lock;
        this.dsl = dsl;
        this.clock = clock;
        this.created = created;
        this.migrationBackup = backup;
        this.readOnly = readOnly;
        ensureDevice();
        recordDevice();
        actor = defaultActor(); // read now: tracked writers are made inside transactions
    }

    /**
     * Opens an existing database. A missing file is refused ({@code store.missing}) and nothing is created: a
     * mistyped {@code --db} must not leave a new empty database and its folders behind. Only
     * {@link #openOrCreate} (taizhang init, the window) creates one.
     */
    public static Store open(Path database) {
        return open(database, Clock.systemUTC());
    }

    public static Store open(Path database, Clock clock) {
        return open(database, clock, false);
    }

    /** Opens the database, creating the file and its folders when missing (taizhang init, the window). */
    public static Store openOrCreate(Path database) {
        return openOrCreate(database, Clock.systemUTC());
    }

    public static Store openOrCreate(Path database, Clock clock) {
        return open(database, clock, true);
    }

    private static Store open(Path database, Clock clock, boolean create) {
        return open(database, clock, create, StorageLocation.of(database));
    }

    /**
     * {@code location}: where the file lies. On a network share or in a sync client's folder the database is opened
     * with a rollback journal instead of WAL: WAL's shared-memory index is seen by one computer only (two computers on
     * an SMB share can corrupt the file), and sync clients copy a -wal and -shm half-written or as conflict copies.
     * The journal is deleted after each write, so nothing lingers beside the file between writes (issue 20).
     */
    static Store open(Path database, Clock clock, boolean create, StorageLocation location) {
        Path file = database.toAbsolutePath();
        if (!create && Files.notExists(file)) {
            throw new DomainException("store.missing", file);
        }
        try {
            OwnerOnly.createDirectories(file.getParent());
            if (create && Files.notExists(file)) {
                createOwnerOnly(file);
            }
        } catch (IOException e) {
            throw new DomainException(e, "store.openFailed", file, IoReasons.of(e));
        }
        if (Files.isDirectory(file)) {
            throw new DomainException("store.isDirectory", file);
        }
        boolean checked =
                !isNewFile(file); // an existing file: is its folder writable (below), is it ours (under the lock)
        // a read-only folder (a write-protected stick, a folder of another account) cannot hold the -shm file a
        // WAL database needs, nor a lock file: such a file is read as immutable, with no lock, and never written.
        // Probed by making a file: Files.isWritable on Windows reads only the folder's ACL (InstanceLock). With a
        // -wal beside it (not closed cleanly), immutable would skip the log, and SQLite cannot merge it there
        boolean writable = !checked || InstanceLock.canCreateFilesIn(file.getParent());
        boolean readOnly = !writable && Files.notExists(walOf(file));
        if (!writable && !readOnly) {
            throw new DomainException("store.readOnlyFolder", file);
        }
        Path lockPath = file.resolveSibling(file.getFileName() + ".lock");
        boolean lockExisted = Files.exists(lockPath);
        InstanceLock lock = readOnly ? InstanceLock.acquireIfPossible(file) : InstanceLock.acquire(file);
        try {
            boolean created = isNewFile(file);
            if (!created) {
                // read under the lock (issue 22): no other Taizhang can replace the file between the check and the open
                try {
                    refuseForeignFile(file, readOnly);
                } catch (DomainException e) {
                    if (!lockExisted) { // a refused file keeps no .lock beside it (removed while still held)
                        try {
                            Files.deleteIfExists(lockPath);
                        } catch (IOException ignored) {
                            // Windows keeps a held file: it stays, empty, until the next open
                        }
                    }
                    throw e;
                }
            }
            SQLiteDataSource dataSource = dataSource(file, readOnly, location.isLocal());
            Path backup = Migrations.migrate(dataSource, file, clock);
            SchemaCheck.verify(dataSource, file);
            if (!created && !readOnly) {
                Backups.daily(dataSource, file, clock); // the day's first start, before anything is written
            }
            Settings settings = new Settings().withExecuteLogging(false).withRenderSchema(false);
            DSLContext dsl = DSL.using(dataSource, SQLDialect.SQLITE, settings);
            return new Store(file, dataSource, lock, dsl, clock, created, backup, readOnly);
        } catch (RuntimeException e) {
            lock.close();
            if (e instanceof DomainException) {
                throw e;
            }
            throw SqliteFaults.translate(e, file)
                    .orElseGet(
                            () -> new DomainException(e, "store.notADatabase", file, String.valueOf(e.getMessage())));
        }
    }

    /** SQLite would create the file 644; its -wal and -shm files take the database's mode. */
    private static void createOwnerOnly(Path file) throws IOException {
        try {
            OwnerOnly.createFile(file);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // created meanwhile by another program: the checks below decide
        }
    }

    private static Path walOf(Path file) {
        return file.resolveSibling(file.getFileName() + "-wal");
    }

    /**
     * A wrong {@code --db} must be refused before anything touches it: the WAL pragma alone would rewrite the
     * header of another program's database. So the file is first read with a plain connection that only
     * SELECTs: it must be SQLite, and when it holds tables, one of them is Flyway's history of our migrations.
     * Not SQLite, or another program's tables: {@code store.foreignFile}; SQLite itself failing on a file with
     * the SQLite header (a damaged database): {@code store.notADatabase} with SQLite's words.
     */
    private static void refuseForeignFile(Path file, boolean readOnly) {
        byte[] header = new byte[SQLITE_MAGIC.length];
        try (var in = Files.newInputStream(file)) {
            int read = in.readNBytes(header, 0, header.length);
            if (read < header.length || !Arrays.equals(header, SQLITE_MAGIC)) {
                throw new DomainException("store.foreignFile", file);
            }
        } catch (IOException e) {
            throw new DomainException(e, "store.openFailed", file, IoReasons.of(e));
        }
        SQLiteDataSource plain = new SQLiteDataSource();
        plain.setUrl(url(file, readOnly));
        Set<String> tables = new HashSet<>();
        try (Connection c = plain.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                tables.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            throw SqliteFaults.translate(e, file)
                    .orElseGet(
                            () -> new DomainException(e, "store.notADatabase", file, String.valueOf(e.getMessage())));
        }
        if (!tables.isEmpty() && !tables.contains(Migrations.HISTORY_TABLE)) {
            LOG.info("{} refused: another program's tables {}", file, new TreeSet<>(tables));
            throw new DomainException("store.foreignFile", file);
        }
    }

    /** No file yet, or an empty one (SQLite makes an empty file a new database). */
    private static boolean isNewFile(Path file) {
        return !Files.exists(file) || sizeOf(file) == 0;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** {@code immutable}: SQLite reads the file without -shm or locks (nothing may write it meanwhile). */
    static String url(Path file, boolean readOnly) {
        return readOnly ? "jdbc:sqlite:" + SqliteUri.of(file) + "?immutable=1" : "jdbc:sqlite:" + file;
    }

    static SQLiteDataSource dataSource(Path file, boolean readOnly, boolean wal) {
        SQLiteConfig config = new SQLiteConfig();
        if (readOnly) {
            config.setReadOnly(true);
            config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
        } else {
            config.setJournalMode(wal ? SQLiteConfig.JournalMode.WAL : SQLiteConfig.JournalMode.DELETE);
        }
        config.enforceForeignKeys(true);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL); // nothing entered may be lost, even on power loss
        config.setBusyTimeout(10_000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl(url(file, readOnly));
        return ds;
    }

    /**
     * Reads the device identity, and writes only when it must be created or renewed (decisions/0006): an open
     * for reading takes no write transaction. When that write is impossible (read-only, or another program holds
     * the write lock), the identity stays pending and the first write settles it.
     */
    private void ensureDevice() {
        long stored = storedCounter(dsl);
        counter.set(stored);
        persistedCounter = stored;
        Optional<String> existing = localSetting(DEVICE_ID_KEY);
        deviceId = existing.orElse(null);
        previousDeviceId = localSetting(PREVIOUS_ID_KEY).orElse(null);
        if (existing.isPresent() && renewalReason(existing.get(), stored) == null) {
            return;
        }
        identityPending = true;
        if (readOnly) {
            LOG.info("{} is read-only: device identity left as it is", database);
            return;
        }
        try {
            writeAsProgram(ctx -> null); // settles the identity, see write
        } catch (DomainException e) {
            if (!e.messageKey().equals("store.readOnly") && !e.messageKey().equals("store.busy")) {
                throw e;
            }
            LOG.warn("{}: device identity not written yet ({}); reading goes on", database, e.messageKey());
        }
    }

    private String renewalReason(String id, long storedCounter) {
        if (forcedRenewal != null) {
            return forcedRenewal;
        }
        DeviceFile.Binding here = new DeviceFile.Binding(hostName(), DeviceFile.place(database));
        String reason = DeviceFile.reasonToRenew(DeviceFile.read(deviceFile()), id, storedCounter, here, created);
        long noted = ClockNotes.read(ClockNotes.folder(), id);
        if (reason == null && !created && storedCounter < noted) {
            // the device file came back with the database (a backup of the whole folder): the profile remembers
            return "the database's clock " + storedCounter + " is behind " + noted
                    + " noted in the user's profile: a backup was restored with its device file";
        }
        return reason;
    }

    private static long storedCounter(DSLContext ctx) {
        return ctx.select(LOCAL_SETTING.VALUE)
                .from(LOCAL_SETTING)
                .where(LOCAL_SETTING.KEY.eq(COUNTER_KEY))
                .fetchOptional(LOCAL_SETTING.VALUE)
                .map(Long::parseLong)
                .orElse(0L);
    }

    /** Inside the first write transaction: the stored identity, or a new one when it must be renewed. */
    private String settleDevice(DSLContext ctx) {
        long stored = storedCounter(ctx);
        counter.accumulateAndGet(stored, Math::max);
        persistedCounter = stored;
        Optional<String> existing = ctx.select(LOCAL_SETTING.VALUE)
                .from(LOCAL_SETTING)
                .where(LOCAL_SETTING.KEY.eq(DEVICE_ID_KEY))
                .fetchOptional(LOCAL_SETTING.VALUE);
        String reason = existing.isEmpty() ? null : renewalReason(existing.get(), stored);
        if (existing.isPresent() && reason == null) {
            return existing.get();
        }
        String id = Ids.newId();
        ctx.insertInto(DEVICE)
                .set(DEVICE.ID, id)
                .set(DEVICE.NAME, hostName())
                .set(DEVICE.CREATED_AT, Times.now(clock))
                .execute();
        ctx.insertInto(LOCAL_SETTING)
                .set(LOCAL_SETTING.KEY, DEVICE_ID_KEY)
                .set(LOCAL_SETTING.VALUE, id)
                .onConflict(LOCAL_SETTING.KEY)
                .doUpdate()
                .set(LOCAL_SETTING.VALUE, id)
                .execute();
        if (reason != null) {
            // a copied file or a restored backup: its old id lives on elsewhere, and two devices that share
            // an id would give two different changes the same name
            LOG.warn("{}: new device id {} instead of {} ({})", database, id, existing.get(), reason);
            identityRenewedBecause = reason;
            // a question still unanswered stays about the id it was asked of (a copy renewed twice)
            previousDeviceId = ctx.select(LOCAL_SETTING.VALUE)
                    .from(LOCAL_SETTING)
                    .where(LOCAL_SETTING.KEY.eq(PREVIOUS_ID_KEY))
                    .fetchOptional(LOCAL_SETTING.VALUE)
                    .orElse(existing.get());
            ctx.insertInto(LOCAL_SETTING)
                    .set(LOCAL_SETTING.KEY, PREVIOUS_ID_KEY)
                    .set(LOCAL_SETTING.VALUE, previousDeviceId)
                    .onConflict(LOCAL_SETTING.KEY)
                    .doUpdate()
                    .set(LOCAL_SETTING.VALUE, previousDeviceId)
                    .execute();
            forcedRenewal = null;
        } else {
            LOG.info("new device id {} for {}", id, database);
        }
        return id;
    }

    private Path deviceFile() {
        return database.resolveSibling(database.getFileName() + ".device");
    }

    /**
     * Notes beside the database which device it is and how far its clock went (see {@link DeviceFile}). At open,
     * after a write and at close a file that cannot be written is logged and the work goes on: a missing or stale
     * file only makes the next open give a new id. An export fails instead ({@link #exportChanges}).
     */
    private void recordDevice() {
        try {
            noteDevice();
        } catch (DomainException e) {
            LOG.warn("{}: device file not written ({}), the next open may give a new id", database, e.toString());
        }
    }

    private void noteDevice() {
        if (identityPending || readOnly) {
            return;
        }
        ClockNotes.write(ClockNotes.folder(), deviceId, persistedCounter);
        DeviceFile.write(
                deviceFile(),
                // the clock as committed: changes named in a transaction that rolled back were never stored, and a
                // file ahead of its database reads as a restored backup
                new DeviceFile.State(
                        deviceId, persistedCounter, new DeviceFile.Binding(hostName(), DeviceFile.place(database))));
    }

    /** Why this open gave the database a new device identity (a copy or a restored backup), if it did. */
    public Optional<String> identityRenewed() {
        return Optional.ofNullable(identityRenewedBecause);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "taizhang";
        }
    }

    // ---- the hub (汇总机) and field devices (外业机)

    /** The id of the device designated as the hub, as this database knows it; empty when none was designated. */
    public Optional<String> hubDeviceId() {
        return dsl.select(HUB_DESIGNATION.DEVICE_ID)
                .from(HUB_DESIGNATION)
                .where(HUB_DESIGNATION.ID.eq(HUB_ID))
                .and(HUB_DESIGNATION.DELETED.eq(0))
                .fetchOptional(HUB_DESIGNATION.DEVICE_ID)
                .filter(id -> id != null && !id.isBlank());
    }

    /**
     * Whether this database is the hub: the designation names this device's id. A copy of the hub's file (with or
     * without its device file) has another id, so it is not the hub and gives no numbers.
     */
    public boolean isHub() {
        String id = deviceId;
        return !identityPending && hubDeviceId().filter(h -> h.equals(id)).isPresent();
    }

    /**
     * This database was the hub until this open gave it a new device id (a copy, or the hub restored after a disk
     * failure): a person must say whether it is the hub now ({@link #designateHub}); until then it gives no numbers.
     */
    public boolean wasHubUnderAnotherId() {
        return previousDeviceId != null
                && hubDeviceId().filter(previousDeviceId::equals).isPresent();
    }

    /**
     * The changes that created this database's hub designation: the same on every device of one committee (the
     * record travels from the hub that was first designated), different for another committee's hub. A handover
     * or a restored hub edits the record and keeps them, so its packages are not mistaken for another hub's.
     */
    public Set<String> hubLineage() {
        RecordState r = RecordStates.read(dsl, HUB_DESIGNATION, HUB_ID);
        if (r == null) {
            return Set.of();
        }
        Set<String> dots = new java.util.TreeSet<>();
        r.creates().forEach(d -> dots.add(d.toString()));
        return dots;
    }

    /** Makes this device the hub: a change like any other, which travels to the laptops. A 管理员's setting. */
    public void designateHub() {
        requireAdmin();
        write(ctx -> {
            forgetPreviousId(ctx);
            var r = HUB_DESIGNATION.newRecord();
            r.setId(HUB_ID);
            r.setDeviceId(deviceId);
            r.setDeviceName(deviceName(ctx));
            return tracked(ctx).save(r);
        });
    }

    /** Makes this device a field device; when it was the hub, no device is the hub until one is designated. */
    public void designateField() {
        requireAdmin();
        if (!isHub()) {
            if (previousDeviceId != null) {
                write(ctx -> {
                    forgetPreviousId(ctx);
                    return null;
                });
            }
            return;
        }
        write(ctx -> {
            forgetPreviousId(ctx);
            var r = HUB_DESIGNATION.newRecord();
            r.setId(HUB_ID);
            r.setDeviceId(null);
            r.setDeviceName(null);
            return tracked(ctx).save(r);
        });
    }

    /** A person has said what this device is now: the question of {@link #wasHubUnderAnotherId} is answered. */
    private void forgetPreviousId(DSLContext ctx) {
        ctx.deleteFrom(LOCAL_SETTING)
                .where(LOCAL_SETTING.KEY.eq(PREVIOUS_ID_KEY))
                .execute();
        previousDeviceId = null;
    }

    /** The name a person gave this device (the computer's name until then). */
    public String deviceName() {
        return deviceName(dsl);
    }

    private String deviceName(DSLContext ctx) {
        return ctx.select(DEVICE.NAME)
                .from(DEVICE)
                .where(DEVICE.ID.eq(deviceId))
                .fetchOptional(DEVICE.NAME)
                .filter(n -> n != null && !n.isBlank())
                .orElseGet(Store::hostName);
    }

    public void setDeviceName(String name) {
        String given = name == null ? "" : name.strip();
        if (given.isEmpty()) {
            throw new DomainException("store.deviceNameRequired");
        }
        write(ctx -> {
            int updated = ctx.update(DEVICE)
                    .set(DEVICE.NAME, given)
                    .where(DEVICE.ID.eq(deviceId))
                    .execute();
            if (updated == 0) {
                ctx.insertInto(DEVICE)
                        .set(DEVICE.ID, deviceId)
                        .set(DEVICE.NAME, given)
                        .set(DEVICE.CREATED_AT, Times.now(clock))
                        .execute();
            }
            return null;
        });
    }

    private static final String HUB_ID = "hub";

    /** Reads outside a transaction (each statement sees a committed state). */
    public DSLContext read() {
        return dsl;
    }

    /**
     * Runs {@code work} in one transaction: all of it is written, or none of it. A database that cannot be
     * written now (read-only, busy in another program, a full disk) gives {@code store.readOnly},
     * {@code store.busy} or {@code store.diskFull}, and nothing is written.
     */
    public <T> T write(Function<DSLContext, T> work) {
        Actor now = actor;
        if (!now.chosen()) {
            throw new DomainException("access.notSignedIn");
        }
        if (!now.mayChange()) {
            throw new DomainException("access.readOnly", now.name());
        }
        return writeAsProgram(work);
    }

    /**
     * {@link #write} for the store's own bookkeeping, which no operator asks for and every operator needs: the
     * device identity, the names of version 1 before a first export, a preview rolled back, the merge check.
     */
    private <T> T writeAsProgram(Function<DSLContext, T> work) {
        if (readOnly) {
            throw new DomainException("store.readOnly", database);
        }
        try {
            return transaction(work);
        } catch (RuntimeException e) {
            throw SqliteFaults.translateOrKeep(e, database);
        }
    }

    private <T> T transaction(Function<DSLContext, T> work) {
        boolean settling = identityPending;
        String idBefore = deviceId;
        // what the database will hold once this commits: taken as stored only after the commit (a commit that
        // fails on a full disk leaves the old value, which the next write must then write again)
        long[] committed = {persistedCounter};
        T result;
        try {
            result = dsl.transactionResult(cfg -> {
                if (settling) { // before the work: its changes are named with the settled id
                    deviceId = settleDevice(cfg.dsl());
                }
                T r = work.apply(cfg.dsl());
                long now = counter.get();
                if (now != persistedCounter) { // the clock moves with the changes it named, in the same transaction
                    cfg.dsl()
                            .insertInto(LOCAL_SETTING)
                            .set(LOCAL_SETTING.KEY, COUNTER_KEY)
                            .set(LOCAL_SETTING.VALUE, Long.toString(now))
                            .onConflict(LOCAL_SETTING.KEY)
                            .doUpdate()
                            .set(LOCAL_SETTING.VALUE, Long.toString(now))
                            .execute();
                    committed[0] = now;
                }
                return r;
            });
            persistedCounter = committed[0];
        } catch (RuntimeException e) {
            if (settling) {
                deviceId = idBefore; // rolled back: still the stored id, still to be settled
            }
            throw e;
        }
        if (settling) {
            identityPending = false;
            recordDevice();
        }
        return result;
    }

    /** The write path for changes made here: use it inside {@link #write}. */
    public TrackedWriter tracked(DSLContext transaction) {
        return new TrackedWriter(transaction, clock, deviceId, operator(), counter::incrementAndGet);
    }

    /** The setting naming who works on this installation. */
    public static final String OPERATOR_KEY = "operator.name";

    /** Before operators, whether the installation's operator was a 核查人 (a local setting). */
    public static final String VERIFIER_KEY = "operator.verifier";

    /** Who works here now, as the history and a finding's timeline name them. */
    public String operator() {
        return actor.name();
    }

    /** Who works here now and what they may do. */
    public Actor actor() {
        return actor;
    }

    /**
     * From now on {@code who} works here: the operator feature calls this once it has checked the password (the
     * store does not know passwords); every change is named after {@code who} and checked against the role.
     */
    public void actAs(Actor who) {
        actor = java.util.Objects.requireNonNull(who);
    }

    /** Who works here when nobody has signed in, read again (after the operators or the old settings changed). */
    public void actAsDefault() {
        actor = defaultActor();
    }

    /** Operators, settings and restores are the 管理员's: anyone else is refused with {@code access.adminOnly}. */
    public void requireAdmin() {
        Actor now = actor;
        if (!now.chosen()) {
            throw new DomainException("access.notSignedIn");
        }
        if (!now.mayAdminister()) {
            throw new DomainException("access.adminOnly", now.name());
        }
    }

    /**
     * Who works here until someone signs in: before any operator was created, the installation's one operator of
     * old (the setting {@link #OPERATOR_KEY}, or the computer's account), who may do everything; the only operator
     * when there is one without a password; otherwise nobody, who may read and nothing more.
     */
    private Actor defaultActor() {
        String account = System.getProperty("user.name", "");
        var operators = dsl.select(OPERATOR.NAME, OPERATOR.ROLE, OPERATOR.VERIFIER, OPERATOR.PASSWORD)
                .from(OPERATOR)
                .limit(2)
                .fetch();
        if (operators.isEmpty()) {
            String name = localSetting(OPERATOR_KEY).filter(n -> !n.isBlank()).orElse(account);
            boolean verifier = localSetting(VERIFIER_KEY).map("true"::equals).orElse(false);
            return new Actor(name, Actor.Role.ADMIN, verifier, true, true);
        }
        if (operators.size() == 1 && operators.get(0).value4() == null) {
            var only = operators.get(0);
            return Actor.operator(only.value1(), Actor.Role.ofCode(only.value2()), only.value3() == 1);
        }
        return Actor.unknown(account);
    }

    /** Before operators: names the installation's one operator (who then works here). */
    public void setOperator(String name) {
        putLocalSetting(OPERATOR_KEY, name == null ? "" : name.strip());
        if (actor.installation()) {
            actor = defaultActor();
        }
    }

    /** The setting naming the committee that reports (填报单位), asked at first start. */
    public static final String COMMITTEE_KEY = "report.committee";

    /** The 填报单位 every report names ("" until a clerk names it): a setting of this installation. */
    public String committee() {
        return localSetting(COMMITTEE_KEY).map(String::strip).orElse("");
    }

    public void setCommittee(String name) {
        putLocalSetting(COMMITTEE_KEY, name == null ? "" : name.strip());
    }

    /**
     * The write path for changes received from another device: merges every record of the set into this
     * database in one transaction, keeping the origin's metadata and history; a field two devices changed
     * concurrently keeps both versions (the newer shown, the other a conflict). Applying a set twice changes
     * nothing the second time.
     */
    public ApplyResult applyChanges(ChangeSet changes) {
        return applyChanges(changes, null);
    }

    /**
     * A package's changes and what it says about them (decisions/0014): the receiver's knowledge it was built
     * against, the sender's knowledge when it was made, and what the exchange notes of it (its log, the sender as
     * a peer) — written in the transaction that applies the changes, so nothing is noted as received that is not.
     */
    public record Receipt(VersionVector prerequisites, VersionVector senderKnowledge, InTransaction alsoWrite) {}

    /** Work that must commit with an apply, or not at all: given the transaction (storage code only). */
    @FunctionalInterface
    public interface InTransaction {
        void write(DSLContext transaction);
    }

    /**
     * {@link #applyChanges(ChangeSet)} for a package: when this database holds the package's prerequisites, the
     * package brought everything its sender held above them, so this database's {@link #knowledge} rises to the
     * sender's in the same transaction ({@link ApplyResult#knowledgeRaised}); when it does not (a database restored
     * from an older backup), the changes are merged all the same and the knowledge stays where it was, so that the
     * next package says what is missing and the sender sends it again.
     */
    public ApplyResult applyChanges(ChangeSet changes, Receipt receipt) {
        return write(ctx -> {
            V1Names.renameOnce(ctx); // before anything of another device meets this one's v1 changes
            boolean complete =
                    receipt != null && receipt.prerequisites().coveredBy(Knowledge.read(ctx, deviceId, counter.get()));
            Replication.Applied a = Replication.apply(ctx, changes, seen -> counter.accumulateAndGet(seen, Math::max));
            if (complete) {
                Knowledge.raise(ctx, deviceId, receipt.senderKnowledge());
            }
            if (receipt != null && receipt.alsoWrite() != null) {
                receipt.alsoWrite().write(ctx);
            }
            // what the merge joined may break a rule across records: listed for a clerk, never refused
            List<MergeBreach> breaches = MergeCheck.run(ctx, clock);
            return new ApplyResult(
                    a.created(), a.updated(), a.unchanged(), a.historyAdded(), breaches.size(), complete);
        });
    }

    /**
     * Replaces every record of this database with {@code changes} in one transaction: all of it, or nothing. For a
     * laptop that becomes a field device of another committee's hub (its preparation): two committees' records
     * must never mix. The travelling records and their history, conflicts, breaches, what this database knew of
     * other devices and the devices themselves go; its keys, local settings and package log stay. The database takes
     * a new device id in the same transaction, so nothing it writes for the new hub is named like a change the old
     * one holds. The caller has saved what the old hub had not acknowledged, and a backup, before.
     */
    public ApplyResult replaceWith(ChangeSet changes, Receipt receipt, String reason) {
        renewIdentity(reason);
        return write(ctx -> {
            ctx.execute("PRAGMA defer_foreign_keys = ON");
            List<org.jooq.Table<?>> children = new java.util.ArrayList<>(Replication.TABLES);
            java.util.Collections.reverse(children);
            for (org.jooq.Table<?> t : children) {
                ctx.deleteFrom(t).execute();
            }
            for (org.jooq.Table<?> t : List.of(
                    org.taizhang.core.store.schema.Tables.HISTORY,
                    org.taizhang.core.store.schema.Tables.FIELD_CONFLICT,
                    org.taizhang.core.store.schema.Tables.MERGE_BREACH,
                    org.taizhang.core.store.schema.Tables.KNOWLEDGE,
                    org.taizhang.core.store.schema.Tables.EXCHANGE_PEER)) {
                ctx.deleteFrom(t).execute();
            }
            Replication.Applied a = Replication.apply(ctx, changes, seen -> counter.accumulateAndGet(seen, Math::max));
            if (receipt != null && receipt.alsoWrite() != null) {
                receipt.alsoWrite().write(ctx);
            }
            List<MergeBreach> breaches = MergeCheck.run(ctx, clock);
            return new ApplyResult(a.created(), a.updated(), a.unchanged(), a.historyAdded(), breaches.size(), false);
        });
    }

    /**
     * What {@link #applyChanges} did: records created, changed, already up to date; history entries added; rules
     * across records the database breaks after it ({@link #breaches}).
     */
    public record ApplyResult(
            int created, int updated, int unchanged, int historyAdded, int breaches, boolean knowledgeRaised) {}

    /** Per kind of record (table): how many a set adds, changes, changes into a conflict, and already holds. */
    public record Counts(int added, int changed, int conflicting, int unchanged) {}

    /**
     * What applying {@code changes} would do, per table, without keeping any of it: the set is merged in a
     * transaction that is then rolled back (the window shows this before a clerk applies a package).
     */
    public Map<String, Counts> previewChanges(ChangeSet changes) {
        final class Preview extends RuntimeException {
            final transient Map<String, Counts> counts;

            Preview(Map<String, Counts> counts) {
                super(null, null, false, false);
                this.counts = counts;
            }
        }
        try {
            writeAsProgram(ctx -> {
                throw new Preview(Replication.apply(ctx, changes, seen -> {}).perTable());
            });
            throw new IllegalStateException("unreachable");
        } catch (Preview p) {
            return p.counts;
        }
    }

    /** A field two devices changed concurrently: the value shown and the values that lost, for a clerk to decide. */
    public record Conflict(String entity, String entityId, String field, Object shown, List<Object> others) {
        /** One (field, value shown, other value) per other value, values as stored text: as a history shows them. */
        public List<HistoryEntry.FieldChange> asChanges() {
            return others.stream()
                    .map(o -> new HistoryEntry.FieldChange(field, text(shown), text(o)))
                    .toList();
        }

        private static String text(Object value) {
            return value == null
                    ? null
                    : value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
        }
    }

    /** Every field that holds a conflict, in a stable order. */
    public List<Conflict> conflicts() {
        List<Conflict> list = new java.util.ArrayList<>();
        var keys = dsl.selectDistinct(
                        org.taizhang.core.store.schema.Tables.FIELD_CONFLICT.ENTITY,
                        org.taizhang.core.store.schema.Tables.FIELD_CONFLICT.ENTITY_ID)
                .from(org.taizhang.core.store.schema.Tables.FIELD_CONFLICT)
                .orderBy(1, 2)
                .fetch();
        for (var k : keys) {
            list.addAll(conflicts(k.value1(), k.value2()));
        }
        return list;
    }

    /** The fields of one record that hold a conflict (a form shows them): one record read, not every conflict. */
    public List<Conflict> conflicts(String entity, String entityId) {
        org.jooq.Table<?> table;
        try {
            table = Replication.table(entity);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        RecordState state = RecordStates.read(dsl, table, entityId);
        if (state == null || !state.hasConflicts()) {
            return List.of();
        }
        List<Conflict> list = new java.util.ArrayList<>();
        state.fields().forEach((field, versions) -> {
            if (versions.size() > 1) {
                list.add(new Conflict(
                        entity,
                        entityId,
                        field,
                        versions.getFirst().value(),
                        versions.subList(1, versions.size()).stream()
                                .map(FieldVersion::value)
                                .toList()));
            }
        });
        return list;
    }

    /**
     * A clerk's decision on a conflict: {@code value} (the shown one, one that lost, or another) becomes the field's
     * only value, as a change of its own that travels like any other ({@link TrackedWriter#resolve}).
     *
     * @throws DomainException {@code store.noSuchConflict} when the record or field holds no conflict
     */
    public void resolve(String entity, String entityId, String field, Object value) {
        write(ctx -> {
            org.jooq.Table<?> table;
            try {
                table = Replication.table(entity);
            } catch (IllegalArgumentException e) {
                throw new DomainException("store.noSuchConflict", entity, entityId, field);
            }
            RecordState state = RecordStates.read(ctx, table, entityId);
            if (state == null || state.conflicts(field).isEmpty()) {
                throw new DomainException("store.noSuchConflict", entity, entityId, field);
            }
            org.jooq.Field<?> column = table.field(field);
            Object typed = value == null || column == null
                    ? value
                    : column.getDataType().convert(value);
            tracked(ctx).resolve(table, entityId, field, typed);
            return null;
        });
    }

    /** The rules across records the last merge (or {@link #checkRecords}) found broken, for a clerk to mend. */
    public List<MergeBreach> breaches() {
        return MergeCheck.listed(dsl);
    }

    /** Checks the rules across records again (after a clerk mended some) and lists what is still broken. */
    public List<MergeBreach> checkRecords() {
        return writeAsProgram(ctx -> MergeCheck.run(ctx, clock));
    }

    /**
     * The records {@code include} accepts (with the records they refer to) and their history, as a set to
     * send to another device. Notes the clock beside the database: its changes now live elsewhere too, so a
     * restored backup that lost them must not name new changes the same (see {@link DeviceFile}); a device file
     * that cannot be written fails the export ({@code file.inUse}, {@code file.writeFailed}), before the set leaves.
     */
    public ChangeSet exportChanges(java.util.function.Predicate<RecordState> include) {
        if (!readOnly && localSetting(V1Names.DONE_KEY).isEmpty()) {
            writeAsProgram(V1Names::renameOnce); // once, before this database's changes first leave it
        }
        ChangeSet set = Replication.export(read(), include);
        noteDevice();
        return set;
    }

    /**
     * What a device that holds {@code known} lacks of this database ({@link Replication#exportSince}); an empty
     * {@code known} (a device never heard from, or {@code --all}) gets every record, as {@link #exportChanges}.
     * Notes the clock beside the database as {@link #exportChanges} does.
     */
    public ChangeSet exportSince(VersionVector known) {
        if (known.size() == 0) {
            return exportChanges(r -> true);
        }
        if (!readOnly && localSetting(V1Names.DONE_KEY).isEmpty()) {
            writeAsProgram(V1Names::renameOnce);
        }
        ChangeSet set = Replication.exportSince(read(), known);
        noteDevice();
        return set;
    }

    /**
     * What this database holds of every device's changes: its own up to its clock, the others' as far as packages
     * built against its knowledge raised it (table {@code knowledge}). Sent in every package, so that the other
     * side knows what to send next.
     */
    public VersionVector knowledge() {
        // the committed clock: a change named in a transaction still open is not in what an export reads
        return Knowledge.read(dsl, deviceId, persistedCounter);
    }

    /**
     * Another device holds changes of this one above this database's clock: this database is an older copy of
     * itself (a backup restored with its device file, on a computer whose profile did not note the clock). Its
     * next write takes a new device id, so that no new change is named like one that already exists elsewhere.
     */
    public void renewIdentity(String reason) {
        forcedRenewal = reason;
        identityPending = true;
    }

    /** The schema version this program writes (the newest migration): a package from a newer one is refused. */
    public static String schemaVersion() {
        return Migrations.LATEST_VERSION;
    }

    /** The newest counter this device has named or seen (its logical clock). */
    public long clockCounter() {
        return counter.get();
    }

    public Optional<String> localSetting(String key) {
        return dsl.select(LOCAL_SETTING.VALUE)
                .from(LOCAL_SETTING)
                .where(LOCAL_SETTING.KEY.eq(key))
                .fetchOptional(LOCAL_SETTING.VALUE);
    }

    public void putLocalSetting(String key, String value) {
        write(ctx -> ctx.insertInto(LOCAL_SETTING)
                .set(LOCAL_SETTING.KEY, key)
                .set(LOCAL_SETTING.VALUE, value)
                .onConflict(LOCAL_SETTING.KEY)
                .doUpdate()
                .set(LOCAL_SETTING.VALUE, value)
                .execute());
    }

    /**
     * A local setting the program notes for itself (what the 工作台 last showed in a month), whoever is signed in,
     * a 只读 operator too; written only when it changes, and not at all on a read-only database.
     */
    public void noteLocalSetting(String key, String value) {
        if (readOnly || localSetting(key).filter(value::equals).isPresent()) {
            return;
        }
        writeAsProgram(ctx -> ctx.insertInto(LOCAL_SETTING)
                .set(LOCAL_SETTING.KEY, key)
                .set(LOCAL_SETTING.VALUE, value)
                .onConflict(LOCAL_SETTING.KEY)
                .doUpdate()
                .set(LOCAL_SETTING.VALUE, value)
                .execute());
    }

    /** True when {@code e} says the database file is damaged (SQLITE_CORRUPT, SQLITE_NOTADB, or the day's check). */
    public static boolean isDamage(Throwable e, Path database) {
        if (e instanceof DomainException d) {
            return d.messageKey().startsWith("store.corrupt");
        }
        return SqliteFaults.translate(e, database)
                .map(d -> d.messageKey().equals("store.corrupt"))
                .orElse(false);
    }

    /** The tables whose records travel between devices, parents first. */
    public static List<String> travellingTables() {
        return Replication.TABLES.stream().map(org.jooq.Named::getName).toList();
    }

    /** Writes a consistent copy of the database into {@code backups/} (Backups). */
    public Path backup(String reason) {
        return Backups.write(dataSource, database, clock, reason);
    }

    /**
     * The copy every import takes once its file is found good and before it writes (issue 22): registry, findings,
     * forms, templates, past results, packages. Rotated like the daily ones.
     */
    public Path backupBeforeImport() {
        return backup(Backups.BEFORE_IMPORT);
    }

    /** Writes a consistent copy of the database to {@code target} (taizhang backup create --out). */
    public Path backupTo(Path target) {
        return Backups.writeTo(dataSource, database, target.toAbsolutePath());
    }

    public Path database() {
        return database;
    }

    /** The folder beside the database file where attachments, backups and logs live. */
    public Path dataFolder() {
        return database.getParent();
    }

    public String deviceId() {
        return deviceId;
    }

    public Clock clock() {
        return clock;
    }

    /** Opened read-only (a write-protected folder): every write is refused. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** True when this open created the database file (the first start). */
    public boolean isNew() {
        return created;
    }

    public Optional<Path> migrationBackup() {
        return Optional.ofNullable(migrationBackup);
    }

    @Override
    public void close() {
        try {
            recordDevice();
        } finally {
            lock.close();
        }
    }
}
