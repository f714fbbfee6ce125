package org.taizhang.checklist.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.checklist.BuiltInTemplates;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.checklist.model.Assessment;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.ItemAnswer;
import org.taizhang.checklist.model.Round;
import org.taizhang.core.DomainException;
import org.taizhang.core.files.FormWorkbook;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;
import org.taizhang.organization.model.Unit;

/**
 * The assessment form's round trip on a real SQLite file: exported for a branch, filled (or spoiled) with POI as
 * a branch's clerk would in Excel, imported back. A bad file writes nothing.
 */
class AssessmentFormTest {
    @TempDir
    Path dir;

    private final Messages m = Messages.forLocale(Messages.CHINESE);
    private Store store;
    private ChecklistService checklists;
    private ChecklistTemplate standard;
    private Organization branch;
    private Organization other;

    @BeforeEach
    void open() {
        store = Store.openOrCreate(dir.resolve("taizhang.db"));
        RegistryService registry = new RegistryService(store);
        registry.save(new Unit("u1", "江海市财政局", "市财政局", null, null, null, 1));
        registry.save(organization("o1", null, "市财政局机关党委", OrganizationKind.PARTY_COMMITTEE));
        branch = organization("o2", "o1", "市财政局机关第一党支部", OrganizationKind.BRANCH);
        other = organization("o3", "o1", "市财政局机关第二党支部", OrganizationKind.BRANCH);
        registry.save(branch);
        registry.save(other);
        checklists = new ChecklistService(store, registry);
        checklists.installBuiltInTemplates();
        standard = checklists.publish(BuiltInTemplates.standard(2026).id());
    }

    private static Organization organization(String id, String parent, String name, OrganizationKind kind) {
        return new Organization(
                id, "u1", parent, name, kind, "张红玲", null, 18, true, null, null, null, null, null, null, 0);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Path export(Organization o) {
        Path file = dir.resolve(o.id() + ".xlsx");
        new ChecklistFiles(checklists).exportForm(o.id(), standard.id(), Round.SELF, 2026, file, m, Progress.NONE);
        return file;
    }

    private String assessmentId(Organization o) {
        return ChecklistService.assessmentId(o.id(), standard.id(), Round.SELF, 2026);
    }

    // ---- filling a form as a clerk would, with POI

    private interface Edit {
        void apply(Form f) throws Exception;
    }

    /** The exported sheet by item number and column header. */
    private record Form(XSSFWorkbook wb, XSSFSheet sheet, Map<String, Integer> columns, Map<String, Row> rows) {
        Cell cell(String number, String column) {
            Row r = rows.get(number);
            int c = columns.get(column);
            return r.getCell(c) == null ? r.createCell(c) : r.getCell(c);
        }

        void set(String number, String column, String text) {
            cell(number, column).setCellValue(text);
        }

        void set(String number, String column, double value) {
            cell(number, column).setCellValue(value);
        }
    }

    private static void edit(Path file, Edit edit) throws Exception {
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        XSSFSheet sheet = wb.getSheetAt(0);
        Map<String, Integer> columns = new HashMap<>();
        Map<String, Row> rows = new HashMap<>();
        Row header = null;
        for (Row r : sheet) {
            Cell first = r.getCell(0);
            if (header == null && first != null && "编号".equals(first.getStringCellValue())) {
                header = r;
                r.forEach(c -> columns.put(c.getStringCellValue(), c.getColumnIndex()));
            } else if (header != null && first != null) {
                rows.put(first.getStringCellValue(), r);
            }
        }
        edit.apply(new Form(wb, sheet, columns, rows));
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
    }

    /** Every item answered in full: met, full points, no occurrence. */
    private void fillAll(Path file) throws Exception {
        edit(file, f -> {
            for (ChecklistItem i : standard.items()) {
                if (!i.appliesTo(OrganizationKind.BRANCH) || i.bonus()) {
                    continue;
                }
                switch (i.mode()) {
                    case YES_NO -> f.set(i.number(), "评分", "达到");
                    case GRADED -> f.set(i.number(), "评分", i.maxPoints().doubleValue());
                    case DEDUCTION -> f.set(i.number(), "扣分次数", i.number().equals("B2") ? 3 : 0);
                }
            }
        });
    }

    private List<String> lines(AssessmentFormImport r) {
        return FormWorkbook.lines(r.errors(), m);
    }

    @Test
    void theFormListsTheItemsOfTheBranchsKindProtectedWithTheCellsToFillOpen() throws Exception {
        Path file = export(branch);

        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("自评表");
            assertThat(sheet.getProtect()).isTrue();
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("2026年党支部标准化规范化建设考核细则（自评）");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
                    .contains("江海市财政局")
                    .contains("市财政局机关第一党支部");
            long items = standard.items().stream()
                    .filter(i -> i.appliesTo(OrganizationKind.BRANCH))
                    .count();
            assertThat(sheet.getLastRowNum() + 1).isEqualTo(5 + items); // title, three heading lines, the header
            assertThat(sheet.getDataValidations())
                    .anySatisfy(v -> assertThat(v.getValidationConstraint().getExplicitListValues())
                            .containsExactly("达到", "未达到"));
        }
        edit(file, f -> {
            assertThat(f.cell("A1", "考核内容").getCellStyle().getLocked()).isTrue();
            assertThat(f.cell("A1", "评分").getCellStyle().getLocked()).isFalse();
            assertThat(f.cell("A1", "扣分次数").getCellStyle().getLocked()).isTrue(); // met/not met: no count
            assertThat(f.cell("B1", "评分").getCellStyle().getLocked()).isTrue(); // a deduction: the count only
            assertThat(f.cell("B1", "扣分次数").getCellStyle().getLocked()).isFalse();
            assertThat(f.cell("A3", "不适用").getCellStyle().getLocked())
                    .as("veto")
                    .isTrue();
            assertThat(f.cell("B1", "计分方法").getStringCellValue()).isEqualTo("按次扣分：每次扣 1 分，最低 0 分");
        });
    }

    @Test
    void aFilledFormStartsTheAssessmentAndWritesEveryAnswerThenTheSameFileAgainChangesNothing() throws Exception {
        Path file = export(branch);
        fillAll(file);
        edit(file, f -> {
            f.set("F5", "评分", 2.5); // a bonus item
            f.set("A6", "不适用", "不适用");
            f.set("A6", "评分", "");
            f.set("A6", "不适用理由", "支部未设党小组");
            f.set("A7", "备注", "计划已报机关党委");
        });

        AssessmentFormImport first = new ChecklistFiles(checklists).importForm(file, null, Progress.NONE);

        assertThat(lines(first)).isEmpty();
        assertThat(first.applied()).isTrue();
        assertThat(first.started()).isTrue();
        assertThat(first.unscored()).isZero();
        Assessment stored = checklists.assessment(assessmentId(branch)).orElseThrow();
        assertThat(first.written()).isEqualTo(stored.answers().size());
        assertThat(stored.answers().get("std-A6").notApplicableReason()).isEqualTo("支部未设党小组");
        assertThat(stored.answers().get("std-A7").note()).isEqualTo("计划已报机关党委");
        assertThat(stored.answers().get("std-B2").occurrences()).isEqualTo(3);
        // 98 − 3 × 0.5 = 96.5 of the 98 points left without A6 (不适用), rescaled to 98.47, + 2.5 bonus
        assertThat(stored.score(standard, OrganizationKind.BRANCH).total()).isEqualByComparingTo("101.0");

        AssessmentFormImport again = new ChecklistFiles(checklists).importForm(file, null, Progress.NONE);

        assertThat(again.alreadyImported()).isTrue();
        assertThat(again.applied()).isFalse();
        assertThat(again.written()).isZero();
        assertThat(checklists.assessment(assessmentId(branch)).orElseThrow()).isEqualTo(stored);
    }

    @Test
    void aCorrectedFormReplacesOnlyTheAnswersItChangesAndSaysWhich() throws Exception {
        Path file = export(branch);
        fillAll(file);
        new ChecklistFiles(checklists).importForm(file, null, Progress.NONE);
        edit(file, f -> f.set("A7", "评分", 1.5));

        AssessmentFormImport corrected = new ChecklistFiles(checklists).importForm(file, null, Progress.NONE);

        assertThat(corrected.applied()).isTrue();
        assertThat(corrected.started()).isFalse();
        assertThat(corrected.written()).isEqualTo(1);
        assertThat(corrected.replaced()).containsExactly("A7");
        assertThat(checklists
                        .assessment(assessmentId(branch))
                        .orElseThrow()
                        .answers()
                        .get("std-A7")
                        .score())
                .isEqualByComparingTo("1.5");
    }

    @Test
    void aPartlyFilledFormIsTakenAndEmptyRowsKeepWhatIsStored() throws Exception {
        Assessment a = checklists.startAssessment(branch.id(), standard.id(), Round.SELF, 2026);
        checklists.answer(a.id(), ItemAnswer.met("std-A1", false));
        Path file = export(branch); // carries A1 as stored
        edit(file, f -> {
            f.set("A1", "评分", "");
            f.set("A2", "评分", "符合"); // the words of the issue, read as 达到
        });

        AssessmentFormImport r = new ChecklistFiles(checklists).importForm(file, null, Progress.NONE);

        assertThat(r.applied()).isTrue();
        Assessment stored = checklists.assessment(a.id()).orElseThrow();
        assertThat(stored.answers().get("std-A1").met()).isFalse();
        assertThat(stored.answers().get("std-A2").met()).isTrue();
        assertThat(r.unscored())
                .isEqualTo(stored.score(standard, OrganizationKind.BRANCH)
                        .unscored()
                        .size());
        assertThat(r.unscored()).isPositive();
    }

    @Test
    void aRowThatOnlyAddsANoteKeepsTheStoredResult() throws Exception {
        Assessment a = checklists.startAssessment(branch.id(), standard.id(), Round.SELF, 2026);
        checklists.answer(a.id(), ItemAnswer.met("std-A1", false));
        Path file = export(branch);
        edit(file, f -> {
            f.set("A1", "评分", ""); // emptied, and a note written: the result stays
            f.set("A1", "备注", "材料待补");
        });

        AssessmentFormImport r = new ChecklistFiles(checklists).importForm(file, null, Progress.NONE);

        assertThat(r.applied()).isTrue();
        ItemAnswer a1 = checklists.assessment(a.id()).orElseThrow().answers().get("std-A1");
        assertThat(a1.met()).isFalse();
        assertThat(a1.note()).isEqualTo("材料待补");
    }

    @Test
    void wrongValuesAreReportedCellByCellInChineseAndNothingIsWritten() throws Exception {
        Path file = export(branch);
        fillAll(file);
        edit(file, f -> {
            f.set("A7", "评分", 9); // above the item's 2 points
            f.set("B8", "评分", "两分"); // not a number
            f.set("A1", "评分", "差不多"); // neither 达到 nor 未达到
            f.set("B1", "扣分次数", 1.5); // not a whole number
            f.set("B3", "扣分次数", -2);
            f.set("A6", "不适用", "不适用"); // no reason given
            f.set("A6", "评分", "");
            f.set("C1", "评分", 0.25); // two decimals
        });

        AssessmentFormImport r = new ChecklistFiles(checklists).importForm(file, null, Progress.NONE);

        assertThat(r.applied()).isFalse();
        assertThat(lines(r))
                .containsExactlyInAnyOrder(
                        "“自评表”表第12行“评分”列：条目 A7 的得分应在 0 到 2 分之间。",
                        "“自评表”表第20行“评分”列：“两分”不是数字。",
                        "“自评表”表第6行“评分”列：“差不多”无法识别，请从下拉列表选择“达到”或“未达到”。",
                        "“自评表”表第13行“扣分次数”列：“1.5”不是整数，请填写扣分次数。",
                        "“自评表”表第15行“扣分次数”列：条目 B3 的次数不能为负数。",
                        "“自评表”表第11行“不适用理由”列：条目 A6 标为“不适用”，请说明理由。",
                        lineOf("C1", "评分", "条目 C1 的得分最多保留一位小数。"));
        assertThat(checklists.assessment(assessmentId(branch))).isEmpty();
    }

    /** The line for an item whose row depends on the template's order (found from the exported file). */
    private String lineOf(String number, String column, String text) {
        int row = 6; // title, three heading lines, the header
        for (ChecklistItem i : standard.items()) {
            if (!i.appliesTo(OrganizationKind.BRANCH)) {
                continue;
            }
            if (i.number().equals(number)) {
                return "“自评表”表第" + row + "行“" + column + "”列：" + text;
            }
            row++;
        }
        throw new IllegalArgumentException(number);
    }

    @Test
    void anEditedLockedCellIsRefusedEvenAfterTheProtectionWasRemoved() throws Exception {
        Path file = export(branch);
        fillAll(file);
        edit(file, f -> {
            f.sheet().protectSheet(null);
            f.set("A7", "分值", 20); // more points for an easy item
            f.set("A1", "扣分次数", 1); // a cell the item does not ask for
        });

        AssessmentFormImport r = new ChecklistFiles(checklists).importForm(file, null, Progress.NONE);

        assertThat(lines(r))
                .containsExactlyInAnyOrder(
                        "“自评表”表第12行“分值”列：此格是导出时给定的内容，不能修改；请改回原样，或重新导出一份表单。",
                        "“自评表”表第6行“扣分次数”列：此格是导出时给定的内容，不能修改；请改回原样，或重新导出一份表单。");
        assertThat(checklists.assessment(assessmentId(branch))).isEmpty();
    }

    @Test
    void aFormOfAnotherBranchIsRefusedWhereAnAssessmentIsExpected() throws Exception {
        Path file = export(other);
        fillAll(file);

        AssessmentFormImport r = new ChecklistFiles(checklists).importForm(file, assessmentId(branch), Progress.NONE);

        assertThat(lines(r)).containsExactly("这份表单是“市财政局机关第二党支部”2026年的“自评表”（细则“党支部标准化规范化建设考核细则”），不是当前这次评估的表单。");
        assertThat(checklists.assessment(assessmentId(other))).isEmpty();
        assertThat(checklists.assessment(assessmentId(branch))).isEmpty();
    }

    @Test
    void aFormWhoseBranchLeftTheRegistryIsRefused() throws Exception {
        Path file = export(other);
        fillAll(file);
        new RegistryService(store).deleteOrganization(other.id());

        assertThat(lines(new ChecklistFiles(checklists).importForm(file, null, Progress.NONE)))
                .containsExactly("表单所属的党组织“市财政局机关第二党支部”已不在组织台账中。");
    }

    @Test
    void aFinishedAssessmentRefusesAChangeButKnowsItsOwnFormAgain() throws Exception {
        Path file = export(branch);
        fillAll(file);
        new ChecklistFiles(checklists).importForm(file, null, Progress.NONE);
        checklists.finish(assessmentId(branch));

        assertThat(new ChecklistFiles(checklists)
                        .importForm(file, null, Progress.NONE)
                        .alreadyImported())
                .isTrue();

        edit(file, f -> f.set("A7", "评分", 1));
        assertThatThrownBy(() -> new ChecklistFiles(checklists).importForm(file, null, Progress.NONE))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey())
                .isEqualTo("checklist.error.readOnly");
        assertThatThrownBy(() -> export(branch))
                .extracting(e -> ((DomainException) e).messageKey())
                .isEqualTo("checklist.error.readOnly");
    }

    @Test
    void aBlankFormAMissingSignatureAndAFileThatIsNoWorkbookAreRefused() throws Exception {
        Path blank = export(branch);
        assertThat(lines(new ChecklistFiles(checklists).importForm(blank, null, Progress.NONE)))
                .containsExactly("表中没有填写任何评分，没有可导入的内容。");

        fillAll(blank);
        edit(blank, f -> f.wb().removeSheetAt(f.wb().getSheetIndex(FormWorkbook.SIGNATURE_SHEET)));
        assertThat(lines(new ChecklistFiles(checklists).importForm(blank, null, Progress.NONE)))
                .singleElement()
                .asString()
                .startsWith("这不是本程序导出的表单");

        Path text = dir.resolve("自评表.xlsx");
        Files.writeString(text, "编号,评分\nA1,达到\n");
        assertThatThrownBy(() -> new ChecklistFiles(checklists).importForm(text, null, Progress.NONE))
                .extracting(e -> ((DomainException) e).messageKey())
                .isEqualTo("import.error.notExcel");
        assertThat(checklists.assessment(assessmentId(branch))).isEmpty();
    }

    @Test
    void theDefaultTemplateIsTheLatestPublishedOneForTheKindAndTwoStandardsMustBeChosenBetween() {
        assertThat(checklists.formTemplate(branch, null).id()).isEqualTo(standard.id());
        ChecklistTemplate v2 =
                checklists.publish(checklists.newVersion(standard.id(), 2027).id());
        assertThat(checklists.formTemplate(branch, null).id()).isEqualTo(v2.id());
        assertThat(checklists.formTemplate(branch, standard.name()).id()).isEqualTo(v2.id());

        checklists.publish(BuiltInTemplates.site(2026).id());

        assertThatThrownBy(() -> checklists.formTemplate(branch, null))
                .isInstanceOf(DomainException.class)
                .extracting(e -> m.get(((DomainException) e).messageKey(), ((DomainException) e).args()))
                .isEqualTo("有多份已发布的考核细则适用于党支部：党员活动阵地“六有”标准、党支部标准化规范化建设考核细则。请指明用哪一份（--template）。");
        assertThat(checklists.formTemplate(branch, BuiltInTemplates.SITE_NAME).name())
                .isEqualTo(BuiltInTemplates.SITE_NAME);
    }

    /** A form this program wrote, of another kind or with a subject it cannot read (a signature that holds). */
    private Path otherForm(String kind, Map<String, String> subject) {
        Path file = dir.resolve(kind + ".xlsx");
        FormWorkbook.write(
                new FormWorkbook.Form(
                        kind,
                        AssessmentFormWorkbook.LAYOUT,
                        "form-x",
                        subject,
                        "反馈表",
                        "整改情况反馈表",
                        List.of(),
                        List.of(
                                new FormWorkbook.Column("number", "问题编号", 10, false, FormWorkbook.Type.TEXT),
                                new FormWorkbook.Column("measures", "整改措施", 20, true, FormWorkbook.Type.TEXT)),
                        List.of(new FormWorkbook.Row("f1", List.of("督改〔2026〕0001号", "已整改"), Map.of()))),
                file,
                m,
                Progress.NONE);
        return file;
    }

    @Test
    void aFormOfAnotherKindOrWithASubjectThisProgramNeverWroteIsRefused() {
        assertThat(lines(new ChecklistFiles(checklists)
                        .importForm(otherForm("feedback", Map.of("unit", "u1")), null, Progress.NONE)))
                .containsExactly("这份表单不是支部测评表（是其他功能导出的表单），请在相应的功能中导入。");
        Path noRound = otherForm(
                AssessmentFormWorkbook.KIND,
                Map.of(AssessmentFormWorkbook.ORGANIZATION, branch.id(), AssessmentFormWorkbook.ROUND, "FINAL"));
        assertThat(lines(new ChecklistFiles(checklists).importForm(noRound, null, Progress.NONE)))
                .containsExactly("表单的签名页已被改动或损坏，无法确认这份表单是为谁导出的。请重新导出表单填写。");
        Path noBranch = otherForm(
                AssessmentFormWorkbook.KIND,
                Map.of(AssessmentFormWorkbook.ROUND, "SELF", AssessmentFormWorkbook.YEAR, "2026"));
        assertThat(lines(new ChecklistFiles(checklists).importForm(noBranch, null, Progress.NONE)))
                .containsExactly("表单的签名页已被改动或损坏，无法确认这份表单是为谁导出的。请重新导出表单填写。");
        assertThat(checklists.assessmentsOfYear(2026)).isEmpty();
    }

    @Test
    void aDraftTemplateHasNoForm() {
        String draft = BuiltInTemplates.site(2026).id();

        assertThatThrownBy(() -> new ChecklistFiles(checklists)
                        .exportForm(branch.id(), draft, Round.SELF, 2026, dir.resolve("x.xlsx"), m, Progress.NONE))
                .extracting(e -> ((DomainException) e).messageKey())
                .isEqualTo("checklist.error.templateNotPublished");
        assertThat(dir.resolve("x.xlsx")).doesNotExist();
    }

    /**
     * LibreOffice (an independent reader, and what some branches save with) opens the form and saves it again,
     * as .xlsx and as .xls: the signature stays hidden, the protection stays, and both copies import.
     */
    @Test
    void aFormSavedAgainByLibreOfficeStillImports() throws Exception {
        Path soffice = Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .map(d -> Path.of(d, "soffice"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
        Assumptions.assumeTrue(soffice != null, "LibreOffice (soffice) is not installed");
        Path file = export(branch);
        fillAll(file);
        Path out = dir.resolve("lo");
        for (String format : List.of("xlsx", "xls")) {
            Process p = new ProcessBuilder(
                            soffice.toString(),
                            "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(),
                            "--headless",
                            "--convert-to",
                            format,
                            "--outdir",
                            out.toString(),
                            file.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("lo.log").toFile())
                    .start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        }
        try (XSSFWorkbook saved = new XSSFWorkbook(Files.newInputStream(out.resolve("o2.xlsx")))) {
            // LibreOffice keeps it hidden, but only hidden (it has no very hidden): the checksum still guards it
            assertThat(saved.getSheetVisibility(saved.getSheetIndex(FormWorkbook.SIGNATURE_SHEET)))
                    .isNotEqualTo(org.apache.poi.ss.usermodel.SheetVisibility.VISIBLE);
            assertThat(saved.getSheetAt(0).getProtect()).isTrue();
        }

        AssessmentFormImport r = new ChecklistFiles(checklists).importForm(out.resolve("o2.xlsx"), null, Progress.NONE);

        assertThat(lines(r)).isEmpty();
        assertThat(r.applied()).isTrue();
        assertThat(r.unscored()).isZero();
        // saved as Excel 97–2003 (.xls, as some offices still do): the same file, so already imported
        AssessmentFormImport xls =
                new ChecklistFiles(checklists).importForm(out.resolve("o2.xls"), null, Progress.NONE);
        assertThat(lines(xls)).isEmpty();
        assertThat(xls.alreadyImported()).isTrue();
    }
}
