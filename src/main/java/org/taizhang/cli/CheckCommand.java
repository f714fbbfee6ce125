package org.taizhang.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.taizhang.backup.IntegrityCheck;
import org.taizhang.backup.model.Problem;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code taizhang check} (issue 22): what {@link IntegrityCheck} finds, one Chinese line each; exit 0 when the
 * database is sound, 1 when not.
 */
@Command(
        name = "check",
        description =
                "检查数据库是否完好（页面、引用、附件、留痕、挂号编号）；完好时退出码 0，否则 1。" + " Check the database; exit 0 when sound, 1 when not.")
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    TaizhangCommand parent;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    static String key(Problem.Kind kind) {
        return switch (kind) {
            case DAMAGED -> "check.problem.DAMAGED";
            case FOREIGN_KEY -> "check.problem.FOREIGN_KEY";
            case ATTACHMENT_MISSING -> "check.problem.ATTACHMENT_MISSING";
            case ATTACHMENT_CHANGED -> "check.problem.ATTACHMENT_CHANGED";
            case NO_CREATE_ENTRY -> "check.problem.NO_CREATE_ENTRY";
            case REVISION_WITHOUT_HISTORY -> "check.problem.REVISION_WITHOUT_HISTORY";
            case HISTORY_WITHOUT_RECORD -> "check.problem.HISTORY_WITHOUT_RECORD";
            case HISTORY_NAME -> "check.problem.HISTORY_NAME";
            case DUPLICATE_NUMBER -> "check.problem.DUPLICATE_NUMBER";
        };
    }

    @Override
    public Integer call() {
        var m = parent.messages;
        try (Store store = parent.openStore()) {
            List<Problem> problems = new IntegrityCheck(store).run(Progress.NONE);
            var out = spec.commandLine().getOut();
            if (problems.isEmpty()) {
                out.println(m.get("cli.check.sound", store.database()));
                out.flush();
                return ExitCodes.OK;
            }
            for (Problem p : problems) {
                out.println(m.get(key(p.kind()), p.where(), p.detail()));
            }
            out.println(m.get("cli.check.found", problems.size(), store.database()));
            out.flush();
            return ExitCodes.ERROR;
        }
    }
}
