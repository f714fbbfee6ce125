package org.taizhang.exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.taizhang.core.DomainException;
import org.taizhang.core.Ids;
import org.taizhang.core.attachment.AttachmentStore;
import org.taizhang.core.store.ChangeSet;
import org.taizhang.core.store.RecordState;
import org.taizhang.core.store.Store;
import org.taizhang.core.store.VersionVector;
import org.taizhang.core.task.Progress;
import org.taizhang.exchange.files.ChangeSetCodec;
import org.taizhang.exchange.files.DeviceKeys;
import org.taizhang.exchange.files.PackageFile;
import org.taizhang.exchange.store.ExchangeStore;

/**
 * 数据交换's use cases, shared by the window and the command line (issue 17, decisions/0014): packages of what
 * another device lacks written to a file (a USB stick), received packages checked and applied — each whole, in one
 * transaction, after its attachment files are stored and checked — and the hub preparing a field laptop.
 *
 * <p>Acknowledgements, not guesses: every package carries its sender's knowledge; the receiver takes it in the
 * transaction that applies the package, and its own next package tells the sender, who then sends only what lies
 * above. An export never counts as received, so a lost, skipped or twice-imported package costs nothing.
 */
public final class ExchangeService {
    static final String CHANGES = "changes";
    static final String MANIFEST = "manifest";
    public static final String ATTACHMENT_PREFIX = "attachment/";

    /** What a field laptop is given when it is prepared: the registry, published templates, rounds and teams. */
    static final Set<String> PREPARATION_TABLES = Set.of(
            "unit",
            "community",
            "organization",
            "checklist_template",
            "inspection",
            "inspection_team",
            "inspection_unit",
            "finding_category",
            "rating_quota",
            "hub_designation");

    private final Store store;
    private final AttachmentStore attachments;
    private final ExchangeStore exchange;

    public ExchangeService(Store store) {
        this.store = store;
        this.attachments = new AttachmentStore(store);
        this.exchange = new ExchangeStore(store);
    }

    /** What an export wrote: records, history entries and attachment files; files this device lacks itself. */
    public record Exported(
            Path file,
            String packageId,
            int records,
            int history,
            int attachments,
            int missing,
            boolean toKey,
            String target) {}

    /**
     * What to export: for whom ({@code to}: a device id or name; none on a field laptop means its hub), everything
     * ({@code all}) or what the receiver lacks by its last acknowledgement, and how to protect it (null: encrypted
     * to the receiver's key, which a laptop has of its hub from its preparation and the hub has of a laptop from
     * that laptop's first package).
     */
    public record ExportRequest(String to, boolean all, PackageFile.Protection protection) {
        public static ExportRequest everything(PackageFile.Protection protection) {
            return new ExportRequest(null, true, protection);
        }
    }

    /** Every record, unencrypted or under a passphrase, for nobody in particular (as before acknowledgements). */
    public Exported export(Path out, PackageFile.Protection protection, Progress progress) {
        return export(out, ExportRequest.everything(protection), progress);
    }

    public Exported export(Path out, ExportRequest request, Progress progress) {
        progress.update(0, 3, "package.progress.reading");
        Target target = target(request.to());
        PackageFile.Protection protection = request.protection();
        if (protection == null) {
            if (target == null) {
                // no receiver named and no hub to send to: nobody's key to encrypt to
                throw new DomainException("package.error.noReceiver");
            }
            String key = target.publicKey();
            if (key == null) {
                throw new DomainException("package.error.noKey", target.label());
            }
            protection = PackageFile.Protection.to(DeviceKeys.decodePublic(key, "peer"));
        }
        VersionVector prerequisites = request.all() || target == null ? VersionVector.EMPTY : target.knowledge();
        // read before the records: it may claim less than the package holds, never more
        VersionVector knowledge = store.knowledge();
        ChangeSet set = store.exportSince(prerequisites);
        progress.checkCancelled();
        return write(
                out,
                set,
                Manifest.Kind.CHANGES,
                target == null ? null : target.deviceId(),
                target == null ? null : target.name(),
                prerequisites,
                knowledge,
                protection,
                progress);
    }

    /**
     * The hub prepares a field laptop: the registry, communities, published templates, rounds, teams, categories
     * and the hub's designation and key, under a passphrase (or none, explicitly). Imported into a new database,
     * it makes that database a field device of this hub, named {@code name}.
     */
    public Exported prepareField(String name, Path out, PackageFile.Protection protection, Progress progress) {
        if (!store.isHub()) {
            throw new DomainException("package.error.notHub");
        }
        if (name == null || name.isBlank()) {
            throw new DomainException("package.error.nameNeeded");
        }
        if (protection == null || protection.recipient() != null) {
            throw new DomainException("package.error.chooseProtection");
        }
        progress.update(0, 3, "package.progress.reading");
        VersionVector knowledge = store.knowledge();
        Predicate<RecordState> wanted = r -> PREPARATION_TABLES.contains(r.table())
                && !r.deleted()
                && (!r.table().equals("checklist_template") || "PUBLISHED".equals(r.value("status")));
        ChangeSet set = store.exportChanges(wanted);
        return write(
                out,
                set,
                Manifest.Kind.PREPARATION,
                null,
                name.strip(),
                VersionVector.EMPTY,
                knowledge,
                protection,
                progress);
    }

    private Exported write(
            Path out,
            ChangeSet set,
            Manifest.Kind kind,
            String targetDevice,
            String targetName,
            VersionVector prerequisites,
            VersionVector knowledge,
            PackageFile.Protection protection,
            Progress progress) {
        List<PackageFile.Entry> files = new java.util.ArrayList<>();
        int missing = 0;
        for (RecordState r : set.records()) {
            if (r.table().equals("attachment") && !r.deleted()) {
                // content-addressed: a file that still hashes to its id is sent, streamed, never read whole
                if (attachments.verify(r.id())) {
                    try {
                        files.add(PackageFile.Entry.of(ATTACHMENT_PREFIX + r.id(), attachments.file(r.id())));
                    } catch (java.io.IOException e) {
                        missing++;
                    }
                } else {
                    missing++; // noted in the manifest's counts: the receiver learns the file never came
                }
            }
            progress.checkCancelled();
        }
        progress.update(1, 3, "package.progress.writing");
        byte[] changes = ChangeSetCodec.encodePacked(set);
        Map<String, String> sums = new LinkedHashMap<>();
        String contentSha = PackageFile.sha256Hex(changes);
        sums.put(CHANGES, contentSha);
        files.forEach(f -> sums.put(f.name(), f.name().substring(ATTACHMENT_PREFIX.length())));
        Map<String, Integer> counts = new HashMap<>();
        set.records().forEach(r -> counts.merge(r.table(), 1, Integer::sum));
        counts.put("history", set.history().size());
        counts.put("attachment-files-missing", missing);
        String id = Ids.newId();
        KeyPair own = exchange.ownKey();
        Manifest manifest = new Manifest(
                PackageFile.FORMAT,
                id,
                kind,
                store.deviceId(),
                store.deviceName(),
                store.isHub(),
                DeviceKeys.encodePublic(own.getPublic()),
                store.hubDeviceId().orElse(null),
                store.hubLineage(),
                targetDevice,
                targetName,
                Instant.now(store.clock()).toString(),
                programVersion(),
                Store.schemaVersion(),
                prerequisites,
                knowledge,
                counts,
                sums);
        List<PackageFile.Entry> entries = new java.util.ArrayList<>();
        entries.add(PackageFile.Entry.of(MANIFEST, manifest.encode()));
        entries.add(PackageFile.Entry.of(CHANGES, changes));
        entries.addAll(files);
        progress.checkCancelled();
        PackageFile.write(out, entries, protection);
        exchange.sent(manifest, out.toAbsolutePath().toString(), contentSha, knowledge.counter(store.deviceId()));
        progress.update(3, 3, "package.progress.done");
        return new Exported(
                out,
                id,
                set.records().size(),
                set.history().size(),
                files.size(),
                missing,
                protection.recipient() != null,
                targetName);
    }

    /** The device a package is for, as this one knows it. */
    private record Target(String deviceId, String name, String publicKey, VersionVector knowledge) {
        String label() {
            return name == null ? deviceId : name;
        }
    }

    private Target target(String to) {
        if (to == null || to.isBlank()) {
            Optional<String> hub = store.hubDeviceId();
            if (store.isHub() || hub.isEmpty()) {
                return null; // the hub names the laptop; a device without a hub sends to whoever imports it
            }
            return exchange.peer(hub.get())
                    .map(p -> new Target(p.deviceId(), p.name(), p.publicKey(), p.knowledge()))
                    .orElse(new Target(hub.get(), null, null, VersionVector.EMPTY));
        }
        String wanted = to.strip();
        List<ExchangeStore.Peer> matches = exchange.peers().stream()
                .filter(p -> p.deviceId().equals(wanted) || wanted.equals(p.name()))
                .toList();
        if (matches.size() != 1) {
            throw new DomainException(
                    matches.isEmpty() ? "package.error.unknownDevice" : "package.error.ambiguousDevice", wanted);
        }
        ExchangeStore.Peer p = matches.getFirst();
        return new Target(p.deviceId(), p.name(), p.publicKey(), p.knowledge());
    }

    /**
     * A package read and checked, nothing written to the database; its attachment files wait in a staging folder
     * beside the database until {@link #close} (they are never held in memory); whether this database holds what it
     * was built against.
     */
    public record Verified(
            Manifest manifest, ChangeSet changes, Map<String, Path> files, boolean prerequisitesMet, Path staging)
            implements AutoCloseable {
        /** Removes the staged files. */
        @Override
        public void close() {
            deleteTree(staging);
        }
    }

    /**
     * Reads a package and checks everything that can be checked without writing to the database: protection (this
     * device's keys or the passphrase), every entry's SHA-256 against the manifest, the schema (a newer program's
     * package: 先升级本程序), the changes' format, and whether the hub it belongs to is this device's hub. Close the
     * result.
     */
    public Verified verify(Path file, char[] passphrase) {
        return verify(file, passphrase, false);
    }

    /**
     * {@link #verify(Path, char[])}, letting another committee's hub's preparation through when this laptop is to
     * switch to that hub ({@link ImportOptions#switchHub}).
     */
    public Verified verify(Path file, char[] passphrase, boolean switchHub) {
        Path staging = staging();
        Map<String, java.io.ByteArrayOutputStream> inMemory = new LinkedHashMap<>();
        Map<String, java.security.MessageDigest> sums = new LinkedHashMap<>();
        Map<String, Path> files = new LinkedHashMap<>();
        try {
            PackageFile.read(file, new PackageFile.Unlock(passphrase, exchange.ownKeys()), (name, length) -> {
                java.security.MessageDigest d = sha256();
                sums.put(name, d);
                java.io.OutputStream target;
                if (name.startsWith(ATTACHMENT_PREFIX)) {
                    Path staged = staging.resolve(name.substring(ATTACHMENT_PREFIX.length()));
                    files.put(name.substring(ATTACHMENT_PREFIX.length()), staged);
                    target = new java.io.BufferedOutputStream(Files.newOutputStream(staged));
                } else {
                    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
                    inMemory.put(name, b);
                    target = b;
                }
                return new java.security.DigestOutputStream(target, d);
            });
            Manifest m = Manifest.decode(inMemory.get(MANIFEST).toByteArray(), file);
            if (m.format() > PackageFile.FORMAT) {
                throw new DomainException("package.error.newerFormat", file, m.format());
            }
            if (schemaNumber(m.schema()) > schemaNumber(Store.schemaVersion())) {
                throw new DomainException("package.error.newerProgram", file, m.program());
            }
            if (!inMemory.containsKey(CHANGES)) {
                throw new DomainException("package.error.damaged", file);
            }
            for (Map.Entry<String, java.security.MessageDigest> e : sums.entrySet()) {
                if (e.getKey().equals(MANIFEST)) {
                    continue;
                }
                String expected = m.sha256().get(e.getKey());
                String actual = java.util.HexFormat.of().formatHex(e.getValue().digest());
                if (expected == null || !expected.equals(actual)) {
                    throw new DomainException("package.error.checksum", file, e.getKey());
                }
                if (e.getKey().startsWith(ATTACHMENT_PREFIX)
                        && !e.getKey().substring(ATTACHMENT_PREFIX.length()).equals(expected)) {
                    throw new DomainException("package.error.checksum", file, e.getKey());
                }
            }
            if (m.sha256().size() != sums.size() - 1) {
                throw new DomainException("package.error.damaged", file);
            }
            if (!switchHub) {
                refuseAnotherHub(m, file);
            }
            byte[] packed = inMemory.get(CHANGES).toByteArray();
            ChangeSet changes = m.format() >= 3
                    ? ChangeSetCodec.decodePacked(packed, PackageFile.MAX_IN_MEMORY, file)
                    : ChangeSetCodec.decode(packed, file);
            return new Verified(m, changes, files, m.prerequisites().coveredBy(store.knowledge()), staging);
        } catch (RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
    }

    /**
     * A new folder for one package's files, beside the database (the same disk: storing them is a copy within it).
     * Folders left by a program that was killed are removed once they are an hour old.
     */
    private Path staging() {
        Path root = store.dataFolder().resolve("exchange-staging");
        try {
            if (Files.isDirectory(root)) {
                try (var old = Files.list(root)) {
                    for (Path p : old.toList()) {
                        if (Files.getLastModifiedTime(p)
                                .toInstant()
                                .isBefore(Instant.now().minus(Duration.ofHours(1)))) {
                            deleteTree(p);
                        }
                    }
                }
            }
            return Files.createDirectories(root.resolve(Ids.newId()));
        } catch (java.io.IOException e) {
            throw new DomainException(e, "package.error.staging", root, e.getMessage());
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (java.io.IOException e) {
            // left for the next staging() to remove
        }
    }

    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A package of another committee's hub or laptops would mix two committees' records: refused, nothing written.
     * Told apart by the hub designation's creates (Store#hubLineage), not by the hub's device id, which changes
     * when the hub is handed over or restored under a new id (a change that must reach the laptops).
     */
    private void refuseAnotherHub(Manifest m, Path file) {
        if (fromAnotherHub(m)) {
            throw new DomainException(
                    "package.error.otherHub", file, m.sourceName() == null ? m.sourceDevice() : m.sourceName());
        }
    }

    private boolean fromAnotherHub(Manifest m) {
        Set<String> mine = store.hubLineage();
        Set<String> theirs = m.hubLineage();
        return !mine.isEmpty() && !theirs.isEmpty() && java.util.Collections.disjoint(mine, theirs);
    }

    /**
     * What importing a package would do, shown before a clerk applies it: per kind of record how many it adds,
     * changes, turns into conflicts and already holds; whether it was imported before. Nothing is written.
     */
    public record Preview(Verified verified, Map<String, Store.Counts> counts, boolean duplicate, boolean switching) {}

    public Preview preview(Path file, char[] passphrase) {
        return preview(file, passphrase, ImportOptions.NORMAL);
    }

    /**
     * The preview of a switch to another hub ({@link ImportOptions#switchHub}) counts every record of the package as
     * new: the records held now are replaced, not merged.
     */
    public Preview preview(Path file, char[] passphrase, ImportOptions options) {
        try (Verified v = verify(file, passphrase, options.switchHub())) {
            if (fromAnotherHub(v.manifest())) {
                checkSwitch(v.manifest(), file, options);
                Map<String, Store.Counts> counts = new java.util.TreeMap<>();
                Map<String, Integer> per = new HashMap<>();
                v.changes().records().forEach(r -> per.merge(r.table(), 1, Integer::sum));
                per.forEach((table, n) -> counts.put(table, new Store.Counts(n, 0, 0, 0)));
                return new Preview(v, counts, false, true);
            }
            boolean duplicate =
                    exchange.appliedContent(v.manifest().packageId()).isPresent();
            return new Preview(v, duplicate ? Map.of() : store.previewChanges(v.changes()), duplicate, false);
        }
    }

    /**
     * How an import treats another committee's hub: refused (the default), or, for that hub's preparation, this
     * laptop switches to it ({@code switchHub}); a laptop with changes its hub has not acknowledged refuses the
     * switch unless {@code force}d, and even then writes them to an emergency package first.
     */
    public record ImportOptions(boolean switchHub, boolean force) {
        public static final ImportOptions NORMAL = new ImportOptions(false, false);
    }

    /**
     * Whether this device may switch to the hub of {@code m}: only a field device, only through a preparation, and
     * only when nothing it wrote is waiting for its hub (or the clerk forces it).
     */
    private void checkSwitch(Manifest m, Path file, ImportOptions options) {
        if (m.kind() != Manifest.Kind.PREPARATION) {
            throw new DomainException("package.error.switchNeedsPreparation", file);
        }
        if (store.isHub()) {
            throw new DomainException("package.error.hubCannotSwitch", file);
        }
        Unacknowledged u = unacknowledged();
        if (!u.none() && !options.force()) {
            throw new DomainException("package.error.unsentBeforeSwitch", file, u.count());
        }
    }

    /**
     * The changes this laptop's hub has not acknowledged, written into {@code backups/} as a package for the hub
     * (encrypted to its key, the same as {@code package export}), before anything replaces this laptop's data: a
     * switch to another hub, a restore. Empty when the hub has everything. Give the file to the hub: it imports it
     * like any other package.
     */
    public Optional<Exported> emergencyPackage(Progress progress) {
        Unacknowledged u = unacknowledged();
        if (u.none()) {
            return Optional.empty();
        }
        Path folder = store.dataFolder().resolve("backups");
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new DomainException(e, "package.error.emergencyFolder", folder, e.getMessage());
        }
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(java.time.ZoneId.systemDefault())
                .format(Instant.now(store.clock()));
        Path out = folder.resolve("emergency-" + stamp + "-" + Ids.newId().substring(0, 8) + ".tzpkg");
        return Optional.of(export(out, new ExportRequest(store.hubDeviceId().orElseThrow(), false, null), progress));
    }

    /** What one import did. */
    public record Imported(
            Manifest manifest,
            Store.ApplyResult applied,
            int filesStored,
            boolean duplicate,
            boolean identityRenewed,
            boolean prerequisitesMet,
            boolean senderBehind,
            Switched switched) {
        /** Nothing new: the same package (or one whose changes were all here) again. */
        public boolean nothingNew() {
            return duplicate || applied.created() + applied.updated() + applied.historyAdded() == 0;
        }
    }

    /**
     * Verifies a package, stores its attachment files (checked by their SHA-256), then applies its changes whole in
     * one transaction, noting the sender's knowledge and the package in the same transaction. A refused package
     * ({@code package.error.*}, {@code store.*}) changes nothing but its line in the history. The same package
     * again changes nothing and says so.
     */
    public Imported importPackage(Path file, char[] passphrase, Progress progress) {
        return importPackage(file, passphrase, ImportOptions.NORMAL, progress);
    }

    /** A laptop that switched to another hub: the backup of what it held, and its emergency package if it wrote one. */
    public record Switched(Path backup, Exported emergency) {}

    /**
     * {@link #importPackage(Path, char[], Progress)}, with another hub's preparation accepted when {@code options}
     * say to switch: this laptop's records are then replaced by the preparation's (never mixed), after its
     * unacknowledged changes went into an emergency package and the database into a backup.
     */
    public Imported importPackage(Path file, char[] passphrase, ImportOptions options, Progress progress) {
        progress.update(0, 3, "package.progress.checking");
        Verified v;
        try {
            v = verify(file, passphrase, options.switchHub());
        } catch (DomainException e) {
            exchange.rejected(null, null, file.toString(), e.messageKey());
            throw e;
        }
        Manifest m = v.manifest();
        try (v) {
            if (fromAnotherHub(m)) {
                return switchTo(file, v, options, progress);
            }
            return apply(file, v, progress);
        } catch (DomainException e) {
            exchange.rejected(m, m.packageId(), file.toString(), e.messageKey());
            throw e;
        }
    }

    /**
     * A package a clerk chose to import that was refused before it could be applied (the window previews first, and
     * applies only the packages it accepted): its line in the history, with the reason, as {@link #importPackage}
     * writes for a package it refuses. Nothing else is written.
     */
    public void refused(Path file, DomainException reason) {
        exchange.rejected(null, null, file.toString(), reason.messageKey());
    }

    private Imported apply(Path file, Verified v, Progress progress) {
        Manifest m = v.manifest();
        if (m.sourceDevice().equals(store.deviceId())) {
            throw new DomainException("package.error.ownPackage", file);
        }
        String contentSha = m.sha256().get(CHANGES);
        Optional<String> held = exchange.appliedContent(m.packageId());
        if (held.isPresent()) {
            if (!held.get().equals(contentSha)) {
                throw new DomainException("package.error.idReused", file);
            }
            return new Imported(m, new Store.ApplyResult(0, 0, 0, 0, 0, false), 0, true, false, true, false, null);
        }
        // the sender holds fewer of its own changes than reached this device before: it was restored from an older
        // copy; what it lacks is sent again (its knowledge as told now), and it takes a new id when it hears back
        boolean senderBehind =
                m.knowledge().counter(m.sourceDevice()) < store.knowledge().counter(m.sourceDevice());
        // another device holds changes of this one above its clock: this database is an older copy of itself
        boolean renewed = m.knowledge().counter(store.deviceId()) > store.clockCounter();
        if (renewed) {
            store.renewIdentity("a package of " + m.sourceDevice() + " holds this device's changes up to "
                    + m.knowledge().counter(store.deviceId()) + ", above its clock " + store.clockCounter()
                    + ": the database was restored from an older copy");
        }
        progress.checkCancelled();
        store.backupBeforeImport();
        progress.update(1, 3, "package.progress.files");
        // the files first: content-addressed, so one stored before a refused apply harms nothing
        storeFiles(v.files(), progress);
        progress.checkCancelled();
        progress.update(2, 3, "package.progress.applying");
        // a preparation holds a part of the hub's records: it raises no knowledge
        VersionVector learned = m.kind() == Manifest.Kind.CHANGES ? m.knowledge() : VersionVector.EMPTY;
        Store.ApplyResult result = store.applyChanges(
                v.changes(),
                new Store.Receipt(
                        m.prerequisites(), learned, exchange.received(m, file.toString(), contentSha, "applied")));
        if (m.kind() == Manifest.Kind.PREPARATION) {
            if (m.targetName() != null) {
                store.setDeviceName(m.targetName());
            }
            exchange.ownKey(); // now, so that the first backup of the laptop holds the key the hub will write to
        }
        progress.update(3, 3, "package.progress.done");
        return new Imported(m, result, v.files().size(), false, renewed, v.prerequisitesMet(), senderBehind, null);
    }

    /**
     * This laptop becomes a field device of another committee's hub: what its own hub has not acknowledged leaves
     * first (an emergency package in backups/), then a backup of the database, then its records are replaced by the
     * preparation's in one transaction (Store#replaceWith), under a new device id.
     */
    private Imported switchTo(Path file, Verified v, ImportOptions options, Progress progress) {
        Manifest m = v.manifest();
        checkSwitch(m, file, options);
        if (exchange.appliedContent(m.packageId()).isPresent()) {
            throw new DomainException("package.error.idReused", file);
        }
        Exported emergency = emergencyPackage(Progress.NONE).orElse(null);
        progress.checkCancelled();
        Path backup = store.backup("before-switching-hub");
        progress.update(1, 3, "package.progress.files");
        storeFiles(v.files(), progress);
        progress.checkCancelled();
        progress.update(2, 3, "package.progress.applying");
        String contentSha = m.sha256().get(CHANGES);
        Store.ApplyResult result = store.replaceWith(
                v.changes(),
                new Store.Receipt(
                        m.prerequisites(),
                        VersionVector.EMPTY,
                        exchange.received(m, file.toString(), contentSha, "applied")),
                "switched to the hub " + m.sourceDevice() + " (another committee) from " + file);
        if (m.targetName() != null) {
            store.setDeviceName(m.targetName());
        }
        exchange.ownKey();
        progress.update(3, 3, "package.progress.done");
        return new Imported(m, result, v.files().size(), false, true, true, false, new Switched(backup, emergency));
    }

    /**
     * Stores the staged files, several at a time: each is forced to disk before the records that name it commit,
     * and a disk does that faster for several files at once than one after another (500 photos: 500 syncs).
     */
    private void storeFiles(Map<String, Path> files, Progress progress) {
        if (files.isEmpty()) {
            return;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.min(8, files.size()),
                Thread.ofPlatform().daemon().name("package-files-", 0).factory());
        try {
            List<java.util.concurrent.Future<?>> stored = new java.util.ArrayList<>();
            files.forEach((id, staged) -> stored.add(pool.submit(() -> attachments.storeReceived(id, staged))));
            for (java.util.concurrent.Future<?> f : stored) {
                progress.checkCancelled();
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.util.concurrent.CancellationException("interrupted");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- what the window and `device show` say

    /** A device this one exchanges with: its name and role, when it was last heard from, what was last sent. */
    public record Device(
            String deviceId,
            String name,
            String role,
            Instant heardAt,
            Instant receivedAt,
            Instant sentAt,
            boolean keyKnown,
            Long daysSilent) {}

    public List<Device> devices() {
        Instant now = Instant.now(store.clock());
        return exchange.peers().stream()
                .map(p -> new Device(
                        p.deviceId(),
                        p.name(),
                        p.role(),
                        instant(p.heardAt()),
                        instant(p.receivedAt()),
                        instant(p.sentAt()),
                        p.publicKey() != null,
                        p.receivedAt() == null
                                ? null
                                : Duration.between(instant(p.receivedAt()), now).toDays()))
                .toList();
    }

    /**
     * This device's own changes the hub has not acknowledged: how many and since when (a laptop never says 已同步
     * while any is left); {@code notExported} of them were never written into a package for the hub.
     */
    public record Unacknowledged(int count, Instant since, int notExported) {
        public boolean none() {
            return count == 0;
        }
    }

    public Unacknowledged unacknowledged() {
        Optional<String> hub = store.hubDeviceId();
        if (store.isHub() || hub.isEmpty()) {
            return new Unacknowledged(0, null, 0);
        }
        Optional<ExchangeStore.Peer> peer = exchange.peer(hub.get());
        long acknowledged =
                peer.map(p -> p.knowledge().counter(store.deviceId())).orElse(0L);
        long exported = peer.map(ExchangeStore.Peer::sentCounter).orElse(0L);
        ExchangeStore.Unsent all = exchange.ownChangesAbove(acknowledged);
        ExchangeStore.Unsent unsent = exchange.ownChangesAbove(Math.max(acknowledged, exported));
        return new Unacknowledged(all.count(), instant(all.since()), unsent.count());
    }

    /** One line of the history of packages sent and received, the newest first. */
    public record LogLine(
            String packageId,
            boolean received,
            String kind,
            String peer,
            Instant createdAt,
            Instant at,
            String file,
            int records,
            int history,
            int files,
            String outcome,
            String detail) {}

    public List<LogLine> history(int limit) {
        return exchange.log(limit).stream()
                .map(e -> new LogLine(
                        e.packageId(),
                        e.direction().equals("in"),
                        e.kind(),
                        e.peerName() == null ? e.peerDevice() : e.peerName(),
                        instant(e.createdAt()),
                        instant(e.loggedAt()),
                        e.file(),
                        e.records(),
                        e.history(),
                        e.files(),
                        e.outcome(),
                        e.detail()))
                .toList();
    }

    /**
     * A record as a clerk knows it, for 待处理's lists: a unit's, organization's or round's name, a finding's number or
     * description; the id itself when the record has no such name.
     */
    public String recordLabel(String entity, String id) {
        return exchange.label(entity, id).orElse(id);
    }

    /** This device's public key's fingerprint, for a clerk comparing two screens; empty before it has a key. */
    public String keyFingerprint() {
        // read only: showing the page or the 工作台 must not write (a read-only database refuses any write); the key
        // is made when a package first needs it (an export, or the import of a preparation)
        List<KeyPair> keys = exchange.ownKeys();
        return keys.isEmpty()
                ? ""
                : DeviceKeys.fingerprintHex(keys.getFirst().getPublic()).substring(0, 16);
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static int schemaNumber(String version) {
        try {
            return Integer.parseInt(version.strip());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE; // unreadable: treated as newer, refused
        }
    }

    private static String programVersion() {
        String v = ExchangeService.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
