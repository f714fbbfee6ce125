package org.taizhang.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.taizhang.core.DomainException;
import org.taizhang.core.files.CsvFiles;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.MergeBreach;
import org.taizhang.core.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code taizhang conflicts list [--format csv --out FILE]} and {@code taizhang conflicts resolve}: what the merges
 * left for a clerk — fields two devices changed concurrently, and rules across records a merge broke — and a
 * clerk's decision on a conflict, which travels like any other change.
 */
@Command(
        name = "conflicts",
        description = "待处理：合并留下的冲突和需人工核对的数据。 Conflicts and breaches waiting for a clerk.",
        subcommands = {ConflictsCommand.ListCommand.class, ConflictsCommand.Resolve.class})
final class ConflictsCommand {
    @ParentCommand
    TaizhangCommand root;

    enum Format {
        text,
        csv
    }

    @Command(name = "list", description = "列出待处理的冲突和待核对数据。 List conflicts and breaches.")
    static final class ListCommand implements Callable<Integer> {
        @ParentCommand
        ConflictsCommand parent;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--format", paramLabel = "text|csv", description = "text（默认）或 csv。 text (default) or csv.")
        Format format = Format.text;

        @Option(names = "--out", paramLabel = "FILE", description = "csv 的输出文件。 The csv file.")
        Path out;

        @Override
        public Integer call() {
            Messages m = parent.root.messages;
            if (format == Format.csv && out == null) {
                throw new DomainException("cli.conflicts.csvNeedsOut");
            }
            try (Store store = parent.root.openStore()) {
                List<List<String>> rows = new ArrayList<>();
                rows.add(List.of(
                        m.get("cli.conflicts.column.kind"),
                        m.get("cli.conflicts.column.table"),
                        m.get("cli.conflicts.column.record"),
                        m.get("cli.conflicts.column.field"),
                        m.get("cli.conflicts.column.shown"),
                        m.get("cli.conflicts.column.others")));
                for (Store.Conflict c : store.conflicts()) {
                    rows.add(List.of(
                            m.get("cli.conflicts.kind.conflict"),
                            c.entity(),
                            c.entityId(),
                            c.field(),
                            text(c.shown(), m),
                            String.join(
                                    " / ",
                                    c.others().stream().map(v -> text(v, m)).toList())));
                }
                for (MergeBreach b : store.breaches()) {
                    rows.add(List.of(
                            m.get("cli.conflicts.kind." + b.kind()), b.entity(), b.entityId(), "", b.detail(), ""));
                }
                if (format == Format.csv) {
                    CsvFiles.write(out, rows);
                    spec.commandLine()
                            .getOut()
                            .println(m.get("cli.conflicts.written", rows.size() - 1, out.toAbsolutePath()));
                } else if (rows.size() == 1) {
                    spec.commandLine().getOut().println(m.get("cli.conflicts.none"));
                } else {
                    for (List<String> r : rows.subList(1, rows.size())) {
                        spec.commandLine().getOut().println(String.join("\t", r));
                    }
                    spec.commandLine().getOut().println(m.get("cli.conflicts.count", rows.size() - 1));
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(
            name = "resolve",
            description = "对一处冲突作出决定：保留的值成为唯一的值，并随数据交换传到其他电脑。"
                    + " Decide a conflict: the value kept becomes the field's only value and travels.")
    static final class Resolve implements Callable<Integer> {
        @ParentCommand
        ConflictsCommand parent;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--table", required = true, description = "表名（见 conflicts list）。 The table.")
        String table;

        @Option(names = "--id", required = true, description = "记录标识。 The record's id.")
        String id;

        @Option(names = "--field", required = true, description = "字段名。 The field.")
        String field;

        @Option(names = "--value", description = "保留的值；不给则保留空值。 The value to keep (none: empty).")
        String value;

        @Override
        public Integer call() {
            Messages m = parent.root.messages;
            try (Store store = parent.root.openStore()) {
                store.resolve(table, id, field, value);
                spec.commandLine().getOut().println(m.get("cli.conflicts.resolved", table, id, field, text(value, m)));
                return ExitCodes.OK;
            }
        }
    }

    /** The words for a breach's kind (the keys spelled out, so the bundle check sees each used). */
    static String kindKey(String kind) {
        return switch (kind) {
            case "CYCLE" -> "cli.conflicts.kind.CYCLE";
            case "DELETED_PARENT" -> "cli.conflicts.kind.DELETED_PARENT";
            case "DANGLING" -> "cli.conflicts.kind.DANGLING";
            case "DUPLICATE_NUMBER" -> "cli.conflicts.kind.DUPLICATE_NUMBER";
            case "DUPLICATE_NAME" -> "cli.conflicts.kind.DUPLICATE_NAME";
            case "TWO_HUBS" -> "cli.conflicts.kind.TWO_HUBS";
            case "REGISTERED_OFF_HUB" -> "cli.conflicts.kind.REGISTERED_OFF_HUB";
            default -> throw new IllegalArgumentException("breach kind " + kind);
        };
    }

    static String text(Object v, Messages m) {
        return v == null
                ? m.get("cli.conflicts.empty")
                : v instanceof java.math.BigDecimal d ? d.toPlainString() : v.toString();
    }
}
