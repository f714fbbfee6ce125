package org.taizhang.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.taizhang.core.DomainException;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.exchange.ExchangeService;
import org.taizhang.exchange.files.PackageFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code taizhang package export|import|verify}: 数据交换 packages on a USB stick (issue 17). Exit 3 when any package
 * of an import is rejected (the others still import).
 */
@Command(
        name = "package",
        description = "数据交换包（U盘）：导出、导入、校验。 Exchange packages: export, import, verify.",
        subcommands = {
            PackageCommand.Export.class,
            PackageCommand.PrepareField.class,
            PackageCommand.Import.class,
            PackageCommand.Verify.class
        })
final class PackageCommand {
    @ParentCommand
    TaizhangCommand root;

    /** A passphrase file or no encryption; neither: encrypted to the receiver's key (a laptop's packages to its hub). */
    static final class Protection {
        @Option(
                names = "--passphrase-file",
                paramLabel = "FILE",
                description = "口令文件（第一行为口令）。 A file whose first line is the passphrase.")
        Path passphraseFile;

        @Option(names = "--no-encryption", description = "不加密（明确选择）。 No encryption (an explicit choice).")
        boolean none;
    }

    static char[] passphrase(Path file) {
        if (file == null) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String first = lines.isEmpty() ? "" : lines.getFirst().strip();
            if (first.isEmpty()) {
                throw new DomainException("cli.package.emptyPassphrase", file);
            }
            return first.toCharArray();
        } catch (IOException e) {
            throw new DomainException(e, "cli.package.passphraseUnreadable", file);
        }
    }

    @Command(name = "export", description = "把本机的数据导出为一个数据包。 Write this database's records as one package.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        PackageCommand parent;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "输出文件。 Output file.")
        Path out;

        @Option(
                names = "--to",
                paramLabel = "DEVICE",
                description = "接收设备的标识或名称（外业机默认发给汇总机）。 The receiving device's id or name (a field laptop: its hub).")
        String to;

        @Option(
                names = "--all",
                description = "导出全部数据，而不只是对方尚未确认收到的。 Everything, not only what the receiver has not acknowledged.")
        boolean all;

        @ArgGroup(exclusive = true)
        Protection protection;

        @Override
        public Integer call() {
            Messages m = parent.root.messages;
            PackageFile.Protection p = protection(protection);
            try (Store store = parent.root.openStore()) {
                ExchangeService.Exported e;
                try {
                    e = new ExchangeService(store)
                            .export(out, new ExchangeService.ExportRequest(to, all, p), Progress.NONE);
                } catch (DomainException refused) {
                    if (refused.messageKey().equals("package.error.noReceiver")
                            || refused.messageKey().equals("package.error.noKey")) {
                        // the window offers the choices; here they are options
                        throw new DomainException("cli.package.keyUnknown", m.describe(refused));
                    }
                    throw refused;
                }
                var o = spec.commandLine().getOut();
                o.println(m.get(
                        "cli.package.exported",
                        out.toAbsolutePath(),
                        e.records(),
                        e.history(),
                        e.attachments(),
                        e.toKey()
                                ? m.get("cli.package.encryptedTo", e.target() == null ? "-" : e.target())
                                : p != null && p.encrypted()
                                        ? m.get("cli.package.encrypted")
                                        : m.get("cli.package.notEncrypted")));
                if (!all) {
                    o.println(m.get("cli.package.exportedAck"));
                }
                if (e.missing() > 0) {
                    spec.commandLine().getErr().println(m.get("cli.package.filesMissing", e.missing()));
                }
                return ExitCodes.OK;
            }
        }
    }

    /** Null when neither option was given: the package is then encrypted to the receiver's key. */
    static PackageFile.Protection protection(Protection protection) {
        if (protection == null) {
            return null;
        }
        return protection.none
                ? PackageFile.Protection.none()
                : new PackageFile.Protection(passphrase(protection.passphraseFile));
    }

    @Command(
            name = "prepare-field",
            description =
                    "（汇总机）为一台外业机写准备包：组织台账、共同体、已发布的测评表、督查安排和问题类别。" + " (Hub) Write the preparation of a field laptop.")
    static final class PrepareField implements Callable<Integer> {
        @ParentCommand
        PackageCommand parent;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "外业机名称。 The laptop's name.")
        String name;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "输出文件。 Output file.")
        Path out;

        @ArgGroup(exclusive = true)
        Protection protection;

        @Override
        public Integer call() {
            Messages m = parent.root.messages;
            if (protection == null) {
                throw new DomainException("cli.package.chooseProtection");
            }
            PackageFile.Protection p = protection(protection);
            try (Store store = parent.root.openStore()) {
                ExchangeService.Exported e = new ExchangeService(store).prepareField(name, out, p, Progress.NONE);
                spec.commandLine()
                        .getOut()
                        .println(m.get(
                                "cli.package.prepared",
                                name.strip(),
                                out.toAbsolutePath(),
                                e.records(),
                                p.encrypted() ? m.get("cli.package.encrypted") : m.get("cli.package.notEncrypted")));
                return ExitCodes.OK;
            }
        }
    }

    @Command(
            name = "import",
            description = "导入一个或多个数据包；被拒绝的包不改动任何数据，其余照常导入（有拒绝时退出码 3）。"
                    + " Import packages; a rejected one changes nothing, the others still import (exit 3 then).")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        PackageCommand parent;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "数据包文件。 Package files.")
        List<Path> files;

        @Option(names = "--passphrase-file", paramLabel = "FILE", description = "口令文件。 The passphrase file.")
        Path passphraseFile;

        @Option(
                names = "--switch-hub",
                description = "本机改归另一台汇总机：导入它的准备包，本机现有数据先备份再被替换。"
                        + " Switch this laptop to another hub: import its preparation; what is held now is backed up,"
                        + " then replaced.")
        boolean switchHub;

        @Option(
                names = "--force",
                description = "与 --switch-hub 同用：原汇总机尚未确认的修改先写成应急数据包（backups 文件夹），再改归。"
                        + " With --switch-hub: switch although the former hub has not acknowledged every change (they"
                        + " are written to an emergency package in backups/ first).")
        boolean force;

        @Override
        public Integer call() {
            Messages m = parent.root.messages;
            char[] passphrase = passphrase(passphraseFile);
            var options = new ExchangeService.ImportOptions(switchHub, force);
            int rejected = 0;
            try (Store store = parent.root.openStore()) {
                ExchangeService exchange = new ExchangeService(store);
                var out = spec.commandLine().getOut();
                var err = spec.commandLine().getErr();
                for (Path file : files) {
                    try {
                        ExchangeService.Imported i = exchange.importPackage(file, passphrase, options, Progress.NONE);
                        String from = i.manifest().sourceName() == null
                                ? i.manifest().sourceDevice()
                                : i.manifest().sourceName();
                        if (i.duplicate()) {
                            out.println(m.get("cli.package.duplicate", file, from));
                            continue;
                        }
                        if (i.switched() != null) {
                            if (i.switched().emergency() != null) {
                                out.println(m.get(
                                        "cli.package.emergency",
                                        i.switched().emergency().records(),
                                        i.switched().emergency().file()));
                            }
                            out.println(m.get(
                                    "cli.package.switched",
                                    file,
                                    from,
                                    i.switched().backup()));
                        }
                        out.println(
                                i.nothingNew()
                                        ? m.get("cli.package.nothingNew", file, from)
                                        : m.get(
                                                "cli.package.imported",
                                                file,
                                                from,
                                                i.applied().created(),
                                                i.applied().updated(),
                                                i.applied().historyAdded(),
                                                i.filesStored()));
                        if (i.applied().breaches() > 0) {
                            out.println(
                                    m.get("cli.package.breaches", i.applied().breaches()));
                        }
                        if (!i.prerequisitesMet()) {
                            out.println(m.get("cli.package.prerequisitesMissing", file));
                        }
                        if (i.identityRenewed() && i.switched() == null) {
                            out.println(m.get("cli.package.identityRenewed"));
                        }
                        if (i.senderBehind()) {
                            out.println(m.get("cli.package.senderBehind", from));
                        }
                    } catch (DomainException e) {
                        rejected++;
                        err.println(m.get("cli.package.rejected", file, m.describe(e)));
                        if (e.messageKey().equals("package.error.otherHub") && !switchHub) {
                            err.println(m.get("cli.package.switchHint"));
                        }
                    }
                }
                out.flush();
                err.flush();
            }
            return rejected > 0 ? ExitCodes.IMPORT_REJECTED : ExitCodes.OK;
        }
    }

    @Command(name = "verify", description = "只校验数据包，不写入任何数据。 Check a package without writing anything.")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        PackageCommand parent;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "1", paramLabel = "FILE", description = "数据包文件。 The package file.")
        Path file;

        @Option(names = "--passphrase-file", paramLabel = "FILE", description = "口令文件。 The passphrase file.")
        Path passphraseFile;

        @Override
        public Integer call() {
            Messages m = parent.root.messages;
            try (Store store = parent.root.openStore()) {
                try (ExchangeService.Verified v = new ExchangeService(store).verify(file, passphrase(passphraseFile))) {
                    spec.commandLine()
                            .getOut()
                            .println(m.get(
                                    "cli.package.verified",
                                    file,
                                    v.manifest().sourceName(),
                                    Shown.minutes(v.manifest().createdAt()),
                                    v.changes().records().size(),
                                    v.changes().history().size(),
                                    v.files().size()));
                    spec.commandLine()
                            .getOut()
                            .println(m.get(
                                    "cli.package.verifiedPrerequisites",
                                    v.prerequisitesMet() ? m.get("cli.package.yes") : m.get("cli.package.no")));
                    return ExitCodes.OK;
                }
            }
        }
    }
}
