package org.taizhang.cli;

import java.util.concurrent.Callable;
import org.taizhang.core.DomainException;
import org.taizhang.core.store.Actor;
import org.taizhang.core.store.Store;
import org.taizhang.operator.OperatorService;
import org.taizhang.operator.model.Operator;
import org.taizhang.operator.model.OperatorDraft;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code taizhang operator list|add|remove} (issue 22): who works on this installation. Adding and removing are the
 * 管理员's (with several operators: {@code --operator NAME} first); passwords are set in the window, where they are
 * typed unseen.
 */
@Command(
        name = "operator",
        description = "本机的操作员（管理员、经办人、只读）。 The operators of this installation.",
        subcommands = {OperatorCommand.ListOperators.class, OperatorCommand.Add.class, OperatorCommand.Remove.class})
final class OperatorCommand {
    @ParentCommand
    TaizhangCommand parent;

    enum Role {
        admin(Actor.Role.ADMIN),
        clerk(Actor.Role.CLERK),
        reader(Actor.Role.READER);

        final Actor.Role role;

        Role(Actor.Role role) {
            this.role = role;
        }
    }

    static String roleName(Actor.Role role, org.taizhang.core.i18n.Messages m) {
        return m.get(role.messageKey());
    }

    @Command(name = "list", description = "列出操作员、角色、是否核查人、是否设密码。 List the operators.")
    static final class ListOperators implements Callable<Integer> {
        @ParentCommand
        OperatorCommand operator;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var m = operator.parent.messages;
            var w = spec.commandLine().getOut();
            try (Store store = operator.parent.openStore()) {
                var list = new OperatorService(store).operators();
                if (list.isEmpty()) {
                    w.println(m.get("cli.operator.none", store.operator()));
                }
                for (Operator o : list) {
                    w.println(m.get(
                            "cli.operator.line",
                            o.name(),
                            roleName(o.role(), m),
                            o.verifier() ? m.get("cli.operator.verifier") : "",
                            o.hasPassword() ? m.get("cli.operator.hasPassword") : ""));
                }
                w.flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "add", description = "新增操作员（管理员）。 Add an operator (administrators only).")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        OperatorCommand operator;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "姓名。 The operator's name.")
        String name;

        @Option(
                names = "--role",
                required = true,
                description = "admin（管理员）、clerk（经办人）或 reader（只读）。 admin, clerk or reader.")
        Role role;

        @Option(names = "--verifier", description = "核查人：可以销号、退回。 May close findings (核查人).")
        boolean verifier;

        @Override
        public Integer call() {
            var m = operator.parent.messages;
            try (Store store = operator.parent.openStore()) {
                Operator added = new OperatorService(store).add(new OperatorDraft(name, role.role, verifier), null);
                spec.commandLine()
                        .getOut()
                        .println(m.get("cli.operator.added", added.name(), roleName(added.role(), m)));
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "remove", description = "删除操作员（管理员）。 Remove an operator (administrators only).")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        OperatorCommand operator;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "姓名。 The operator's name.")
        String name;

        @Override
        public Integer call() {
            var m = operator.parent.messages;
            try (Store store = operator.parent.openStore()) {
                OperatorService operators = new OperatorService(store);
                Operator found = operators.operators().stream()
                        .filter(o -> o.name().equals(name.strip()))
                        .findFirst()
                        .orElseThrow(() -> new DomainException("operator.error.missing"));
                operators.remove(found.id());
                spec.commandLine().getOut().println(m.get("cli.operator.removed", found.name()));
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            }
        }
    }
}
