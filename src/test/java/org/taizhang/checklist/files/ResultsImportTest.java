package org.taizhang.checklist.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.checklist.AcceptanceBoard;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.checklist.model.AcceptanceStatus;
import org.taizhang.checklist.model.PastResult;
import org.taizhang.checklist.model.Round;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.TestWorkbooks;
import org.taizhang.organization.files.ImportReport;
import org.taizhang.organization.files.ImportReports;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;
import org.taizhang.organization.model.Unit;

/** Past results (往年结果) imported from workbooks built here, into a real SQLite file. */
class ResultsImportTest {
    private static final List<String> HEADERS = List.of("单位", "组织名称", "年度", "轮次", "总分", "等级", "结论");

    @TempDir
    Path dir;

    private Store store;
    private ChecklistService checklists;

    @BeforeEach
    void open() {
        store = Store.openOrCreate(dir.resolve("taizhang.db"));
        RegistryService registry = new RegistryService(store);
        registry.save(new Unit("u1", "江海市财政局", null, null, null, null, 1));
        registry.save(org("committee", null, "市财政局机关党委", OrganizationKind.PARTY_COMMITTEE));
        registry.save(org("g1", "committee", "第一党总支", OrganizationKind.GENERAL_BRANCH));
        registry.save(org("g2", "committee", "第二党总支", OrganizationKind.GENERAL_BRANCH));
        registry.save(org("b1", "committee", "办公室党支部", OrganizationKind.BRANCH));
        registry.save(org("b2", "g1", "第一党支部", OrganizationKind.BRANCH));
        registry.save(org("b3", "g2", "第一党支部", OrganizationKind.BRANCH)); // the same name under another 总支
        checklists = new ChecklistService(store, registry);
        checklists.installBuiltInTemplates(); // their bands are the ratings a file may use
    }

    private static Organization org(String id, String parent, String name, OrganizationKind kind) {
        return new Organization(
                id, "u1", parent, name, kind, null, null, 10, false, null, null, null, null, null, null, 0);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long rows() {
        return store.read().fetchCount(store.read().selectFrom("assessment_result"));
    }

    @Test
    void aGoodFileIsImportedOnceAndImportingItAgainChangesNothing() throws Exception {
        Path file = new TestWorkbooks()
                .sheet("往年结果", List.of("单位", "组织名称", "上级组织", "年度", "轮次", "总分", "等级", "结论"))
                .row("江海市财政局", "办公室党支部", "", "2024", "达标验收", "85.5", "四星", "达标")
                .row("江海市财政局", "第一党支部", "第一党总支", "2024", "达标验收", "58", "一星", "未达标")
                .row("江海市财政局", "第一党支部", "第二党总支", "2025年", "达标验收", "", "", "达标")
                .row("江海市财政局", "办公室党支部", "", "2025", "自评", "92", "", "达标")
                .write(dir.resolve("往年结果.xlsx"));

        ImportReport report = new ChecklistFiles(checklists).importResults(file, Progress.NONE);

        assertThat(report.errors()).isEmpty();
        assertThat(report.applied()).isTrue();
        assertThat(report.created()).isEqualTo(4);
        List<PastResult> stored = checklists.results(2024, 2025);
        assertThat(stored).hasSize(4);
        PastResult b1 = stored.stream()
                .filter(r -> r.organizationId().equals("b1") && r.year() == 2024)
                .findFirst()
                .orElseThrow();
        assertThat(b1.id()).isEqualTo(PastResult.idOf("b1", 2024, Round.ACCEPTANCE));
        assertThat(b1.totalScore()).isEqualByComparingTo("85.5");
        assertThat(b1.rating()).isEqualTo("四星");
        assertThat(b1.passed()).isTrue();
        assertThat(b1.sourceFile()).isEqualTo("往年结果.xlsx");
        assertThat(stored)
                .filteredOn(r -> r.organizationId().equals("b3"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.year()).isEqualTo(2025);
                    assertThat(r.totalScore()).isNull();
                    assertThat(r.rating()).isNull();
                });
        long history = store.read().fetchCount(store.read().selectFrom("history"));

        ImportReport again = new ChecklistFiles(checklists).importResults(file, Progress.NONE);

        assertThat(List.of(again.created(), again.updated(), again.unchanged())).containsExactly(0, 0, 4);
        assertThat(store.read().fetchCount(store.read().selectFrom("history"))).isEqualTo(history);
        // the board of 2024: b1 passed, b2 failed, b3 not assessed (3 branches)
        AcceptanceBoard board = checklists.board(2024);
        assertThat(board.statusByBranch())
                .containsEntry("b1", AcceptanceStatus.PASSED)
                .containsEntry("b2", AcceptanceStatus.FAILED)
                .containsEntry("b3", AcceptanceStatus.NOT_ASSESSED);
        assertThat(board.total().rate()).isEqualByComparingTo("33.3");
        assertThat(checklists.boards(2024, 2025).get(1).statusByBranch())
                .containsEntry("b3", AcceptanceStatus.PASSED)
                .containsEntry("b1", AcceptanceStatus.AWAITING_REVIEW);
    }

    @Test
    void numbersAsExcelStoresThemReadAsTheyShow() throws Exception {
        Path file = dir.resolve("numbers.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            var sheet = wb.createSheet("往年结果");
            var header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(HEADERS.get(c));
            }
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("江海市财政局");
            row.createCell(1).setCellValue("办公室党支部");
            row.createCell(2).setCellValue(2024); // numeric cells, as typed in Excel
            row.createCell(3).setCellValue("达标验收");
            row.createCell(4).setCellValue(76.5);
            row.createCell(5).setCellValue("三星");
            row.createCell(6).setCellValue("达标");
            wb.write(out);
        }

        ImportReport report = new ChecklistFiles(checklists).importResults(file, Progress.NONE);

        assertThat(report.errors()).isEmpty();
        assertThat(checklists.results(2024, 2024).getFirst().totalScore()).isEqualByComparingTo("76.5");
        assertThat(new ChecklistFiles(checklists)
                        .importResults(file, Progress.NONE)
                        .unchanged())
                .isEqualTo(1);
    }

    @Test
    void anyBadRowRejectsTheWholeFileWithEveryProblemNamedByRowAndColumn() throws Exception {
        Path file = new TestWorkbooks()
                .sheet("往年结果", HEADERS)
                .row("江海市财政局", "办公室党支部", "2024", "达标验收", "85", "四星", "达标") // good, but not written
                .row("江海市税务局", "办公室党支部", "2024", "达标验收", "85", "", "达标")
                .row("江海市财政局", "第一党支部", "2024", "达标验收", "85", "", "达标")
                .row("江海市财政局", "市财政局机关党委", "2024", "达标验收", "85", "", "达标")
                .row("江海市财政局", "办公室党支部", "二〇二四", "年终", "八十", "优等", "合格")
                .row("江海市财政局", "办公室党支部", "2024", "达标验收", "70", "", "未达标")
                .row("江海市财政局", "", "", "达标验收", "70", "", "")
                .write(dir.resolve("bad.xlsx"));

        ImportReport report = new ChecklistFiles(checklists).importResults(file, Progress.NONE);

        assertThat(report.applied()).isFalse();
        assertThat(rows()).isZero();
        assertThat(report.errors())
                .extracting(e -> e.row() + " " + e.column() + " " + e.issue().messageKey())
                .containsExactly(
                        "3 单位 checklist.import.unitUnknown",
                        "4 组织名称 checklist.import.organizationAmbiguous",
                        "5 组织名称 checklist.import.notBranch",
                        "6 年度 checklist.import.year",
                        "6 轮次 checklist.import.round",
                        "6 总分 checklist.import.score",
                        "6 等级 checklist.import.rating",
                        "6 结论 checklist.import.conclusion",
                        "7 组织名称 checklist.import.duplicateRow",
                        "8 组织名称 checklist.import.required",
                        "8 年度 checklist.import.required",
                        "8 结论 checklist.import.required");
        Messages m = Messages.forLocale(Messages.CHINESE);
        assertThat(ImportReports.line(report.errors().get(1), m))
                .isEqualTo("“往年结果”表第4行“组织名称”：单位“江海市财政局”中有多个名为“第一党支部”的党组织："
                        + "“第一党支部”（上级组织：第一党总支）、“第一党支部”（上级组织：第二党总支）；请在“上级组织”列注明是哪一个。");
        assertThat(ImportReports.line(report.errors().get(3), m))
                .isEqualTo("“往年结果”表第6行“年度”：“二〇二四”不是有效的年度，应为 2000 至 "
                        + checklists.today().getYear() + " 之间的整数。");
        assertThat(ImportReports.line(report.errors().get(8), m)).contains("与第2行重复");
    }

    @Test
    void aWorkbookWhoseOnlySheetIsSheet1IsReadAndTheReportNamesIt() throws Exception {
        Path sheet1 = new TestWorkbooks()
                .sheet("Sheet1", HEADERS)
                .row("江海市财政局", "办公室党支部", "2024", "达标验收", "85", "四星", "达标")
                .write(dir.resolve("sheet1.xlsx"));

        ImportReport report = new ChecklistFiles(checklists).importResults(sheet1, Progress.NONE);

        assertThat(report.errors()).isEmpty();
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.sheet()).isEqualTo("Sheet1");
    }

    @Test
    void aFileWithoutTheSheetOrAColumnIsRefusedBeforeAnyRow() throws Exception {
        Path noSheet = new TestWorkbooks()
                .sheet("说明", List.of("填表说明"))
                .row("按年度填写")
                .sheet("Sheet2", List.of("单位", "组织名称"))
                .row("江海市财政局", "办公室党支部")
                .write(dir.resolve("sheet1.xlsx"));
        Path noColumn = new TestWorkbooks()
                .sheet("往年结果", List.of("单位", "组织名称", "年度", "轮次", "总分", "等级"))
                .row("江海市财政局", "办公室党支部", "2024", "达标验收", "85", "四星")
                .write(dir.resolve("column.xlsx"));

        assertThat(new ChecklistFiles(checklists)
                        .importResults(noSheet, Progress.NONE)
                        .errors())
                .extracting(e -> e.issue().messageKey())
                .containsExactly("checklist.import.noSheet");
        assertThat(new ChecklistFiles(checklists)
                        .importResults(noColumn, Progress.NONE)
                        .errors())
                .extracting(e -> e.column() + " " + e.issue().messageKey())
                .containsExactly("结论 checklist.import.missingColumn");
        assertThat(rows()).isZero();
    }
}
