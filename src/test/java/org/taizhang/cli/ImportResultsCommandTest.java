package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.organization.TestWorkbooks;

/** {@code taizhang assessments import-results}: exit codes and row errors as {@code orgs import} gives them. */
class ImportResultsCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void theSampleWorkbookImportsAndImportingItAgainChangesNothing() {
        Path db = dir.resolve("taizhang.db");
        assertThat(cli.run("--db", db, "init", "--sample")).isZero();
        Path file = Path.of("sample-data", "past-results.xlsx");

        assertThat(cli.run("--db", db, "assessments", "import-results", file)).isZero();
        assertThat(cli.run("--db", db, "assessments", "import-results", file)).isZero();

        String[] lines = cli.out.toString().strip().split("\\R");
        assertThat(lines[lines.length - 2]).isEqualTo("读取的工作表：往年结果");
        assertThat(lines[lines.length - 1]).startsWith("导入完成：新增 0 条，更新 0 条");
        assertThat(cli.err.toString()).isEmpty();
    }

    @Test
    void aFileWithRowErrorsIsRejectedWithExitThreeAndEachErrorOnALine() throws Exception {
        Path db = dir.resolve("taizhang.db");
        assertThat(cli.run("--db", db, "init", "--sample")).isZero();
        Path file = new TestWorkbooks()
                .sheet("往年结果", List.of("单位", "组织名称", "年度", "轮次", "总分", "等级", "结论"))
                .row("江海市财政局", "不存在的党支部", "2024", "达标验收", "80", "四星", "达标")
                .row("江海市财政局", "不存在的党支部", "2024", "年终考核", "80", "四星", "合格")
                .write(dir.resolve("bad.xlsx"));

        assertThat(cli.run("--db", db, "assessments", "import-results", file)).isEqualTo(3);

        assertThat(cli.err.toString())
                .contains("“往年结果”表第2行“组织名称”：单位“江海市财政局”中没有名为“不存在的党支部”的党组织。")
                .contains("“往年结果”表第3行“轮次”：轮次“年终考核”无法识别，应为：自评、检查组评估、达标验收。")
                .contains("“往年结果”表第3行“结论”：结论“合格”应为“达标”或“未达标”。");
    }

    @Test
    void aMissingFileIsOneAndNoFileIsTwo() {
        Path db = dir.resolve("taizhang.db");
        assertThat(cli.run("--db", db, "init")).isZero();

        assertThat(cli.run("--db", db, "assessments", "import-results", dir.resolve("nowhere.xlsx")))
                .isEqualTo(1);
        assertThat(cli.err.toString()).contains("找不到文件");
        assertThat(cli.run("--db", db, "assessments", "import-results")).isEqualTo(2);
    }
}
