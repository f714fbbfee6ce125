package org.taizhang.inspection.files;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.taizhang.core.files.SafeFiles;
import org.taizhang.core.files.WorkbookStyles;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.model.LedgerEntry;

/**
 * The 整改台账 as .xlsx in the official table layout (DOMAIN.md): a merged title row, 填报单位/填报日期, a bold
 * wrapped bordered header repeated on every page, 宋体 rows, 合计, 填表人/审核人/联系电话, A4 landscape one page
 * wide, footer 第 &amp;P 页 共 &amp;N 页. Written through SXSSF, which keeps only a window of rows in memory, so
 * 20,000 findings cost little.
 */
public final class LedgerWorkbook {
    /** Column widths in Chinese characters, in {@link LedgerReport#COLUMNS}' order. */
    private static final double[] WIDTHS = {
        8, 2.5, 6, 7, 7, 4, 16, 9, 4, 14, 4, 5, 4, 5.5, 12, 6, 3, 5.5, 7, 5.5, 7, 4, 3
    };

    /** 10 pt: 23 columns on A4 landscape stay readable (DOMAIN.md: data in 宋体 10–12 pt). */
    private static final short POINTS = 10;

    private static final int TITLE_ROWS = 3; // title, 填报单位/填报日期, header

    private LedgerWorkbook() {}

    /** @param committee the 填报单位 of the settings ("" leaves the cell's label alone) */
    static void write(
            List<LedgerEntry> entries,
            String title,
            String committee,
            LocalDate today,
            Path file,
            Messages m,
            Progress progress) {
        List<String> columns = LedgerReport.COLUMNS;
        int last = columns.size() - 1;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) { // closing also removes SXSSF's temporary files
            Sheet sheet = wb.createSheet(m.get("ledgerReport.sheet"));
            WorkbookStyles shared = new WorkbookStyles(wb);
            Font small = wb.createFont();
            small.setFontName("宋体");
            small.setFontHeightInPoints(POINTS);
            Font smallBold = wb.createFont();
            smallBold.setFontName("宋体");
            smallBold.setFontHeightInPoints(POINTS);
            smallBold.setBold(true);
            CellStyle headerStyle = styled(wb, shared.header, smallBold);
            CellStyle body = styled(wb, shared.body, small);
            CellStyle wrapped = styled(wb, shared.wrapped, small);
            CellStyle titleStyle = wb.createCellStyle();
            Font titleFont = wb.createFont();
            titleFont.setFontName("黑体");
            titleFont.setFontHeightInPoints((short) 18);
            titleStyle.setFont(titleFont);
            titleStyle.setAlignment(HorizontalAlignment.CENTER);
            titleStyle.setVerticalAlignment(VerticalAlignment.CENTER);
            CellStyle plain = wb.createCellStyle();
            Font plainFont = wb.createFont();
            plainFont.setFontName("宋体");
            plainFont.setFontHeightInPoints((short) 11);
            plain.setFont(plainFont);
            plain.setVerticalAlignment(VerticalAlignment.CENTER);
            CellStyle centered = wb.createCellStyle();
            centered.cloneStyleFrom(body);
            centered.setAlignment(HorizontalAlignment.CENTER);
            centered.setWrapText(true);

            Row titleRow = sheet.createRow(0);
            titleRow.setHeightInPoints(32);
            text(titleRow, 0, title, titleStyle);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
            Row headingRow = sheet.createRow(1);
            headingRow.setHeightInPoints(20);
            text(headingRow, 0, m.get("ledgerReport.preparer") + committee, plain);
            text(
                    headingRow,
                    last - 5,
                    m.get("ledgerReport.date", today.getYear(), today.getMonthValue(), today.getDayOfMonth()),
                    plain);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, last - 6));
            sheet.addMergedRegion(new CellRangeAddress(1, 1, last - 5, last));
            Row header = sheet.createRow(2);
            header.setHeightInPoints(30);
            for (int c = 0; c <= last; c++) {
                text(header, c, columns.get(c), headerStyle);
                // 256 units are one '0' of the default font; a 10 pt Chinese character takes about 480
                sheet.setColumnWidth(c, (int) Math.round(WIDTHS[c] * 480));
            }

            int at = TITLE_ROWS;
            int seq = 0;
            for (LedgerEntry e : entries) {
                List<String> values = LedgerReport.row(e, ++seq);
                Row row = sheet.createRow(at++);
                int lines = 1;
                for (int c = 0; c <= last; c++) {
                    String v = values.get(c);
                    Cell cell = row.createCell(c);
                    if (c == 1) {
                        cell.setCellValue(seq); // a number Excel can sort and count
                    } else {
                        cell.setCellValue(v);
                    }
                    cell.setCellStyle(WIDTHS[c] >= 7 ? wrapped : centered);
                    lines = Math.max(lines, lines(v, WIDTHS[c]));
                }
                // SXSSF cannot measure text: the height follows the longest wrapped cell
                row.setHeightInPoints(Math.min(409, lines * 13.5f + 4));
                if (seq % 500 == 0) {
                    progress.update(seq, entries.size(), "ledgerReport.progress");
                }
            }
            Row total = sheet.createRow(at);
            text(total, 0, m.get("ledgerReport.total"), centered);
            text(total, 1, LedgerReport.total(LedgerReport.summary(entries)), body);
            for (int c = 2; c <= last; c++) {
                total.createCell(c).setCellStyle(body);
            }
            sheet.addMergedRegion(new CellRangeAddress(at, at, 1, last));
            total.setHeightInPoints(20);
            Row signatures = sheet.createRow(at + 2);
            text(signatures, 0, m.get("ledgerReport.signatures"), plain);
            sheet.addMergedRegion(new CellRangeAddress(at + 2, at + 2, 0, last));

            sheet.createFreezePane(1, TITLE_ROWS);
            sheet.setRepeatingRows(new CellRangeAddress(2, 2, 0, last));
            PrintSetup print = sheet.getPrintSetup();
            print.setLandscape(true);
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.setFitToPage(true); // one page wide, as many long as needed
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.setMargin(Sheet.TopMargin, 0.6);
            sheet.setMargin(Sheet.BottomMargin, 0.6);
            sheet.setMargin(Sheet.LeftMargin, 0.4);
            sheet.setMargin(Sheet.RightMargin, 0.4);
            sheet.getFooter().setCenter(m.get("ledgerReport.footer"));
            SafeFiles.write(file, wb::write);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e); // closing the workbook: its temporary files are local
        }
    }

    private static CellStyle styled(SXSSFWorkbook wb, CellStyle from, Font font) {
        CellStyle s = wb.createCellStyle();
        s.cloneStyleFrom(from);
        s.setFont(font);
        return s;
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** Lines a wrapped text takes in a column this many Chinese characters wide (Latin counts about half). */
    private static int lines(String text, double width) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        int total = 0;
        for (String part : text.split("\n", -1)) {
            double units = 0;
            for (int i = 0; i < part.length(); i++) {
                units += part.charAt(i) < 0x2E80 ? 0.55 : 1;
            }
            total += Math.max(1, (int) Math.ceil(units / Math.max(1, width - 1.5))); // cells have padding
        }
        return total;
    }
}
