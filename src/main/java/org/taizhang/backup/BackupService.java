package org.taizhang.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.taizhang.core.DomainException;
import org.taizhang.core.store.Backups;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.exchange.ExchangeService;

/**
 * 备份与恢复 (issue 22): a copy on demand (into {@code backups/} or to a file of the clerk's choosing), the copies
 * with what each holds, and a restore that loses nothing: a laptop's changes its hub has not acknowledged go first
 * into an emergency package for the hub (as before a switch of hubs), the database as it is goes into a copy, and
 * only then is the chosen copy written over it.
 */
public final class BackupService {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BackupService.class);

    private BackupService() {}

    /** One copy as the list shows it: what it holds, or why it cannot be restored. */
    public record Listed(Backups.Copy copy, Backups.Contents contents, DomainException problem) {
        public boolean restorable() {
            return problem == null;
        }
    }

    /** What a restore did: the copy of the database before it, the emergency package (if any), the device after. */
    public record Restored(
            Path before, Optional<ExchangeService.Exported> emergency, Backups.Contents contents, String deviceId) {}

    /** How many copies rotation keeps on this computer (local settings; the default 14 days, 12 months). */
    public static Backups.Policy policy(Store store) {
        return Backups.Policy.of(
                store.localSetting(Backups.KEEP_DAILY_KEY), store.localSetting(Backups.KEEP_MONTHLY_KEY));
    }

    /** Settings are the 管理员's (issue 22). */
    public static void savePolicy(Store store, Backups.Policy policy) {
        store.requireAdmin();
        store.putLocalSetting(Backups.KEEP_DAILY_KEY, Integer.toString(policy.daily()));
        store.putLocalSetting(Backups.KEEP_MONTHLY_KEY, Integer.toString(policy.monthly()));
    }

    /** A copy into {@code backups/}, asked for by hand (never rotated away), and into the second folder if set. */
    public static Path create(Store store) {
        Path copy = store.backup(Backups.MANUAL);
        mirrorToSecond(store); // an unavailable second folder is said by the status bar, never fails the copy
        return copy;
    }

    /** The second backup folder (a network share, a USB disk), if one is set (a local setting). */
    public static Optional<Path> secondFolder(Store store) {
        return store.localSetting(Backups.SECOND_FOLDER_KEY)
                .map(String::strip)
                .filter(f -> !f.isEmpty())
                .map(Path::of);
    }

    /**
     * Sets the second folder ({@code null}: none), 管理员 only. Refused: a relative path, and a folder inside the data
     * folder (a disk that fails takes both).
     */
    public static void saveSecondFolder(Store store, Path folder) {
        store.requireAdmin();
        if (folder != null) {
            if (!folder.isAbsolute()) {
                throw new DomainException("backup.error.secondRelative", folder);
            }
            Path data = store.dataFolder().toAbsolutePath().normalize();
            if (folder.toAbsolutePath().normalize().startsWith(data)) {
                throw new DomainException("backup.error.secondInsideData", folder, data);
            }
        }
        store.putLocalSetting(Backups.SECOND_FOLDER_KEY, folder == null ? "" : folder.toString());
    }

    /** What the second folder holds now, or why it could not be brought up to date. */
    public record SecondCopy(Path folder, Backups.Mirrored mirrored, DomainException problem) {}

    /**
     * Brings the second folder up to date (the newest daily copy, the copies made by hand, the attachments it lacks);
     * empty when none is set. A folder that is missing or cannot be written is no failure: it is returned, for the
     * status bar to say quietly, and the work goes on.
     */
    public static Optional<SecondCopy> mirrorToSecond(Store store) {
        Optional<Path> second = secondFolder(store);
        if (second.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SecondCopy(
                    second.get(), Backups.mirror(store.database(), second.get(), policy(store), store.clock()), null));
        } catch (DomainException e) {
            LOG.info("second backup folder: {}", e.messageKey());
            return Optional.of(new SecondCopy(second.get(), null, e));
        }
    }

    /** A copy to {@code target}; an existing file is refused, not overwritten. */
    public static Path createTo(Store store, Path target) {
        if (Files.exists(target)) {
            throw new DomainException("backup.error.exists", target);
        }
        return store.backupTo(target);
    }

    /** The copies of {@code database}, newest first, each read for what it holds. */
    public static List<Listed> list(Path database) {
        List<Listed> listed = new ArrayList<>();
        for (Backups.Copy c : Backups.list(database)) {
            try {
                listed.add(new Listed(c, Backups.inspect(c.file()), null));
            } catch (DomainException e) {
                listed.add(new Listed(c, null, e));
            }
        }
        return listed;
    }

    /** The newest copy that is whole and not newer than this program (each read until one is), if any. */
    public static Optional<Listed> newestRestorable(Path database) {
        for (Backups.Copy c : Backups.list(database)) {
            try {
                return Optional.of(new Listed(c, Backups.inspect(c.file()), null));
            } catch (DomainException e) {
                // damaged or newer: the next one
            }
        }
        return Optional.empty();
    }

    /**
     * Restores {@code copy} into {@code database}, which no program may hold open. Refused untouched when the copy
     * is no Taizhang backup, is damaged or is newer than this program.
     */
    public static Restored restore(Path database, Path copy, Clock clock, Progress progress) {
        progress.update(0, 3, "backup.progress.checking");
        Backups.Contents contents = Backups.inspect(copy);
        Optional<ExchangeService.Exported> emergency = Optional.empty();
        try (Store store = Store.open(database, clock)) {
            progress.update(1, 3, "backup.progress.emergency");
            emergency = new ExchangeService(store).emergencyPackage(progress);
        } catch (RuntimeException e) {
            if (!Store.isDamage(e, database)) {
                throw e;
            }
            // a damaged database (the usual reason for a restore) may not give its unsent changes: it is kept as
            // it is beside the copies (Backups.restore), and the restore goes on
            LOG.warn("{}: no emergency package, the database is damaged ({})", database, e.getMessage());
        }
        progress.update(2, 3, "backup.progress.restoring");
        Path before = Backups.restore(database, copy, clock);
        String deviceId;
        try (Store store = Store.open(database, clock)) { // settles the identity: a clock gone back takes a new id
            deviceId = store.deviceId();
        }
        progress.update(3, 3, "backup.progress.done");
        return new Restored(before, emergency, contents, deviceId);
    }
}
