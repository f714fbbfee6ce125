package org.taizhang.exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.taizhang.core.DomainException;
import org.taizhang.core.Ids;
import org.taizhang.core.attachment.AttachmentStore;
import org.taizhang.core.store.ChangeSet;
import org.taizhang.core.store.RecordState;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.exchange.files.ChangeSetCodec;
import org.taizhang.exchange.files.PackageFile;

/**
 * 数据交换's use cases, shared by the window and the command line: a package of this database's changes written to
 * a file (a USB stick), and received packages checked and applied — each whole, in one transaction, after its
 * attachment files are stored and checked. Applying the same package again changes nothing; any order of packages
 * gives the same records (decisions/0006).
 *
 * <p>Not yet (issue 17): packages encrypted to the hub's or a laptop's key without a passphrase, acknowledgements
 * (so a package carries what the receiver lacks, not everything), preparing a field laptop, the device list, the
 * 数据交换 page.
 */
public final class ExchangeService {
    static final String CHANGES = "changes";
    static final String MANIFEST = "manifest";
    static final String ATTACHMENT_PREFIX = "attachment/";

    private final Store store;
    private final AttachmentStore attachments;

    public ExchangeService(Store store) {
        this.store = store;
        this.attachments = new AttachmentStore(store);
    }

    /** What an export wrote: records, history entries and attachment files; files this device lacks itself. */
    public record Exported(Path file, String packageId, int records, int history, int attachments, int missing) {}

    /**
     * Writes every record of this database, with its history and the attachment files the records name, as one
     * package. A receiver that holds some of it already is not harmed: the merge skips what it holds.
     */
    public Exported export(Path out, PackageFile.Protection protection, Progress progress) {
        progress.update(0, 3, "package.progress.reading");
        ChangeSet set = store.exportChanges(r -> true);
        progress.checkCancelled();
        Map<String, byte[]> files = new LinkedHashMap<>();
        int missing = 0;
        for (RecordState r : set.records()) {
            if (r.table().equals("attachment") && !r.deleted()) {
                if (attachments.verify(r.id())) {
                    try {
                        files.put(ATTACHMENT_PREFIX + r.id(), Files.readAllBytes(attachments.file(r.id())));
                    } catch (java.io.IOException e) {
                        missing++;
                    }
                } else {
                    missing++; // noted in the manifest's counts: the receiver learns the file never came
                }
            }
        }
        progress.update(1, 3, "package.progress.writing");
        byte[] changes = ChangeSetCodec.encode(set);
        Map<String, String> sums = new LinkedHashMap<>();
        sums.put(CHANGES, PackageFile.sha256Hex(changes));
        files.forEach((name, bytes) -> sums.put(name, PackageFile.sha256Hex(bytes)));
        Map<String, Integer> counts = new HashMap<>();
        set.records().forEach(r -> counts.merge(r.table(), 1, Integer::sum));
        counts.put("history", set.history().size());
        counts.put("attachment-files-missing", missing);
        String id = Ids.newId();
        Manifest manifest = new Manifest(
                PackageFile.FORMAT,
                id,
                store.deviceId(),
                store.deviceName(),
                store.isHub(),
                store.hubDeviceId().orElse(null),
                null,
                java.time.Instant.now(store.clock()).toString(),
                programVersion(),
                Store.schemaVersion(),
                counts,
                sums);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(MANIFEST, manifest.encode());
        entries.put(CHANGES, changes);
        entries.putAll(files);
        progress.checkCancelled();
        PackageFile.write(out, entries, protection);
        progress.update(3, 3, "package.progress.done");
        return new Exported(out, id, set.records().size(), set.history().size(), files.size(), missing);
    }

    /** A package read and checked, nothing written. */
    public record Verified(Manifest manifest, ChangeSet changes, Map<String, byte[]> files) {}

    /**
     * Reads a package and checks everything that can be checked without writing: protection, every entry's
     * SHA-256 against the manifest, the schema (a newer program's package: 先升级本程序), the changes' format.
     */
    public Verified verify(Path file, char[] passphrase) {
        Map<String, byte[]> entries = PackageFile.read(file, passphrase);
        Manifest m = Manifest.decode(entries.get(MANIFEST), file);
        if (m.format() > PackageFile.FORMAT) {
            throw new DomainException("package.error.newerFormat", file, m.format());
        }
        if (schemaNumber(m.schema()) > schemaNumber(Store.schemaVersion())) {
            throw new DomainException("package.error.newerProgram", file, m.program());
        }
        if (!entries.containsKey(CHANGES)) {
            throw new DomainException("package.error.damaged", file);
        }
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (e.getKey().equals(MANIFEST)) {
                continue;
            }
            String expected = m.sha256().get(e.getKey());
            if (expected == null || !expected.equals(PackageFile.sha256Hex(e.getValue()))) {
                throw new DomainException("package.error.checksum", file, e.getKey());
            }
            if (e.getKey().startsWith(ATTACHMENT_PREFIX)
                    && !e.getKey().substring(ATTACHMENT_PREFIX.length()).equals(expected)) {
                throw new DomainException("package.error.checksum", file, e.getKey());
            }
        }
        if (m.sha256().size() != entries.size() - 1) {
            throw new DomainException("package.error.damaged", file);
        }
        ChangeSet changes = ChangeSetCodec.decode(entries.get(CHANGES), file);
        Map<String, byte[]> files = new LinkedHashMap<>();
        entries.forEach((name, bytes) -> {
            if (name.startsWith(ATTACHMENT_PREFIX)) {
                files.put(name.substring(ATTACHMENT_PREFIX.length()), bytes);
            }
        });
        return new Verified(m, changes, files);
    }

    /** What one import did. */
    public record Imported(Manifest manifest, Store.ApplyResult applied, int filesStored) {
        /** Nothing new: the same package (or one whose changes were all here) again. */
        public boolean nothingNew() {
            return applied.created() + applied.updated() + applied.historyAdded() == 0;
        }
    }

    /**
     * Verifies a package, stores its attachment files (checked by their SHA-256), then applies its changes whole in
     * one transaction. A refused package ({@code package.error.*}, {@code store.*}) changes nothing.
     */
    public Imported importPackage(Path file, char[] passphrase, Progress progress) {
        progress.update(0, 3, "package.progress.checking");
        Verified v = verify(file, passphrase);
        if (v.manifest().sourceDevice().equals(store.deviceId())) {
            throw new DomainException("package.error.ownPackage", file);
        }
        progress.checkCancelled();
        progress.update(1, 3, "package.progress.files");
        // the files first: content-addressed, so one stored before a refused apply harms nothing
        v.files().forEach(attachments::storeReceived);
        progress.checkCancelled();
        progress.update(2, 3, "package.progress.applying");
        Store.ApplyResult result = store.applyChanges(v.changes());
        progress.update(3, 3, "package.progress.done");
        return new Imported(v.manifest(), result, v.files().size());
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
