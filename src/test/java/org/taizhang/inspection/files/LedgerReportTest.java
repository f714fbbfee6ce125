package org.taizhang.inspection.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.DomainException;
import org.taizhang.core.Ids;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.ReportFormat;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.InspectionService;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingSource;
import org.taizhang.inspection.model.Inspection;
import org.taizhang.inspection.model.Measure;
import org.taizhang.inspection.model.RectificationType;
import org.taizhang.inspection.model.Severity;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Unit;

/** The 整改台账 as .xlsx and .csv: its columns, one row per finding, the filters, 状态 and 预警. */
class LedgerReportTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @TempDir
    Path dir;

    private final Messages m = Messages.forLocale(Messages.CHINESE);
    private Store store;
    private FindingService service;
    private InspectionFiles files;
    private Unit unit;
    private Unit otherUnit;
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
        unit = registry.load().units().get(0);
        otherUnit = registry.load().units().get(1);
        store.setOperator("王清");
        round = new Inspection(Ids.newId(), "2026年年中大督查", "年中大督查", 2026, TODAY.minusDays(90), null, null);
        new InspectionService(store).save(round);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Finding found(Unit u, String text, LocalDate on, String inspectionId) {
        return service.record(Finding.recorded(
                Ids.newId(),
                inspectionId,
                null,
                u.id(),
                null,
                "三会一课",
                text,
                "《支部工作条例》第九条",
                Severity.ORDINARY,
                RectificationType.DEADLINE,
                FindingSource.VISIT,
                null,
                on,
                null));
    }

    /** Four findings: one overdue, one due in 5 days, one 待挂号 of last year, one of another unit and no round. */
    private void ledger() {
        Finding overdue = found(unit, "支委会未按月召开", TODAY.minusDays(60), round.id());
        Finding soon = found(unit, "党费收缴台账不全", TODAY.minusDays(50), round.id());
        found(unit, "去年的问题", LocalDate.of(2025, 12, 20), round.id());
        Finding other = found(otherUnit, "阵地标识陈旧", TODAY.minusDays(40), null);
        service.register(List.of(overdue.id(), soon.id(), other.id()));
        service.notify(
                overdue.id(),
                new FindingService.Notice(TODAY.minusDays(1), "李副局长", "办公室", "赵敏", null),
                TODAY.minusDays(40));
        service.notify(
                soon.id(), new FindingService.Notice(TODAY.plusDays(5), null, null, null, null), TODAY.minusDays(40));
        service.saveMeasure(new Measure(Ids.newId(), overdue.id(), "制定年度会议计划", "赵敏", TODAY.plusDays(10), null, 0));
    }

    @Test
    void theCommitteeOfTheSettingsFillsTheXlsxsReportingCommitteeCell() throws IOException {
        ledger();
        service.saveCommittee("中共江海市直属机关工作委员会");
        Path whole = dir.resolve("全部.xlsx");
        Path shown = dir.resolve("当前.xlsx");

        files.writeLedger(LedgerReport.Filter.ALL, ReportFormat.XLSX, whole, m, Progress.NONE);
        files.writeLedger(service.ledger(), "问题整改台账", ReportFormat.XLSX, shown, m, Progress.NONE);

        assertThat(InspectionFilesFixture.cells(whole).get(1).getFirst()).isEqualTo("填报单位：中共江海市直属机关工作委员会");
        assertThat(InspectionFilesFixture.cells(shown).get(1).getFirst()).isEqualTo("填报单位：中共江海市直属机关工作委员会");
    }

    @Test
    void theXlsxHasTheOfficialLayoutTheLedgerColumnsAndOneRowPerFinding() throws IOException {
        ledger();
        Path file = dir.resolve("台账.xlsx");

        InspectionFiles.LedgerWritten w =
                files.writeLedger(LedgerReport.Filter.ALL, ReportFormat.XLSX, file, m, Progress.NONE);

        assertThat(w.rows()).isEqualTo(4);
        List<List<String>> cells = InspectionFilesFixture.cells(file);
        assertThat(cells.get(0).getFirst()).isEqualTo("问题整改台账");
        assertThat(cells.get(1).getFirst()).isEqualTo("填报单位：");
        assertThat(cells.get(1)).contains("填报日期：2026年6月15日");
        assertThat(cells.get(2)).containsExactlyElementsOf(LedgerReport.COLUMNS);
        assertThat(cells.get(2).getFirst()).isEqualTo("问题编号");
        assertThat(cells.get(2).subList(cells.get(2).size() - 2, cells.get(2).size()))
                .containsExactly("状态", "预警");
        List<List<String>> rows = cells.subList(3, 7);
        assertThat(rows)
                .extracting(List::getFirst)
                .containsExactly("督改〔2026〕0001号", "督改〔2026〕0002号", "督改〔2026〕0003号", "");
        int state = LedgerReport.COLUMNS.indexOf("状态");
        int warning = LedgerReport.COLUMNS.indexOf("预警");
        assertThat(rows).extracting(r -> r.get(state)).containsExactly("已交办", "已交办", "已挂号", "待挂号");
        assertThat(rows).extracting(r -> r.get(warning)).containsExactly("逾期", "临期", "", "");
        assertThat(rows.get(0).get(LedgerReport.COLUMNS.indexOf("整改措施")))
                .isEqualTo("1. 制定年度会议计划（责任人：赵敏，时限：2026-06-25）");
        assertThat(rows.get(0).get(LedgerReport.COLUMNS.indexOf("来源"))).isEqualTo("2026年年中大督查");
        assertThat(rows.get(2).get(LedgerReport.COLUMNS.indexOf("来源"))).isEqualTo("督查走访");
        // the 合计 sentence under the rows (core.report's notes), after an empty row
        assertThat(cells.subList(7, cells.size()))
                .extracting(List::getFirst)
                .anySatisfy(first -> assertThat(first).startsWith("合计：共 4 个问题").contains("逾期 1 个，临期 1 个"));
        assertThat(cells.getLast().getFirst()).startsWith("填表人：").contains("审核人：", "联系电话：");

        try (InputStream in = Files.newInputStream(file);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("3:3");
            assertThat(sheet.getFooter().getCenter()).isEqualTo("第 &P 页 共 &N 页");
            assertThat(wb.getFontAt(sheet.getRow(3).getCell(6).getCellStyle().getFontIndex())
                            .getFontName())
                    .isEqualTo("宋体");
            assertThat(sheet.getRow(2).getCell(0).getCellStyle().getWrapText()).isTrue();
        }
    }

    @Test
    void filtersKeepAYearARoundAUnitAndTheCsvHasTheSameColumns() throws IOException {
        ledger();
        Path csv = dir.resolve("台账.csv");

        InspectionFiles.LedgerWritten w = files.writeLedger(
                new LedgerReport.Filter(2026, "2026年年中大督查", unit.name()), ReportFormat.CSV, csv, m, Progress.NONE);

        assertThat(w.rows()).isEqualTo(2);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).isEqualTo("\uFEFF" + String.join(",", LedgerReport.COLUMNS));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1))
                .startsWith("督改〔2026〕0001号,1,2026年年中大督查," + unit.name())
                .endsWith(",已交办,逾期");

        assertThat(files.writeLedger(new LedgerReport.Filter(2025, null, null), ReportFormat.CSV, csv, m, Progress.NONE)
                        .rows())
                .isEqualTo(1);
        assertThat(files.writeLedger(
                                new LedgerReport.Filter(null, null, otherUnit.name()),
                                ReportFormat.CSV,
                                csv,
                                m,
                                Progress.NONE)
                        .rows())
                .isEqualTo(1);
        assertThatThrownBy(() -> files.writeLedger(
                        new LedgerReport.Filter(null, "不存在的督查", null), ReportFormat.CSV, csv, m, Progress.NONE))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("ledgerReport.error.roundUnknown"));
    }

    @Test
    void aStateCutsTheLedgerToItsFindingsAndNamesItselfInTheTitle() throws IOException {
        ledger(); // 已交办 and overdue, 已交办 and due soon, 待挂号 (last year's), 已挂号 (the other unit's)
        Path csv = dir.resolve("状态.csv");
        java.util.function.Function<LedgerReport.State, Integer> rows = s -> files.writeLedger(
                        new LedgerReport.Filter(null, null, null, null, s), ReportFormat.CSV, csv, m, Progress.NONE)
                .rows();

        assertThat(rows.apply(LedgerReport.State.OVERDUE)).isEqualTo(1);
        assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8).get(1)).contains("支委会未按月召开");
        assertThat(rows.apply(LedgerReport.State.NOTIFIED)).isEqualTo(2);
        assertThat(rows.apply(LedgerReport.State.PENDING)).isEqualTo(1);
        assertThat(rows.apply(LedgerReport.State.REGISTERED)).isEqualTo(1);
        assertThat(rows.apply(LedgerReport.State.OPEN)).isEqualTo(4);
        assertThat(rows.apply(LedgerReport.State.CLOSED)).isZero();
        assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8)).hasSize(1); // the header alone

        Path xlsx = dir.resolve("逾期.xlsx");
        files.writeLedger(
                new LedgerReport.Filter(2026, null, unit.name(), null, LedgerReport.State.OVERDUE),
                ReportFormat.XLSX,
                xlsx,
                m,
                Progress.NONE);
        assertThat(InspectionFilesFixture.cells(xlsx).get(0).getFirst())
                .isEqualTo("2026年" + unit.name() + "问题整改台账（逾期）");
    }

    @Test
    void aStateIsNamedByItsWordOrItsName() {
        assertThat(LedgerReport.State.named("未销号")).contains(LedgerReport.State.OPEN);
        assertThat(LedgerReport.State.named(" overdue ")).contains(LedgerReport.State.OVERDUE);
        assertThat(LedgerReport.State.named("close-requested")).contains(LedgerReport.State.CLOSE_REQUESTED);
        assertThat(LedgerReport.State.named("待核查")).contains(LedgerReport.State.CLOSE_REQUESTED);
        assertThat(LedgerReport.State.named("已合并")).isEmpty(); // merged findings are never in a ledger report
        assertThat(LedgerReport.State.named(null)).isEmpty();
    }
}
