package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code taizhang operator list|add|remove} and {@code --operator} (issue 22): with several operators nothing is
 * changed until one is named, a clerk cannot manage operators, and the history names who did what.
 */
class OperatorCommandsTest {
    @TempDir
    Path dir;

    private CliRun cli;

    private int run(Object... args) {
        cli = new CliRun();
        return cli.run(args);
    }

    @Test
    void operatorsAreListedAddedNamedAndRemoved() {
        Path db = dir.resolve("taizhang.db");
        assertThat(run("--db", db, "init")).isZero();
        assertThat(run("--db", db, "operator", "list")).isZero();
        assertThat(cli.out.toString()).contains("尚未设操作员");

        assertThat(run("--db", db, "operator", "add", "李四", "--role", "clerk", "--verifier"))
                .isZero();
        assertThat(cli.out.toString()).contains("已新增操作员“李四”（经办人）");
        assertThat(run("--db", db, "operator", "list")).isZero();
        assertThat(cli.out.toString()).contains("李四\t经办人\t核查人").contains("\t管理员\t");

        // two operators: nobody is chosen, so nothing is changed
        assertThat(run("--db", db, "device", "init", "--name", "外业一号", "--role", "field"))
                .isEqualTo(ExitCodes.ERROR);
        assertThat(cli.err.toString()).contains("还没有选定是谁在操作").contains("--operator");
        assertThat(run("--db", db, "--operator", "无此人", "operator", "list")).isEqualTo(ExitCodes.ERROR);
        assertThat(cli.err.toString()).contains("姓名或密码不对");
        // which computer is the hub is the 管理员's; a clerk works, but does not manage operators
        assertThat(run("--db", db, "--operator", "李四", "device", "init", "--name", "外业一号", "--role", "field"))
                .isEqualTo(ExitCodes.ERROR);
        assertThat(cli.err.toString()).contains("只有管理员");
        assertThat(run("--db", db, "--operator", "李四", "operator", "add", "赵五", "--role", "reader"))
                .isEqualTo(ExitCodes.ERROR);
        assertThat(cli.err.toString()).contains("只有管理员");
        assertThat(run("--db", db, "--operator", "李四", "operator", "remove", "李四"))
                .isEqualTo(ExitCodes.ERROR);
    }
}
