package org.taizhang.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.taizhang.backup.BackupService;
import org.taizhang.core.DomainException;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Backups;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code taizhang backup create [--out FILE]}, {@code backup list} and {@code backup restore FILE} (issue 22): the
 * database's consistent copies, what each holds, and a restore that first copies what it replaces.
 */
@Command(
        name = "backup",
        description = "数据库备份：创建、列出、恢复。 Backups of the database: create, list, restore.",
        subcommands = {BackupCommand.Create.class, BackupCommand.ListCopies.class, BackupCommand.Restore.class})
final class BackupCommand {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @ParentCommand
    TaizhangCommand parent;

    @Command(name = "create", description = "立即备份（默认写入数据目录的 backups 文件夹）。 Back up now.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        BackupCommand backup;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--out",
                paramLabel = "FILE",
                description = "备份写到此文件（不能是已有文件）。 Write the copy to this file (not an existing one).")
        Path out;

        @Override
        public Integer call() throws Exception {
            var m = backup.parent.messages;
            try (Store store = backup.parent.openStore()) {
                Path copy = out == null ? BackupService.create(store) : BackupService.createTo(store, out);
                var w = spec.commandLine().getOut();
                w.println(m.get("cli.backup.created", copy, megabytes(Files.size(copy))));
                w.println(counts(m, Backups.inspect(copy)));
                w.flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "list", description = "列出备份及其时间、大小和记录数。 List the backups with their time, size and counts.")
    static final class ListCopies implements Callable<Integer> {
        @ParentCommand
        BackupCommand backup;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var m = backup.parent.messages;
            Path database = backup.parent.databaseOrDefault();
            // the list reads the folder and the copies only: it opens no database (and so writes no daily copy)
            List<BackupService.Listed> copies = BackupService.list(database);
            var w = spec.commandLine().getOut();
            if (copies.isEmpty()) {
                w.println(m.get("cli.backup.none", Backups.folder(database)));
            } else {
                w.println(m.get("cli.backup.header", Backups.folder(database)));
                for (BackupService.Listed l : copies) {
                    w.println(String.join(
                            "\t",
                            SHOWN.format(l.copy().taken()),
                            reason(m, l.copy().plainReason()),
                            megabytes(l.copy().bytes()),
                            l.restorable()
                                    ? counts(m, l.contents())
                                    : m.get("cli.backup.notRestorable", m.describe(l.problem())),
                            l.copy().file().getFileName().toString()));
                }
            }
            w.flush();
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "restore",
            description = "从备份恢复；恢复前的数据库先另存一份。 Restore a backup; the database as it is is copied first.")
    static final class Restore implements Callable<Integer> {
        @ParentCommand
        BackupCommand backup;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "备份文件（见 taizhang backup list）。 The backup file.")
        Path file;

        @Override
        public Integer call() {
            var m = backup.parent.messages;
            Path database = backup.parent.databaseOrDefault();
            Path copy = file;
            if (!copy.isAbsolute() && Files.notExists(copy)) {
                copy = Backups.folder(database).resolve(file); // a name as `backup list` shows it
            }
            requireAdmin(backup.parent, database);
            BackupService.Restored r = BackupService.restore(database, copy, Clock.systemUTC(), Progress.NONE);
            var w = spec.commandLine().getOut();
            w.println(m.get("cli.backup.restored", copy, counts(m, r.contents())));
            w.println(m.get("cli.backup.before", r.before()));
            r.emergency().ifPresent(e -> w.println(m.get("cli.backup.emergency", e.records(), e.file())));
            w.println(m.get("cli.device.id", r.deviceId()));
            w.flush();
            return ExitCodes.OK;
        }
    }

    /**
     * A restore is the 管理员's (issue 22): asked of the database as it opens (with --operator when there are several
     * operators). A damaged database cannot say who may restore it: the restore is then its way back for anyone.
     */
    static void requireAdmin(TaizhangCommand root, Path database) {
        if (Files.notExists(database)) {
            return;
        }
        try (Store store = root.openStore()) {
            store.requireAdmin();
        } catch (DomainException e) {
            if (!Store.isDamage(e, database)) {
                throw e;
            }
        }
    }

    static String counts(Messages m, Backups.Contents c) {
        return m.get(
                "cli.backup.counts",
                c.counts().getOrDefault("unit", 0),
                c.counts().getOrDefault("organization", 0),
                c.counts().getOrDefault("assessment", 0),
                c.counts().getOrDefault("finding", 0),
                c.counts().getOrDefault("attachment", 0));
    }

    /** {@code plain}: {@link Backups.Copy#plainReason}. */
    static String reason(Messages m, String plain) {
        if (plain.startsWith("before-v")) {
            return m.get("backup.reason.upgrade", plain.substring("before-v".length()));
        }
        return switch (plain) {
            case Backups.DAILY -> m.get("backup.reason.daily");
            case Backups.MANUAL -> m.get("backup.reason.manual");
            case Backups.BEFORE_RESTORE -> m.get("backup.reason.beforeRestore");
            case Backups.BEFORE_IMPORT -> m.get("backup.reason.beforeImport");
            case "before-switching-hub" -> m.get("backup.reason.beforeSwitchingHub");
            case "damaged" -> m.get("backup.reason.damaged");
            default -> plain;
        };
    }

    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
