package org.taizhang.report.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.ReportFormat;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.core.ui.RecordingDialogs;
import org.taizhang.core.ui.TaskExecutor;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.InspectionService;
import org.taizhang.inspection.sample.SampleFindings;
import org.taizhang.organization.RegistryService;
import org.taizhang.report.Reports;
import org.taizhang.report.model.Grouping;

/** The 报表 page's state on the sample: filters from the data, the table counted again on each change, 导出. */
class ReportsViewModelTest {
    @TempDir
    static Path dir;

    private static Store store;
    private static Reports reports;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final Messages m = Messages.forLocale(Messages.CHINESE);
    private ReportsViewModel vm;

    @BeforeEach
    void open() {
        if (store
                == null) { // the sample takes seconds: one database for the class, only read here (a 抄送 is remembered)
            store = Store.openOrCreate(dir.resolve("t.db"));
            store.designateHub();
            RegistryService registry = new RegistryService(store);
            registry.importSample(Progress.NONE);
            ChecklistService checklists = new ChecklistService(store, registry);
            checklists.importSample(checklists.today().getYear());
            SampleFindings.importInto(store, registry);
            reports = new Reports(
                    registry, checklists, new FindingService(store, registry), new InspectionService(store));
        }
        vm = new ReportsViewModel(reports, new TaskRunner(TaskExecutor.synchronous(), m, dialogs), dialogs, m);
        vm.load();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void theFiltersOfferWhatTheDataHoldsAndTheTableStartsAtThisYear() {
        ReportsViewModel.Choices c = vm.choicesProperty().get();
        int year = reports.heading().date().getYear();
        assertThat(c.years()).contains(year);
        assertThat(c.rounds()).isNotEmpty();
        assertThat(c.units()).hasSize(62);
        assertThat(c.communities()).hasSize(8);
        assertThat(vm.yearProperty().get()).isEqualTo(year);
        assertThat(vm.tableProperty().get().title()).isEqualTo(year + "年问题整改情况统计表");
        assertThat(vm.columnNames()).containsExactly("单位", "发现问题", "已销号", "整改中", "逾期", "销号率", "反弹率");
        assertThat(vm.rows().getLast().getFirst()).isEqualTo("合计");
        assertThat(vm.isTotal(vm.rows().getLast())).isTrue();
        assertThat(vm.isTotal(vm.rows().getFirst())).isFalse();
    }

    @Test
    void aFilterOrAnotherGroupingCountsTheTableAgain() {
        String round = vm.choicesProperty().get().rounds().getFirst();
        String allFound = vm.rows().getLast().get(1);

        vm.roundProperty().set(round);
        assertThat(vm.tableProperty().get().title()).contains(round);
        int ofRound = Integer.parseInt(vm.rows().getLast().get(1));
        assertThat(ofRound).isPositive().isLessThanOrEqualTo(Integer.parseInt(allFound));

        vm.groupingProperty().set(Grouping.CATEGORY);
        assertThat(vm.columnNames().getFirst()).isEqualTo("问题类别");
        assertThat(vm.rows().getLast().get(1)).isEqualTo(Integer.toString(ofRound)); // the same findings, other rows

        vm.kindProperty().set(ReportsViewModel.Kind.ACCEPTANCE_STATS);
        assertThat(vm.columnNames()).containsExactly("共同体", "支部数", "已验收", "达标", "未达标", "达标率");
        assertThat(vm.rows()).hasSize(8 + 1);
        List<String> byCommunity = vm.rows().getLast();
        vm.acceptanceGroupingProperty().set(Grouping.UNIT);
        assertThat(vm.columnNames().getFirst()).isEqualTo("单位");
        assertThat(vm.rows()).hasSizeGreaterThan(8 + 1);
        assertThat(vm.rows().getLast()).isEqualTo(byCommunity); // the same 合计
        vm.acceptanceGroupingProperty().set(Grouping.COMMUNITY);
    }

    /**
     * The documents the page holds whole — 月度通报, 上年问题整改情况, 换届提示函 — and the blank 测评表: each counted
     * with its filters, its first table in the 数据 tab, what stands in its way said in a sentence, and written.
     */
    @Test
    void everyReportOfThePageIsCountedShownAndWritten() throws Exception {
        int year = reports.heading().date().getYear();
        vm.kindProperty().set(ReportsViewModel.Kind.BULLETIN);
        assertThat(vm.hasDocument()).isTrue();
        assertThat(vm.tableProperty().get().title()).endsWith("月问题整改情况通报");

        vm.kindProperty().set(ReportsViewModel.Kind.LAST_YEAR);
        assertThat(vm.yearProperty().get()).as("last year, not this one").isEqualTo(year - 1);
        assertThat(vm.hasDocument()).isFalse();
        assertThat(vm.rows()).singleElement().isEqualTo(java.util.List.of("请选择单位。"));
        assertThat(vm.firstPageProperty().get()).isNull();
        vm.unitProperty().set(vm.choicesProperty().get().units().getFirst());
        assertThat(vm.hasDocument()).isTrue();
        assertThat(vm.tableProperty().get().title()).contains(vm.unitProperty().get());

        vm.kindProperty().set(ReportsViewModel.Kind.TERM_REMINDERS);
        vm.termMonthsProperty().set(12);
        assertThat(vm.hasDocument()).isTrue();
        Path letter = dir.resolve("换届提示函.docx");
        vm.exportDocument(ReportFormat.DOCX, letter);
        assertThat(letter).exists();
        assertThat(dialogs.opened).contains(letter);

        vm.kindProperty().set(ReportsViewModel.Kind.BLANK_CHECKLIST);
        assertThat(vm.choicesProperty().get().templates()).isNotEmpty();
        assertThat(vm.hasDocument()).isFalse();
        assertThat(vm.rows()).hasSizeGreaterThan(5);
        assertThat(vm.tableProperty().get().title())
                .contains(vm.choicesProperty().get().templates().getFirst());

        vm.yearProperty().set(year);
        vm.kindProperty().set(ReportsViewModel.Kind.ASSESSMENT_DETAIL);
        assertThat(vm.choicesProperty().get().branches()).isNotEmpty();
        assertThat(vm.columnNames()).contains("自评", "检查组评估", "达标验收");
        var branch = vm.choicesProperty().get().branches().getLast();
        vm.branchProperty().set(branch);
        assertThat(vm.tableProperty().get().title()).contains(branch.unit(), branch.branch());
        // another year offers its own branches: the sample assessed this year's only
        assertThat(vm.yearProperty().get()).isEqualTo(year);
        vm.yearProperty().set(year - 1);
        assertThat(vm.choicesProperty().get().branches()).isEmpty();
        assertThat(vm.branchProperty().get()).isNull();
        assertThat(vm.rows()).singleElement().isEqualTo(List.of("这一年还没有测评过的支部：请换一个年度。"));
        vm.yearProperty().set(year);
        assertThat(vm.choicesProperty().get().branches()).contains(branch);
        assertThat(vm.tableProperty().get().title())
                .contains(vm.choicesProperty().get().branches().getFirst().branch());

        vm.kindProperty().set(ReportsViewModel.Kind.CLOSE_CONFIRMATION);
        String number = vm.choicesProperty().get().closable().getFirst();
        assertThat(vm.tableProperty().get().title()).contains("销号确认单");
        assertThat(vm.rows().stream().flatMap(java.util.List::stream)).contains(number);
        Path confirmation = dir.resolve("销号确认单.pdf");
        vm.export(ReportFormat.PDF, confirmation);
        assertThat(org.taizhang.core.report.files.TablePdfTest.text(confirmation))
                .contains("销号确认单");
    }

    @Test
    void aDocumentIsWrittenWithTheNumberAndCopiesGivenAndTheCopiesAreOfferedNextTime() throws Exception {
        vm.kindProperty().set(ReportsViewModel.Kind.BULLETIN);
        vm.copyToProperty().set("市委组织部");
        assertThat(vm.firstPageProperty().get())
                .as("the first page drawn with it")
                .isNotNull();
        assertThat(reports.lastCopyTo())
                .as("a preview is no document sent: nothing remembered")
                .isEmpty();
        Path bulletin = dir.resolve("抄送的通报.docx");
        vm.exportDocument(ReportFormat.DOCX, bulletin);
        try (var d = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(bulletin))) {
            assertThat(d.getParagraphs().stream().map(p -> p.getText()).toList())
                    .contains("抄送：市委组织部。");
        }

        // this database names no 填报单位: a number would stand under no 发文机关, and is refused in words
        vm.numberProperty().set("江机工委督[2026]9号");
        Path numbered = dir.resolve("有文号的通报.docx");
        vm.exportDocument(ReportFormat.DOCX, numbered);
        assertThat(numbered).doesNotExist();
        assertThat(dialogs.shown).anyMatch(e -> e.startsWith("error: ") && e.contains("请先在“设置”中填写填报单位"));

        vm.numberProperty().set("江".repeat(40));
        Path refused = dir.resolve("文号太长.pdf");
        vm.exportDocument(ReportFormat.PDF, refused);
        assertThat(refused).doesNotExist();
        assertThat(dialogs.shown).anyMatch(e -> e.startsWith("error: ") && e.contains("发文字号不能超过"));

        ReportsViewModel next =
                new ReportsViewModel(reports, new TaskRunner(TaskExecutor.synchronous(), m, dialogs), dialogs, m);
        next.load();
        assertThat(next.copyToProperty().get()).isEqualTo("市委组织部");
        assertThat(next.numberProperty().get()).as("a number is one document's").isEmpty();
    }

    @Test
    void theLedgersStateCutsItsRowsButNotTheStatistics() {
        String found = vm.rows().getLast().get(1); // 问题整改情况统计表's 合计
        vm.ledgerStateProperty().set(org.taizhang.inspection.files.LedgerReport.State.CLOSED);
        assertThat(vm.rows().getLast().get(1))
                .as("the statistics take no state")
                .isEqualTo(found);

        vm.kindProperty().set(ReportsViewModel.Kind.LEDGER);
        int state = org.taizhang.inspection.files.LedgerReport.COLUMNS.indexOf("状态");
        assertThat(vm.tableProperty().get().title()).endsWith("问题整改台账（已销号）");
        assertThat(vm.rows())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.get(state)).isEqualTo("已销号"));
        vm.ledgerStateProperty().set(null);
        assertThat(vm.rows()).hasSize(Integer.parseInt(found));
    }

    @Test
    void theRegistryIsShownRowByOrganizationAndWrittenByItsOwnFiles() throws Exception {
        var registry = new RegistryService(store).load();
        vm.kindProperty().set(ReportsViewModel.Kind.REGISTRY);
        assertThat(vm.rows()).hasSize(registry.organizations().size());
        assertThat(vm.columnNames())
                .containsExactlyElementsOf(org.taizhang.organization.files.RegistryColumns.ORGANIZATION_HEADERS);

        Path workbook = dir.resolve("组织台账.xlsx");
        vm.export(ReportFormat.XLSX, workbook);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(workbook))) {
            // the registry's own workbook: the form its import reads back, one sheet per kind of record
            assertThat(wb.getNumberOfSheets()).isGreaterThanOrEqualTo(3);
        }
        Path pdf = dir.resolve("组织台账.pdf");
        vm.export(ReportFormat.PDF, pdf);
        assertThat(org.taizhang.core.report.files.TablePdfTest.text(pdf))
                .contains(registry.organizations().getFirst().name());
        assertThat(dialogs.opened).containsExactly(workbook, pdf);
    }

    @Test
    void exportWritesTheTableShownAndOffersToOpenIt() throws Exception {
        vm.communityProperty().set(vm.choicesProperty().get().communities().getFirst());
        Path file = dir.resolve(vm.suggestedName(ReportFormat.XLSX));
        assertThat(file.getFileName().toString()).endsWith("问题整改情况统计表.xlsx");

        vm.export(ReportFormat.XLSX, file);

        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo(vm.tableProperty().get().title());
            int last = 3 + vm.rows().size() - 1;
            assertThat(sheet.getRow(last).getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat((long) sheet.getRow(last).getCell(1).getNumericCellValue())
                    .isEqualTo(Long.parseLong(vm.rows().getLast().get(1)));
        }
        assertThat(dialogs.opened).containsExactly(file); // the recording dialogs answer 打开文件
    }

    @Test
    void aReportOfNothingShowsNoRowsButTheTotal() {
        vm.yearProperty().set(2019);
        assertThat(vm.rows()).hasSize(1);
        assertThat(vm.rows().getFirst()).containsExactly("合计", "0", "0", "0", "0", "", "");
        assertThat(List.copyOf(vm.columnNames())).hasSize(7);
    }

    @Test
    void noticesPreviewWhatTheyListAndAreWrittenPerUnitOrForOne() throws Exception {
        vm.kindProperty().set(ReportsViewModel.Kind.NOTICE);
        assertThat(vm.columnNames()).containsExactly("单位", "问题数");
        int units = vm.rows().size() - 1;
        long total = Long.parseLong(vm.rows().getLast().get(1));
        assertThat(units).isPositive();

        Path folder = Files.createDirectories(dir.resolve("通知书"));
        vm.exportNotices(folder);
        try (var files = Files.list(folder)) {
            assertThat(files.count()).isEqualTo(units);
        }

        String unit = vm.rows().getFirst().getFirst();
        vm.unitProperty().set(unit);
        assertThat(vm.columnNames()).containsExactly("问题编号", "问题类别", "存在问题", "整改时限");
        assertThat(vm.rows())
                .hasSize(Integer.parseInt(
                        reports.noticePreview(null, m).rows().getFirst().get(1).toString()));
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.getFirst()).startsWith("督改"));
        Path one = dir.resolve("一个单位.pdf");
        vm.exportNotices(one);
        assertThat(org.taizhang.core.report.files.TablePdfTest.text(one)).contains(unit + "：", "督查问题整改通知书");
        Path word = dir.resolve("一个单位.docx");
        vm.exportNotices(ReportFormat.DOCX, word);
        try (var d = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(word))) {
            assertThat(d.getParagraphs().stream().map(p -> p.getText()).toList())
                    .contains(unit + "：", "督查问题整改通知书");
        }
        assertThat(total).isGreaterThanOrEqualTo(vm.rows().size());
    }

    @Test
    void theRoundsReportPreviewsItsTableByCategoryAndIsWrittenOnceARoundIsChosen() throws Exception {
        vm.kindProperty().set(ReportsViewModel.Kind.INSPECTION_REPORT);
        assertThat(vm.rows()).isEmpty(); // no round yet: nothing to report
        assertThat(vm.columnNames()).containsExactly("请在上方选择一次督查");
        String round = reports.roundTitles().getFirst();
        vm.roundProperty().set(round);
        assertThat(vm.columnNames()).startsWith("问题类别", "发现问题");
        assertThat(vm.rows().getLast().getFirst()).isEqualTo("合计");
        Path pdf = dir.resolve("督查情况报告.pdf");
        vm.exportInspectionReport(ReportFormat.PDF, pdf);
        assertThat(org.taizhang.core.report.files.TablePdfTest.text(pdf).replaceAll("\\s", ""))
                .contains("关于" + round + "情况的报告", "表1");
        Path word = dir.resolve("督查情况报告.docx");
        vm.exportInspectionReport(ReportFormat.DOCX, word);
        try (var d = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(word))) {
            assertThat(d.getTables()).hasSize(2);
        }
    }
}
