package org.taizhang.cli;

import java.util.concurrent.Callable;
import org.taizhang.core.store.Store;
import org.taizhang.inspection.FindingService;
import org.taizhang.organization.RegistryService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code taizhang settings committee [NAME]}: the installation's settings the window asks at first start, for an
 * installation set up from the command line. The 填报单位 names every table and signs every document (发文机关).
 */
@Command(
        name = "settings",
        description = "本机设置。 This installation's settings.",
        subcommands = {SettingsCommand.Committee.class})
final class SettingsCommand {
    @ParentCommand
    TaizhangCommand parent;

    @Command(
            name = "committee",
            description = "填报单位（报表的填报单位、公文的发文机关）：不带名称时显示，带名称时设置（管理员）。"
                    + " The reporting committee: shown without NAME, set with it (administrators only).")
    static final class Committee implements Callable<Integer> {
        @ParentCommand
        SettingsCommand settings;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "NAME", description = "填报单位全称。 The committee's full name.")
        String name;

        @Override
        public Integer call() {
            var m = settings.parent.messages;
            try (Store store = settings.parent.openStore()) {
                FindingService findings = new FindingService(store, new RegistryService(store));
                if (name != null) {
                    findings.saveCommittee(name);
                }
                String now = findings.committee();
                spec.commandLine()
                        .getOut()
                        .println(
                                now.isEmpty()
                                        ? m.get("cli.settings.noCommittee")
                                        : m.get("cli.settings.committee", now));
                return ExitCodes.OK;
            }
        }
    }
}
