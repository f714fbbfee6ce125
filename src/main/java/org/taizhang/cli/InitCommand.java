package org.taizhang.cli;

import java.util.concurrent.Callable;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.core.store.FirstRun;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.sample.SampleFindings;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code taizhang init [--sample]}: create (or upgrade) the database; optionally load the sample registry, which
 * is refused (exit 1, nothing changed) when the registry already holds data.
 */
@Command(name = "init", description = "创建或升级数据库；--sample 载入示例数据。 Create or upgrade the database.")
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    TaizhangCommand parent;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--sample", description = "载入示例数据（江海市），仅用于空台账。 Load the sample data (into an empty registry only).")
    boolean sample;

    @Override
    public Integer call() {
        try (Store store = parent.openOrCreateStore()) {
            RegistryService registry = new RegistryService(store);
            if (sample) {
                registry.importSampleIntoEmptyRegistry(Progress.NONE);
                // the checklists' sample: the built-in templates and this year's assessments of the sample branches
                ChecklistService checklists = new ChecklistService(store, registry);
                checklists.importSample(checklists.today().getYear());
                // and the ledger's: two inspection rounds with their findings over every state
                SampleFindings.importInto(store, registry);
            }
            FirstRun.markDone(store);
            Registry r = registry.load();
            spec.commandLine()
                    .getOut()
                    .println(parent.messages.get(
                            "cli.init.done", store.database(), r.units().size(), r.organizationCount()));
            return ExitCodes.OK;
        }
    }
}
