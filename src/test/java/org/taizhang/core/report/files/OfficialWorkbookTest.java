package org.taizhang.core.report.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.ReportFormat;
import org.taizhang.core.report.ReportTable;
import org.taizhang.core.report.ReportTable.Column;
import org.taizhang.core.task.Progress;

/** A table in the official Excel layout (DOMAIN.md), read back cell by cell. */
class OfficialWorkbookTest {
    @TempDir
    Path dir;

    private final Messages m = Messages.forLocale(Messages.CHINESE);

    static ReportTable table() {
        return new ReportTable(
                "2026年问题整改情况统计表",
                "按单位统计",
                List.of(
                        Column.text("单位", 14),
                        Column.wrapped("说明", 20),
                        Column.count("发现问题"),
                        Column.percent("销号率"),
                        Column.date("统计日期")),
                List.of(
                        Arrays.asList("江海市财政局", "=1+1", 7, new BigDecimal("57.1"), LocalDate.of(2026, 12, 6)),
                        Arrays.asList("江海市审计局", "@SUM(A1:A2)", 0, null, null),
                        Arrays.asList("-2+3", "+电话", 3, new BigDecimal("100.0"), LocalDate.of(2026, 1, 31))),
                Arrays.asList("合计", null, 10, new BigDecimal("70.0"), null),
                List.of("说明：销号率 = 已销号 ÷ 发现问题。"));
    }

    private XSSFWorkbook written() throws Exception {
        Path file = dir.resolve("表.xlsx");
        TableFiles.write(
                table(),
                new ReportTable.Heading("中共江海市直属机关工作委员会", LocalDate.of(2026, 12, 6)),
                ReportFormat.XLSX,
                file,
                m,
                Progress.NONE);
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    @Test
    void theTitleHeadingHeaderRowsTotalNotesAndSignaturesAreWhereTheOfficeExpectsThem() throws Exception {
        try (XSSFWorkbook wb = written()) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(wb.getSheetName(0)).isEqualTo("按单位统计");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("2026年问题整改情况统计表");
            assertThat(sheet.getMergedRegions()).contains(CellRangeAddress.valueOf("A1:E1"));
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("填报单位：中共江海市直属机关工作委员会");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("填报日期：2026年12月6日");
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("发现问题");
            assertThat(wb.getFontAt(sheet.getRow(2).getCell(2).getCellStyle().getFontIndex())
                            .getBold())
                    .isTrue();
            assertThat(sheet.getRow(2).getCell(2).getCellStyle().getWrapText()).isTrue();
            assertThat(sheet.getRow(6).getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(sheet.getRow(6).getCell(2).getNumericCellValue()).isEqualTo(10);
            assertThat(sheet.getRow(8).getCell(0).getStringCellValue()).startsWith("说明：");
            assertThat(sheet.getRow(10).getCell(0).getStringCellValue())
                    .startsWith("填表人：")
                    .contains("审核人：");
        }
    }

    @Test
    void countsPercentsAndDatesAreNumbersAndATypedFormulaStaysText() throws Exception {
        try (XSSFWorkbook wb = written()) {
            XSSFSheet sheet = wb.getSheetAt(0);
            var first = sheet.getRow(3);
            assertThat(first.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(7);
            assertThat(first.getCell(3).getNumericCellValue()).isCloseTo(0.571, Offset.offset(1e-12));
            assertThat(first.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(DateUtil.isCellDateFormatted(first.getCell(4))).isTrue();
            assertThat(first.getCell(4).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2026, 12, 6));
            // what a clerk typed is never run as a formula (CSV/Excel injection)
            assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("=1+1");
            assertThat(sheet.getRow(4).getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(5).getCell(0).getStringCellValue()).isEqualTo("-2+3");
            // a rate of nothing is an empty cell, not 0 %
            assertThat(sheet.getRow(4).getCell(3).getCellType()).isEqualTo(CellType.BLANK);
        }
    }

    @Test
    void theHeaderIsFrozenFilteredOverTheRowsOnlyAndRepeatedOnEveryA4LandscapePage() throws Exception {
        try (XSSFWorkbook wb = written()) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 3);
            // the 合计 is outside the filter: sorting never moves it into the rows
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A3:E6");
            assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("3:3"));
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo((short) 9); // A4
            assertThat(sheet.getFooter().getCenter()).isEqualTo("第 &P 页 共 &N 页");
            assertThat(sheet.getColumnWidth(0)).isEqualTo(14 * 512);
        }
    }

    /** A narrow table prints portrait, as its PDF; a long note gets the height of its lines in its merged row. */
    @Test
    void aNarrowTableIsPortraitAndALongNoteIsNotCut() throws Exception {
        String note = "说明：发现问题为当年发现的问题（已合并的不计）；已销号为经核查合格销号的问题；整改中为尚未销号的问题；"
                + "逾期为超过整改时限仍未销号的问题；销号率 = 已销号 ÷ 发现问题；反弹率为销号后同类问题再次发生的比例。";
        ReportTable narrow = new ReportTable(
                "问题整改情况统计表",
                "统计",
                List.of(Column.text("单位", 14), Column.count("发现问题"), Column.count("已销号"), Column.percent("销号率")),
                List.<List<Object>>of(Arrays.asList("江海市财政局", 7, 4, new BigDecimal("57.1"))),
                Arrays.asList("合计", 7, 4, new BigDecimal("57.1")),
                List.of(note));
        Path file = dir.resolve("窄表.xlsx");
        TableFiles.write(
                narrow,
                new ReportTable.Heading("中共江海市直属机关工作委员会", LocalDate.of(2026, 12, 6)),
                ReportFormat.XLSX,
                file,
                m,
                Progress.NONE);
        try (InputStream in = Files.newInputStream(file);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getPrintSetup().getLandscape()).isFalse();
            var noteRow = java.util.stream.StreamSupport.stream(sheet.spliterator(), false)
                    .filter(r ->
                            r.getCell(0) != null && note.equals(r.getCell(0).getStringCellValue()))
                    .findFirst()
                    .orElseThrow();
            // about 100 characters across 27 of a merged row: four lines at least, not one
            assertThat(noteRow.getHeightInPoints()).isGreaterThanOrEqualTo(4 * 15f);
            assertThat(noteRow.getCell(0).getCellStyle().getWrapText()).isTrue();
        }
    }

    /**
     * Where LibreOffice is installed: it opens the workbook, and what it reads back (saved as CSV) has the 合计's numbers
     * as numbers and the percent as a percent — not a text that merely looks like one.
     */
    @Test
    void libreOfficeOpensTheWorkbookAndReadsTheNumbersBack() throws Exception {
        String soffice = DocumentDocxTest.soffice();
        org.junit.jupiter.api.Assumptions.assumeTrue(soffice != null, "LibreOffice (soffice) is not installed");
        Path file = dir.resolve("stats.xlsx");
        TableFiles.write(
                table(),
                new ReportTable.Heading("中共江海市直属机关工作委员会", LocalDate.of(2026, 12, 6)),
                ReportFormat.XLSX,
                file,
                m,
                Progress.NONE);
        Path out = dir.resolve("csv");
        Process p = new ProcessBuilder(
                        soffice,
                        "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(),
                        "--headless",
                        "--convert-to",
                        "csv:Text - txt - csv (StarCalc):44,34,76",
                        "--outdir",
                        out.toString(),
                        file.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("soffice.log").toFile())
                .start();
        assertThat(p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        List<String> lines = Files.readAllLines(out.resolve("stats.csv"), java.nio.charset.StandardCharsets.UTF_8);
        String total =
                lines.stream().filter(l -> l.startsWith("合计")).findFirst().orElseThrow();
        // 合计, (说明), 10 found, 70.0%: LibreOffice formats the numbers it read as numbers
        assertThat(total.split(",", -1)).startsWith("合计", "", "10", "70.0%");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("江海市财政局,=1+1,7,57.1%,2026-12-06"));
    }

    @Test
    void aCsvHoldsTheHeaderTheRowsAndTheTotalAsText() throws Exception {
        Path file = dir.resolve("表.csv");
        TableFiles.write(
                table(),
                new ReportTable.Heading("", LocalDate.of(2026, 12, 6)),
                ReportFormat.CSV,
                file,
                m,
                Progress.NONE);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.getFirst()).isEqualTo("\uFEFF单位,说明,发现问题,销号率,统计日期");
        assertThat(lines.get(1)).startsWith("江海市财政局,").endsWith(",7,57.1%,2026-12-06");
        assertThat(lines.get(2)).endsWith(",0,,");
        assertThat(lines.getLast()).isEqualTo("合计,,10,70.0%,");
    }

    /**
     * A table as Word (a form a clerk edits): the widths in the grid as well as the table (WPS reads the grid), the
     * header repeated on each page, numbers right-aligned, "=1+1" a text, the 合计, no exact line height in a cell (WPS
     * clips such rows) and no theme font.
     */
    @Test
    void asWordTheTableKeepsItsWidthsHeaderAndTotalForWps() throws Exception {
        Path file = dir.resolve("表.docx");
        TableFiles.write(
                table(),
                new ReportTable.Heading("中共江海市直属机关工作委员会", LocalDate.of(2026, 12, 6)),
                ReportFormat.DOCX,
                file,
                m,
                Progress.NONE);
        try (var d = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(file))) {
            var t = d.getTables().getFirst();
            assertThat(t.getRows()).hasSize(5); // header, 3 rows, 合计
            assertThat(t.getRow(0).isRepeatHeader()).isTrue();
            assertThat(t.getRow(1).getCell(1).getText()).isEqualTo("=1+1");
            assertThat(t.getRow(1).getCell(2).getParagraphs().getFirst().getAlignment())
                    .isEqualTo(org.apache.poi.xwpf.usermodel.ParagraphAlignment.RIGHT);
            assertThat(t.getRow(1).getCell(3).getText()).isEqualTo("57.1%");
            assertThat(t.getRow(4).getCell(0).getText()).isEqualTo("合计");
            var grid = t.getCTTbl().getTblGrid();
            assertThat(grid.sizeOfGridColArray()).isEqualTo(5);
            long sum = 0;
            for (var col : grid.getGridColList()) {
                sum += ((java.math.BigInteger) col.getW()).longValue();
            }
            assertThat(((java.math.BigInteger) t.getCTTbl().getTblPr().getTblW().getW()).longValue())
                    .isEqualTo(sum);
            assertThat(d.getParagraphs().stream().map(p -> p.getText()).toList())
                    .contains("2026年问题整改情况统计表", "说明：销号率 = 已销号 ÷ 发现问题。");
        }
        String xml;
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            xml = new String(
                    zip.getInputStream(zip.getEntry("word/document.xml")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(xml).doesNotContain("w:lineRule=\"exact\"").doesNotContainIgnoringCase("theme");
    }
}
