package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.organization.TestWorkbooks;

/** {@code taizhang templates export|import}: the contract's names, messages and exit codes. */
class TemplateFileCommandsTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void thePublishedTemplateGoesOutAndComesBackAsItsNextDraftVersion() {
        Path db = dir.resolve("taizhang.db");
        assertThat(cli.run("--db", db, "init", "--sample")).isZero(); // 四化 published, 六有 a draft
        Path file = dir.resolve("四化.xlsx");

        assertThat(cli.run("--db", db, "templates", "export", file)).isZero();
        assertThat(cli.out.toString()).contains("已导出测评标准“党支部标准化规范化建设考核细则”第 1 版（41 条）");
        assertThat(cli.run("--db", db, "templates", "import", file)).isZero();
        assertThat(cli.out.toString()).contains("已导入为草稿：测评标准“党支部标准化规范化建设考核细则”第 2 版（41 条）");

        assertThat(cli.run("--db", db, "templates", "export", dir.resolve("六有.xlsx"), "--name", "党员活动阵地“六有”标准"))
                .isZero();
        assertThat(cli.err.toString()).isEmpty();
    }

    @Test
    void anUnknownNameIsOneARejectedFileIsThreeAndAMissingArgumentIsTwo() throws Exception {
        Path db = dir.resolve("taizhang.db");
        assertThat(cli.run("--db", db, "init", "--sample")).isZero();

        assertThat(cli.run("--db", db, "templates", "export", dir.resolve("x.xlsx"), "--name", "星级评定"))
                .isEqualTo(1);
        assertThat(cli.err.toString()).contains("没有名为“星级评定”的测评标准；现有：");

        Path bad = new TestWorkbooks()
                .sheet("条目", List.of("类别", "序号", "内容", "分值", "计分方式"))
                .row("A", "A1", "有活动室", "5", "达到/未达到")
                .write(dir.resolve("bad.xlsx"));
        assertThat(cli.run("--db", db, "templates", "import", bad)).isEqualTo(3);
        assertThat(cli.err.toString()).contains("文件中没有“类别”工作表").contains("导入被拒绝");

        assertThat(cli.run("--db", db, "templates", "import")).isEqualTo(2);
    }
}
