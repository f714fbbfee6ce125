package org.taizhang.inspection.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.Ids;
import org.taizhang.core.files.FormWorkbook;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.FindingImports;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.InspectionService;
import org.taizhang.inspection.model.FindingSource;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.Inspection;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.RectificationType;
import org.taizhang.inspection.model.Severity;
import org.taizhang.organization.RegistryService;

/** An inspection team's spreadsheet of findings, imported on a real database: all or nothing, once. */
class FindingImportTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final String UNIT = "中共江海市委办公室";
    static final String BRANCH = "市委办机关第一党支部";
    static final String ROUND = "2026年年中大督查";
    static final List<String> HEADER =
            List.of("序号", "单位", "支部", "问题类别", "问题描述", "依据条款", "整改类型", "严重程度", "来源", "发现日期", "备注");

    @TempDir
    Path dir;

    private final Messages m = Messages.forLocale(Messages.CHINESE);
    private Store store;
    private FindingService service;
    private InspectionFiles files;
    private Inspection round;

    @BeforeEach
    void open() {
        store = Store.openOrCreate(
                dir.resolve("t.db"),
                Clock.fixed(TODAY.atTime(10, 0).atZone(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault()));
        RegistryService registry = new RegistryService(store);
        registry.importSample(Progress.NONE);
        service = new FindingService(store, registry);
        store.designateHub(); // numbers are given on the hub only (a new database is a field device)
        files = new InspectionFiles(store, registry);
        store.setOperator("王清");
        round = new Inspection(Ids.newId(), ROUND, "年中大督查", 2026, TODAY.minusDays(30), TODAY.minusDays(10), null);
        new InspectionService(store).save(round);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Path sheet(String name, List<List<String>> rows) throws IOException {
        return InspectionFilesFixture.sheet(dir.resolve(name), "问题清单", rows);
    }

    private Path goodFile() throws IOException {
        return sheet(
                "第一组问题清单.xlsx",
                List.of(
                        HEADER,
                        List.of(
                                "1",
                                UNIT,
                                BRANCH,
                                "三会一课",
                                "支委会未按月召开",
                                "《支部工作条例》第九条",
                                "限期整改",
                                "较重",
                                ROUND,
                                "2026-05-20",
                                "组长：复查时重点看记录"),
                        List.of("2", UNIT, "", "党费", "党费收缴台账不全", "", "立行立改", "", "自查", "2026/5/18", ""),
                        List.of("3", UNIT, "", "", "阵地标识陈旧", "", "", "", "", "", "")));
    }

    @Test
    void everyRowArrivesPendingWithItsRoundBranchAndWordsThenRegistersInTheOrderFound() throws IOException {
        FindingImport result = files.importFindings(goodFile(), Progress.NONE);

        assertThat(result.errors()).isEmpty();
        assertThat(result.recorded()).isEqualTo(3);
        List<LedgerEntry> ledger = service.ledger();
        assertThat(ledger).hasSize(3).allMatch(e -> e.state() == FindingState.PENDING);
        LedgerEntry first = ledger.stream()
                .filter(e -> e.finding().description().equals("支委会未按月召开"))
                .findFirst()
                .orElseThrow();
        assertThat(first.inspectionTitle()).isEqualTo(ROUND);
        assertThat(first.organizationName()).isEqualTo(BRANCH);
        assertThat(first.finding().type()).isEqualTo(RectificationType.DEADLINE);
        assertThat(first.finding().severity()).isEqualTo(Severity.SERIOUS);
        assertThat(first.finding().source()).isEqualTo(FindingSource.VISIT);
        assertThat(first.finding().foundOn()).isEqualTo(LocalDate.of(2026, 5, 20));
        assertThat(first.finding().internalNotes()).isEqualTo("组长：复查时重点看记录");
        assertThat(first.finding().foundBy()).isEqualTo("王清");
        assertThat(first.finding().importBatch()).hasSize(64);
        LedgerEntry second = ledger.stream()
                .filter(e -> e.finding().description().equals("党费收缴台账不全"))
                .findFirst()
                .orElseThrow();
        assertThat(second.finding().source()).isEqualTo(FindingSource.SELF_CHECK);
        assertThat(second.finding().type()).isEqualTo(RectificationType.IMMEDIATE);
        assertThat(second.inspectionTitle()).isNull();

        FindingService.Registered r = files.registerPending();
        assertThat(r.count()).isEqualTo(3);
        assertThat(r.first()).isEqualTo("督改〔2026〕0001号");
        assertThat(r.last()).isEqualTo("督改〔2026〕0003号");
        // in the order found: 5-18, 5-20, then the undated row (found on the day of the import)
        assertThat(service.ledger())
                .extracting(e -> e.finding().description())
                .containsExactly("党费收缴台账不全", "支委会未按月召开", "阵地标识陈旧");
    }

    @Test
    void theSameFileTwiceIsRefusedWithTheDateOfTheFirstImport() throws IOException {
        Path file = goodFile();
        files.importFindings(file, Progress.NONE);
        Path copy = Files.copy(file, dir.resolve("改了名字.xlsx"));

        FindingImport again = files.importFindings(copy, Progress.NONE);

        assertThat(FormWorkbook.lines(again.errors(), m))
                .containsExactly("这个文件已于 "
                        + FindingImports.localTime(TODAY.atTime(10, 0)
                                .atZone(ZoneId.systemDefault())
                                .toInstant()) + " 导入过，不能重复导入。");
        assertThat(service.ledger()).hasSize(3);
    }

    @Test
    void badRowsAreReportedRowByRowAndNothingIsWritten() throws IOException {
        Path file = sheet(
                "有错的清单.xlsx",
                List.of(
                        HEADER,
                        List.of("1", UNIT, BRANCH, "三会一课", "支委会未按月召开", "", "", "", ROUND, "2026-05-20", ""),
                        List.of("2", "江海市不存在局", "", "", "党费收缴台账不全", "", "", "", "", "", ""),
                        List.of("3", UNIT, "不存在的支部", "", "", "", "马上改", "", "", "五月二十日", ""),
                        List.of("4", UNIT, "", "", "阵地标识陈旧", "", "", "", "2025年年中大督查", "2026-07-01", "")));

        FindingImport result = files.importFindings(file, Progress.NONE);

        assertThat(FormWorkbook.lines(result.errors(), m))
                .containsExactly(
                        "“问题清单”表第3行“单位”列：单位名册中没有“江海市不存在局”（请用单位全称）。",
                        "“问题清单”表第4行“问题描述”列：“问题描述”不能为空。",
                        "“问题清单”表第4行“支部”列：单位“中共江海市委办公室”中没有党组织“不存在的支部”。",
                        "“问题清单”表第4行“整改类型”列：“马上改”不是可选的值，应为：立行立改、限期整改、长期整改。",
                        "“问题清单”表第4行“发现日期”列：“五月二十日”不是日期，请按 2026-05-01 的格式填写。",
                        "“问题清单”表第5行“来源”列：“2025年年中大督查”既不是已有督查的名称，也不是问题来源（督查走访、测评条目、述职评议、自查、上级交办、其他）。",
                        "“问题清单”表第5行“发现日期”列：发现日期 2026-07-01 晚于今天。");
        assertThat(service.ledger()).isEmpty();

        // the file is refused, not remembered: corrected, it imports
        Path fixed = sheet(
                "有错的清单.xlsx",
                List.of(HEADER, List.of("1", UNIT, BRANCH, "三会一课", "支委会未按月召开", "", "", "", ROUND, "2026-05-20", "")));
        assertThat(files.importFindings(fixed, Progress.NONE).recorded()).isEqualTo(1);
    }

    @Test
    void aMissingRequiredColumnOrSheetRefusesTheFile() throws IOException {
        Path noColumn = sheet("缺列.xlsx", List.of(List.of("单位", "问题"), List.of(UNIT, "支委会未按月召开")));
        assertThat(FormWorkbook.lines(
                        files.importFindings(noColumn, Progress.NONE).errors(), m))
                .containsExactly("“问题清单”表第1行“问题描述”列：缺少“问题描述”列。");

        Path twoOthers = twoSheets("两张表.xlsx", List.of("单位", "问题"), List.of("序号", "说明"));
        assertThat(FormWorkbook.lines(
                        files.importFindings(twoOthers, Progress.NONE).errors(), m))
                .containsExactly(
                        "找不到问题清单：没有“问题清单”工作表，也没有唯一一张第一行含单位、问题描述列的工作表。" + "请把问题放在名为“问题清单”的工作表中，第一行为列名（必须有：单位、问题描述）。");
        assertThat(service.ledger()).isEmpty();
    }

    @Test
    void aWorkbookWithOneSheetOrOneFittingSheetIsReadWhateverItsName() throws IOException {
        Path only = InspectionFilesFixture.sheet(
                dir.resolve("Sheet1.xlsx"), "Sheet1", List.of(List.of("单位", "问题描述"), List.of(UNIT, "阵地标识陈旧")));

        FindingImport fromOnly = files.importFindings(only, Progress.NONE);

        assertThat(fromOnly.errors()).isEmpty();
        assertThat(fromOnly.recorded()).isEqualTo(1);
        assertThat(fromOnly.sheet()).isEqualTo("Sheet1");

        Path fitting = twoSheets("说明加清单.xlsx", List.of("填表说明"), List.of("单位", "问题描述"));

        FindingImport fromFitting = files.importFindings(fitting, Progress.NONE);

        assertThat(fromFitting.errors()).isEmpty();
        assertThat(fromFitting.sheet()).isEqualTo("Sheet2");
        assertThat(service.ledger())
                .extracting(e -> e.finding().description())
                .containsExactlyInAnyOrder("阵地标识陈旧", "党费收缴台账不全");
    }

    @Test
    void columnsNoFindingTakesAreNamedInTheResult() throws IOException {
        // a finding has no deadline before 交办 (which proposes one): a 整改时限 column must not vanish unsaid
        Path file = sheet(
                "带时限.xlsx",
                List.of(
                        List.of("序号", "单位", "问题描述", "整改时限", "责任人"),
                        List.of("1", UNIT, "支委会未按月召开", "2026-08-31", "赵敏")));

        FindingImport result = files.importFindings(file, Progress.NONE);

        assertThat(result.errors()).isEmpty();
        assertThat(result.unread()).containsExactly("整改时限", "责任人");
        assertThat(files.importFindings(goodFile(), Progress.NONE).unread()).isEmpty();
    }

    /** Sheets named Sheet1 and Sheet2 headed as given; a row of findings under a header that has 问题描述. */
    private Path twoSheets(String name, List<String> first, List<String> second) throws IOException {
        Path file = dir.resolve(name);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
            for (List<String> header : List.of(first, second)) {
                var sheet = wb.createSheet("Sheet" + (wb.getNumberOfSheets() + 1));
                var top = sheet.createRow(0);
                for (int c = 0; c < header.size(); c++) {
                    top.createCell(c).setCellValue(header.get(c));
                }
                var row = sheet.createRow(1);
                row.createCell(0).setCellValue(UNIT);
                if (header.size() > 1) {
                    row.createCell(1).setCellValue("党费收缴台账不全");
                }
            }
            wb.write(out);
        }
        return file;
    }
}
