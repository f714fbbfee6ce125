package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code taizhang report acceptance-stats}: the 达标验收 figures by 共同体, as the issue spells them out. */
class ReportCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();
    private final java.io.StringWriter out = cli.out;
    private final java.io.StringWriter err = cli.err;

    private int run(Object... args) {
        return cli.run(args);
    }

    @Test
    void theSampleYearGivesOneRowPerCommunityAndATotalInCsvAndXlsx() throws Exception {
        Path db = dir.resolve("taizhang.db");
        assertThat(run("--db", db, "init", "--sample")).isZero();
        int year = java.time.LocalDate.now().getYear();

        assertThat(run("--db", db, "report", "acceptance-stats", "--format", "csv", "--out", dir.resolve("s.csv")))
                .isZero();
        List<String> lines = Files.readAllLines(dir.resolve("s.csv"), StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).isEqualTo("\uFEFF共同体,支部数,已验收,达标,未达标,达标率");
        assertThat(lines).hasSize(1 + 8 + 1); // the sample's 8 communities, then 合计
        String[] total = lines.getLast().split(",");
        assertThat(total[0]).isEqualTo("合计");
        int branches = Integer.parseInt(total[1]);
        int passed = Integer.parseInt(total[3]);
        assertThat(Integer.parseInt(total[2])).isEqualTo(passed + Integer.parseInt(total[4]));
        assertThat(total[5])
                .matches("\\d+\\.\\d%")
                .isEqualTo(java.math.BigDecimal.valueOf(passed * 100L)
                                .divide(java.math.BigDecimal.valueOf(branches), 1, java.math.RoundingMode.HALF_UP)
                        + "%");
        assertThat(out.toString()).contains(year + "年").contains("达标率");

        assertThat(run(
                        "--db",
                        db,
                        "report",
                        "acceptance-stats",
                        "--year",
                        year,
                        "--format",
                        "xlsx",
                        "--out",
                        dir.resolve("s.xlsx")))
                .isZero();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(dir.resolve("s.xlsx")))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(year + "年党支部达标验收统计表");
            assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo("达标率");
            assertThat(sheet.getRow(10).getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat((int) sheet.getRow(10).getCell(1).getNumericCellValue()).isEqualTo(branches);
        }
    }

    @Test
    void aYearWithoutAssessmentsCountsEveryBranchAsNotAccepted() throws Exception {
        Path db = dir.resolve("taizhang.db");
        run("--db", db, "init", "--sample");

        assertThat(run(
                        "--db",
                        db,
                        "report",
                        "acceptance-stats",
                        "--year",
                        2019,
                        "--format",
                        "csv",
                        "--out",
                        dir.resolve("2019.csv")))
                .isZero();

        assertThat(Files.readAllLines(dir.resolve("2019.csv")).getLast()).matches("合计,\\d+,0,0,0,0.0%");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        assertThat(run(
                        "--db",
                        dir.resolve("x.db"),
                        "report",
                        "acceptance-stats",
                        "--format",
                        "pdf",
                        "--out",
                        dir.resolve("x.pdf")))
                .isEqualTo(2);
        assertThat(Files.exists(dir.resolve("x.db"))).isFalse();
    }
}
