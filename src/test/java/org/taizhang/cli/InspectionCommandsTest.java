package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.store.Store;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.files.InspectionFilesFixture;
import org.taizhang.inspection.files.LedgerReport;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.organization.RegistryService;

/**
 * {@code taizhang findings import|register-pending}, {@code feedback export|import}, {@code report ledger}: names
 * as in the registry workbook, the messages and the exit codes.
 */
class InspectionCommandsTest {
    private static final String UNIT = "中共江海市委办公室";
    private static final String OTHER_UNIT = "江海市财政局";
    private static final List<String> HEADER = List.of("单位", "支部", "问题类别", "问题描述", "发现日期");

    @TempDir
    Path dir;

    private Path db;
    private CliRun cli = new CliRun();

    @BeforeEach
    void sample() {
        db = dir.resolve("taizhang.db");
        // the sample registry only: these tests count the findings they make themselves
        try (Store store = Store.openOrCreate(db)) {
            new org.taizhang.organization.RegistryService(store).importSample(org.taizhang.core.task.Progress.NONE);
        }
        // numbers are given on the hub only: a new database is a field device until a person says otherwise
        assertThat(run("--db", db, "device", "init", "--name", "办公室汇总机", "--role", "hub"))
                .isZero();
    }

    @Test
    void deviceShowsItsIdNameRoleAndTheHubAndAFieldDeviceGivesNoNumbers() throws Exception {
        assertThat(run("--db", db, "device", "show")).isZero();
        String id;
        try (Store store = Store.open(db)) {
            id = store.deviceId();
        }
        assertThat(cli.out.toString())
                .contains("本机标识：" + id)
                .contains("本机名称：办公室汇总机")
                .contains("角色：汇总机")
                .contains("汇总机标识：" + id);

        assertThat(run("--db", db, "device", "init", "--name", "督查一组笔记本", "--role", "field"))
                .isZero();
        assertThat(cli.out.toString()).contains("角色：外业机").contains("尚未指定汇总机");
        run("--db", db, "findings", "import", findingsFile("问题清单.xlsx", UNIT));
        assertThat(run("--db", db, "findings", "register-pending")).isEqualTo(ExitCodes.ERROR);
        assertThat(cli.err.toString()).contains("外业机");
        assertThat(ledger()).noneMatch(e -> e.finding().isNumbered());

        assertThat(run("--db", db, "device", "init", "--name", "x", "--role", "server"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run("--db", db, "device", "init", "--name", " ", "--role", "hub"))
                .isEqualTo(ExitCodes.ERROR);
        assertThat(cli.err.toString()).contains("本机名称");
    }

    private int run(Object... args) {
        cli = new CliRun();
        return cli.run(args);
    }

    private Path findingsFile(String name, String unit) throws Exception {
        LocalDate day = LocalDate.now().minusDays(3);
        return InspectionFilesFixture.sheet(
                dir.resolve(name),
                "问题清单",
                List.of(
                        HEADER,
                        List.of(unit, "市委办机关第一党支部", "三会一课", "支委会未按月召开", day.toString()),
                        List.of(unit, "", "党费", "党费收缴台账不全", day.minusDays(1).toString())));
    }

    /** Sends every 已挂号 finding of the unit (no command does 交办: it is the window's). */
    private void notifyAll(String unitName) {
        try (Store store = Store.open(db)) {
            RegistryService registry = new RegistryService(store);
            FindingService findings = new FindingService(store, registry);
            String unitId = registry.load().unitNamed(unitName).orElseThrow().id();
            LocalDate today = findings.today();
            findings.notifyUnit(
                    unitId, new FindingService.Notice(today.plusDays(60), "李副局长", "办公室", "赵敏", null), today);
        }
    }

    private List<LedgerEntry> ledger() {
        try (Store store = Store.open(db)) {
            return new FindingService(store, new RegistryService(store)).ledger();
        }
    }

    @Test
    void findingsAreImportedOnceAndRegisteredInTheOrderFound() throws Exception {
        Path file = findingsFile("问题清单.xlsx", UNIT);

        assertThat(run("--db", db, "findings", "import", file)).isZero();
        assertThat(cli.out.toString()).contains("已从“问题清单”工作表导入 2 个问题，均为待挂号");

        assertThat(run("--db", db, "findings", "import", file)).isEqualTo(ExitCodes.IMPORT_REJECTED);
        assertThat(cli.err.toString()).contains("这个文件已于 ").contains(" 导入过，不能重复导入。");

        int year = LocalDate.now().getYear();
        assertThat(run("--db", db, "findings", "register-pending")).isZero();
        assertThat(cli.out.toString()).contains("已挂号 2 个问题：督改〔" + year + "〕0001号 至 督改〔" + year + "〕0002号");
        assertThat(ledger().getFirst().finding().description()).isEqualTo("党费收缴台账不全"); // found a day earlier

        assertThat(run("--db", db, "findings", "register-pending")).isZero();
        assertThat(cli.out.toString()).contains("没有待挂号的问题。");
    }

    @Test
    void aBadFindingsFileIsRejectedRowByRowWithExitThree() throws Exception {
        Path file = findingsFile("问题清单.xlsx", "江海市不存在局");

        assertThat(run("--db", db, "findings", "import", file)).isEqualTo(ExitCodes.IMPORT_REJECTED);

        assertThat(cli.err.toString())
                .contains("“问题清单”表第2行“单位”列：单位名册中没有“江海市不存在局”（请用单位全称）。")
                .contains("“问题清单”表第3行“单位”列：")
                .contains("问题清单被拒绝：文件中有 2 处错误，数据库未做任何更改。");
        assertThat(ledger()).isEmpty();
    }

    @Test
    void aFeedbackFormGoesOutByUnitNameAndComesBackOnce() throws Exception {
        run("--db", db, "findings", "import", findingsFile("问题清单.xlsx", UNIT));
        run("--db", db, "findings", "register-pending");
        notifyAll(UNIT);
        Path form = dir.resolve("反馈表.xlsx");

        assertThat(run("--db", db, "feedback", "export", "--unit", UNIT, "--out", form))
                .isZero();
        assertThat(cli.out.toString()).contains("已导出中共江海市委办公室的整改情况反馈表（2 个问题）");
        String number = ledger().getFirst().finding().number();
        InspectionFilesFixture.fill(form, number, "整改进展情况", "已补齐党费收缴台账");

        assertThat(run("--db", db, "feedback", "import", form)).isZero();
        assertThat(cli.out.toString()).contains("已导入中共江海市委办公室的整改情况反馈表：记录 1 条整改进展。");
        assertThat(ledger().getFirst().timeline().latestProgress()).isEqualTo("已补齐党费收缴台账");

        assertThat(run("--db", db, "feedback", "import", form)).isZero();
        assertThat(cli.out.toString()).contains("这份反馈表已导入过");

        assertThat(run("--db", db, "feedback", "import", "--unit", OTHER_UNIT, form))
                .isEqualTo(ExitCodes.IMPORT_REJECTED);
        assertThat(cli.err.toString()).contains("这是中共江海市委办公室的反馈表，不是江海市财政局的。");

        InspectionFilesFixture.fill(form, number, "问题描述", "改轻一点的描述");
        assertThat(run("--db", db, "feedback", "import", form)).isEqualTo(ExitCodes.IMPORT_REJECTED);
        assertThat(cli.err.toString())
                .contains("“整改情况反馈表”表第5行“问题描述”列：此格是导出时给定的内容，不能修改")
                .contains("反馈表被拒绝：文件中有 1 处错误，数据库未做任何更改。");
    }

    @Test
    void feedbackNamesOptionsAndFilesGiveTheirExitCodes() throws Exception {
        assertThat(run("--db", db, "feedback", "export", "--unit", "不存在的单位", "--out", dir.resolve("a.xlsx")))
                .isEqualTo(ExitCodes.ERROR);
        assertThat(cli.err.toString()).contains("没有名为“不存在的单位”的单位");

        assertThat(run("--db", db, "feedback", "export", "--unit", UNIT, "--out", dir.resolve("a.xlsx")))
                .isEqualTo(ExitCodes.ERROR);
        assertThat(cli.err.toString()).contains("中共江海市委办公室目前没有已交办或整改中的问题");

        assertThat(run("--db", db, "feedback", "export", "--unit", UNIT, "--out", dir.resolve("a.pdf")))
                .isEqualTo(ExitCodes.ERROR);
        assertThat(cli.err.toString()).contains("反馈表只能导出为 .xlsx 文件");
        assertThat(run("--db", db, "feedback", "export", "--out", dir.resolve("a.xlsx")))
                .isEqualTo(ExitCodes.USAGE);

        assertThat(run("--db", db, "feedback", "import", dir.resolve("none.xlsx")))
                .isEqualTo(ExitCodes.ERROR);
        Path other = findingsFile("不是表单.xlsx", UNIT);
        assertThat(run("--db", db, "feedback", "import", other)).isEqualTo(ExitCodes.IMPORT_REJECTED);
        assertThat(cli.err.toString()).contains("这不是本程序导出的表单（找不到签名页）");
    }

    @Test
    void theLedgerReportHasTheColumnsAndARowPerFinding() throws Exception {
        run("--db", db, "findings", "import", findingsFile("问题清单.xlsx", UNIT));
        run("--db", db, "findings", "register-pending");
        Path csv = dir.resolve("台账.csv");

        assertThat(run("--db", db, "report", "ledger", "--unit", UNIT, "--format", "csv", "--out", csv))
                .isZero();
        assertThat(cli.out.toString()).contains("整改台账：2 个问题（逾期 0 个，临期 0 个），已导出到");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).isEqualTo("\uFEFF" + String.join(",", LedgerReport.COLUMNS));
        assertThat(lines).hasSize(3);

        Path xlsx = dir.resolve("台账.xlsx");
        assertThat(run(
                        "--db",
                        db,
                        "report",
                        "ledger",
                        "--year",
                        LocalDate.now().getYear(),
                        "--format",
                        "xlsx",
                        "--out",
                        xlsx))
                .isZero();
        assertThat(InspectionFilesFixture.cells(xlsx).get(2)).containsExactlyElementsOf(LedgerReport.COLUMNS);

        assertThat(run("--db", db, "report", "ledger", "--round", "没有这次督查", "--format", "csv", "--out", csv))
                .isEqualTo(ExitCodes.ERROR);
        assertThat(cli.err.toString()).contains("没有名为“没有这次督查”的督查。");
        assertThat(run("--db", db, "report", "ledger", "--community", "没有这个共同体", "--format", "csv", "--out", csv))
                .isEqualTo(ExitCodes.ERROR);
        assertThat(cli.err.toString()).contains("没有名为“没有这个共同体”的共同体。");
        // a table: xlsx, csv or pdf; a document's docx is a usage error
        assertThat(run("--db", db, "report", "ledger", "--format", "docx", "--out", csv))
                .isEqualTo(ExitCodes.USAGE);
    }
}
