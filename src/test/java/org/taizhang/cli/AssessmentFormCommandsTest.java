package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.store.Store;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;
import org.taizhang.organization.model.Registry;

/** {@code taizhang assessments export-form|import-form}: names as in the registry workbook, the exit codes. */
class AssessmentFormCommandsTest {
    private static final String UNIT = "中共江海市委办公室";
    private static final String BRANCH = "市委办机关第一党支部";

    @TempDir
    Path dir;

    private Path db;
    private CliRun cli = new CliRun();

    @BeforeEach
    void sample() {
        db = dir.resolve("taizhang.db");
        assertThat(cli.run("--db", db, "init", "--sample")).isZero();
        cli = new CliRun();
    }

    private int run(Object... args) {
        cli = new CliRun();
        return cli.run(args);
    }

    /** A year the sample has no assessment in, so the form starts one. */
    private int exportForm(Path out, Object... more) {
        Object[] base = {"--db", db, "assessments", "export-form", "--unit", UNIT, "--year", 2020, "--out", out};
        Object[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return run(args);
    }

    /** Writes {@code text} into the 评分 cell of item {@code number}. */
    private static void score(Path file, String number, String text) throws Exception {
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        XSSFSheet sheet = wb.getSheetAt(0);
        int column = -1;
        for (Row r : sheet) {
            var first = r.getCell(0);
            if (first == null) {
                continue;
            }
            if (first.getStringCellValue().equals("编号")) {
                for (var c : r) {
                    if (c.getStringCellValue().equals("评分")) {
                        column = c.getColumnIndex();
                    }
                }
            } else if (first.getStringCellValue().equals(number)) {
                r.getCell(column).setCellValue(text);
            }
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
    }

    @Test
    void aFormGoesOutByNamesAndComesBackOnceThenTheSameFileChangesNothing() throws Exception {
        Path form = dir.resolve("自评表.xlsx");
        assertThat(exportForm(form, "--org", BRANCH)).isZero();
        assertThat(cli.out.toString()).contains("已导出市委办机关第一党支部的自评表（党支部标准化规范化建设考核细则，2020年，41 个条目）");
        score(form, "A1", "达到");

        assertThat(run("--db", db, "assessments", "import-form", form)).isZero();
        assertThat(cli.out.toString())
                .contains("已导入市委办机关第一党支部2020年自评的测评表（党支部标准化规范化建设考核细则），并新建了这次评估：写入 1 个条目的评分。")
                .contains("还有 39 个条目未评分");

        assertThat(run("--db", db, "assessments", "import-form", form)).isZero();
        assertThat(cli.out.toString()).contains("这份测评表已导入过：表中的评分与市委办机关第一党支部2020年自评已有的评分完全一致，未做任何更改。");
    }

    @Test
    void aBadFormIsRejectedRowByRowWithExitThree() throws Exception {
        Path form = dir.resolve("自评表.xlsx");
        exportForm(form, "--org", BRANCH, "--round", "review");
        score(form, "A7", "9");
        score(form, "B8", "好");

        assertThat(run("--db", db, "assessments", "import-form", form)).isEqualTo(ExitCodes.IMPORT_REJECTED);

        assertThat(cli.err.toString())
                .contains("“检查组评估表”表第12行“评分”列：条目 A7 的得分应在 0 到 2 分之间。")
                .contains("“检查组评估表”表第20行“评分”列：“好”不是数字。")
                .contains("测评表被拒绝：文件中有 2 处错误，数据库未做任何更改。");
    }

    @Test
    void anAmbiguousNameIsRefusedNamingTheCandidatesAndParentChooses() throws Exception {
        try (Store store = Store.open(db)) {
            RegistryService registry = new RegistryService(store);
            Registry r = registry.load();
            String unitId = r.unitNamed(UNIT).orElseThrow().id();
            String committee =
                    r.organizationNamed(unitId, "市委办机关党委").orElseThrow().id();
            for (String general : new String[] {"市委办第一党总支", "市委办第二党总支"}) {
                registry.save(
                        organization(general + "-id", unitId, committee, general, OrganizationKind.GENERAL_BRANCH));
                registry.save(organization(general + "-b", unitId, general + "-id", "综合党支部", OrganizationKind.BRANCH));
            }
        }
        Path form = dir.resolve("综合.xlsx");

        assertThat(exportForm(form, "--org", "综合党支部")).isEqualTo(ExitCodes.ERROR);
        assertThat(cli.err.toString()).contains("单位“中共江海市委办公室”中有多个党组织名为“综合党支部”，上级组织分别是：市委办第一党总支、市委办第二党总支。");
        assertThat(form).doesNotExist();

        assertThat(exportForm(form, "--org", "综合党支部", "--parent", "市委办第二党总支")).isZero();
        assertThat(form).exists();
    }

    private static Organization organization(String id, String unitId, String parent, String name, OrganizationKind k) {
        return new Organization(
                id, unitId, parent, name, k, "王芳", null, 9, true, null, null, null, null, null, null, 9);
    }

    @Test
    void wrongNamesOptionsAndFilesGiveTheirExitCodes() throws Exception {
        assertThat(exportForm(dir.resolve("a.xlsx"), "--org", "不存在的支部")).isEqualTo(ExitCodes.ERROR);
        assertThat(cli.err.toString()).contains("单位“中共江海市委办公室”中没有党组织“不存在的支部”。");

        assertThat(exportForm(dir.resolve("a.xlsx"), "--org", BRANCH, "--template", "六有"))
                .isEqualTo(ExitCodes.ERROR);
        assertThat(cli.err.toString()).contains("没有名为“六有”的已发布考核细则。已发布的有：党支部标准化规范化建设考核细则。");

        assertThat(exportForm(dir.resolve("a.xlsx"), "--org", BRANCH, "--round", "final"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(exportForm(dir.resolve("a.pdf"), "--org", BRANCH)).isEqualTo(ExitCodes.ERROR);
        assertThat(cli.err.toString()).contains("测评表只能导出为 .xlsx 文件");

        Path text = dir.resolve("text.xlsx");
        Files.writeString(text, "not a workbook");
        assertThat(run("--db", db, "assessments", "import-form", text)).isEqualTo(ExitCodes.ERROR);
        assertThat(cli.err.toString()).contains("不是有效的 Excel 文件");

        Path other = dir.resolve("other.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("自评表").createRow(0).createCell(0).setCellValue("编号");
            try (OutputStream out = Files.newOutputStream(other)) {
                wb.write(out);
            }
        }
        assertThat(run("--db", db, "assessments", "import-form", other)).isEqualTo(ExitCodes.IMPORT_REJECTED);
        assertThat(cli.err.toString()).contains("这不是本程序导出的表单（找不到签名页）");
    }
}
