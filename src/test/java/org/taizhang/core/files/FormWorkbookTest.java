package org.taizhang.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.files.FormWorkbook.Check;
import org.taizhang.core.files.FormWorkbook.Column;
import org.taizhang.core.files.FormWorkbook.Type;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.task.Progress;

/**
 * The form mechanism on its own, with a form shaped like the ledger's feedback form (locked number, text and
 * deadline; editable measures and date): what goes out, and what coming back is refused, row by row.
 */
class FormWorkbookTest {
    @TempDir
    Path dir;

    private final Messages m = Messages.forLocale(Messages.CHINESE);

    private FormWorkbook.Form form() {
        List<Column> columns = List.of(
                new Column("number", "问题编号", 12, false, Type.TEXT),
                new Column("text", "问题描述", 20, false, Type.TEXT),
                new Column("deadline", "整改时限", 8, false, Type.DATE),
                new Column("points", "分值", 4, false, Type.NUMBER),
                new Column("measures", "整改措施", 20, true, Type.TEXT),
                new Column("done", "完成日期", 8, true, Type.DATE),
                new Column("state", "完成情况", 8, true, Type.TEXT));
        return new FormWorkbook.Form(
                "feedback",
                1,
                "form-1",
                Map.of("unit", "u1"),
                "反馈表",
                "整改情况反馈表",
                List.of("单位：市财政局", "填写说明：只填黄色格。"),
                columns,
                List.of(
                        new FormWorkbook.Row(
                                "f1",
                                List.of("督改〔2026〕0001号", "三会一课记录不全", "2026-06-30", "0.5", "补齐记录", "", ""),
                                Map.of("done", new Check.Date(), "state", new Check.Choices(List.of("已完成", "未完成")))),
                        new FormWorkbook.Row(
                                "f2",
                                List.of("督改〔2026〕0002号", "党费未按月交纳", "2026-07-31", "2", "", "", ""),
                                Map.of("state", new Check.Disabled()))));
    }

    private Path exported() {
        Path file = dir.resolve("form.xlsx");
        FormWorkbook.write(form(), file, m, Progress.NONE);
        return file;
    }

    private interface Edit {
        void apply(XSSFWorkbook wb) throws Exception;
    }

    private static void edit(Path file, Edit edit) throws Exception {
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        edit.apply(wb);
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
    }

    /** Row 5 (1-based) is the header: title, two heading lines, then the table. */
    private static org.apache.poi.ss.usermodel.Cell cell(XSSFWorkbook wb, int row, int column) {
        var r = wb.getSheet("反馈表").getRow(row - 1);
        return r.getCell(column) == null ? r.createCell(column) : r.getCell(column);
    }

    private static List<String> keys(List<RowIssue> issues) {
        return issues.stream().map(i -> i.issue().messageKey()).toList();
    }

    @Test
    void anUntouchedFormReadsBackWithItsSignatureRowsAndValues() throws Exception {
        Path file = exported();

        FormWorkbook.Filled filled = FormWorkbook.read(file);

        assertThat(filled.errors()).isEmpty();
        assertThat(filled.signature())
                .isEqualTo(new FormWorkbook.Signature("feedback", 1, "form-1", Map.of("unit", "u1")));
        assertThat(filled.sheet()).isEqualTo("反馈表");
        assertThat(filled.rows()).extracting(FormWorkbook.FilledRow::key).containsExactly("f1", "f2");
        assertThat(filled.rows().getFirst().number()).isEqualTo(5);
        assertThat(filled.rows().getFirst().values())
                .containsExactly(Map.entry("measures", "补齐记录"), Map.entry("done", ""), Map.entry("state", ""));
        // a disabled cell is locked, so it is not among the values the caller reads
        assertThat(filled.rows().get(1).values()).doesNotContainKey("state");
    }

    @Test
    void theSheetIsProtectedExceptTheCellsToFillAndTheSignatureIsVeryHidden() throws Exception {
        Path file = exported();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            XSSFSheet sheet = wb.getSheet("反馈表");
            assertThat(sheet.getProtect()).isTrue();
            assertThat(wb.getSheetVisibility(wb.getSheetIndex(FormWorkbook.SIGNATURE_SHEET)))
                    .isEqualTo(SheetVisibility.VERY_HIDDEN);
            assertThat(wb.getActiveSheetIndex()).isZero();
            assertThat(wb.isStructureLocked()).isTrue();
            assertThat(cell(wb, 5, 1).getCellStyle().getLocked()).isTrue();
            assertThat(cell(wb, 5, 4).getCellStyle().getLocked()).isFalse();
            assertThat(cell(wb, 6, 6).getCellStyle().getLocked()).as("disabled").isTrue();
            assertThat(cell(wb, 5, 2).getLocalDateTimeCellValue().toLocalDate()).hasToString("2026-06-30");
            assertThat(cell(wb, 5, 3).getNumericCellValue()).isEqualTo(0.5);
            assertThat(cell(wb, 4, 0).getStringCellValue()).isEqualTo("问题编号");
            List<? extends DataValidation> validations = sheet.getDataValidations();
            assertThat(validations)
                    .anySatisfy(v -> assertThat(v.getValidationConstraint().getExplicitListValues())
                            .containsExactly("已完成", "未完成"));
            assertThat(validations).hasSize(2); // the date and the choice of the first row; the second's is disabled
        }
    }

    @Test
    void anEditedLockedCellIsFoundEvenWhenTheSheetWasUnprotected() throws Exception {
        Path file = exported();
        edit(file, wb -> {
            wb.getSheet("反馈表").protectSheet(null);
            cell(wb, 5, 2).setCellValue(java.time.LocalDate.of(2026, 12, 31)); // a later deadline
            cell(wb, 6, 1).setCellValue("党费已交");
            cell(wb, 6, 6).setCellValue("已完成"); // a cell this row does not ask for
            cell(wb, 5, 4).setCellValue("已补齐三会一课记录"); // allowed
        });

        FormWorkbook.Filled filled = FormWorkbook.read(file);

        assertThat(filled.errors())
                .extracting(RowIssue::row, RowIssue::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(5, "整改时限"),
                        org.assertj.core.groups.Tuple.tuple(6, "问题描述"),
                        org.assertj.core.groups.Tuple.tuple(6, "完成情况"));
        assertThat(keys(filled.errors())).containsOnly("form.error.lockedCellChanged");
        assertThat(FormWorkbook.line(filled.errors().getFirst(), m))
                .isEqualTo("“反馈表”表第5行“整改时限”列：此格是导出时给定的内容，不能修改；请改回原样，或重新导出一份表单。");
    }

    @Test
    void addedDeletedAndDoubledRowsAreRowErrors() throws Exception {
        Path file = exported();
        edit(file, wb -> {
            XSSFSheet s = wb.getSheet("反馈表");
            s.protectSheet(null);
            cell(wb, 6, 0).setCellValue("督改〔2026〕0001号"); // the second row now claims the first's number
            cell(wb, 6, 1).setCellValue("三会一课记录不全");
            var added = s.createRow(7);
            added.createCell(0).setCellValue("督改〔2026〕0099号");
            added.createCell(4).setCellValue("新增的问题");
            s.createRow(8).createCell(4).setCellValue("没有编号的一行");
        });

        FormWorkbook.Filled filled = FormWorkbook.read(file);

        assertThat(keys(filled.errors()))
                .contains("form.error.rowTwice", "form.error.rowAdded", "form.error.rowMissing");
        assertThat(FormWorkbook.lines(filled.errors(), m))
                .contains(
                        "“反馈表”表第6行：“督改〔2026〕0001号”在表中出现了两次（另见第5行）。",
                        "“反馈表”表第8行：“督改〔2026〕0099号”不是导出时表中的行：表中不能新增行，也不能改动第一列的编号。",
                        "“反馈表”表第6行：导出时的“督改〔2026〕0002号”行不见了，请勿删除行。",
                        "“反馈表”表第9行：此行第一列是空的：表中不能新增行，也不能清除第一列的编号。");
    }

    @Test
    void aMissingOrEditedSignatureRefusesTheWholeFile() throws Exception {
        Path file = exported();
        edit(
                file,
                wb -> wb.getSheet(FormWorkbook.SIGNATURE_SHEET)
                        .getRow(5)
                        .getCell(2)
                        .setCellValue("u2")); // the subject: another unit
        assertThat(keys(FormWorkbook.read(file).errors())).containsExactly("form.error.signatureDamaged");
        assertThat(FormWorkbook.read(file).signature()).isNull();

        edit(file, wb -> wb.removeSheetAt(wb.getSheetIndex(FormWorkbook.SIGNATURE_SHEET)));
        FormWorkbook.Filled filled = FormWorkbook.read(file);
        assertThat(keys(filled.errors())).containsExactly("form.error.noSignature");
        assertThat(FormWorkbook.line(filled.errors().getFirst(), m)).startsWith("这不是本程序导出的表单");
    }

    @Test
    void aRenamedColumnIsRefused() throws Exception {
        Path file = exported();
        edit(file, wb -> cell(wb, 4, 4).setCellValue("措施"));

        assertThat(FormWorkbook.lines(FormWorkbook.read(file).errors(), m))
                .containsExactly("“反馈表”表第4行：找不到“整改措施”列：表格的列被删除或改名了，请用原样的表单填写。");
    }

    @Test
    void aFormulaSavedWithoutItsResultIsNotReadAsBlank() throws Exception {
        Path file = exported();
        // a blank cell given a formula by a program, never calculated: no result in the file
        edit(file, wb -> cell(wb, 5, 6).setCellFormula("\"已\"&\"完成\""));

        assertThat(FormWorkbook.lines(FormWorkbook.read(file).errors(), m))
                .containsExactly("“反馈表”表第5行“完成情况”列：此格是公式，但文件中没有它的计算结果。请在 Excel 或 WPS 中打开该文件并保存（重新计算）后再导入。");
    }
}
