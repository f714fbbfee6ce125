package org.taizhang.core.report.files;

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
import org.taizhang.core.report.ReportTable;
import org.taizhang.core.report.ReportTable.Column;
import org.taizhang.core.report.ReportTable.Kind;
import org.taizhang.core.task.Progress;

/**
 * A table in the official Excel layout (DOMAIN.md): a merged 黑体 title; 填报单位 / 填报日期; a bold wrapped bordered
 * header, frozen, with an autofilter, repeated on every printed page; 宋体 rows with counts and percents as numbers
 * and dates as dates; the program's 合计; notes; 填表人 / 审核人 / 联系电话; A4 (landscape for a wide table) one page wide, footer
 * "第 &amp;P 页 共 &amp;N 页". Written through SXSSF, which keeps a window of rows in memory, so a long table costs
 * little. A text is always a text cell: "=1+1" or "@x" typed by a clerk is never a formula.
 */
public final class OfficialWorkbook {
    /** Rows above the table: title, 填报单位 / 填报日期, header. */
    public static final int HEADER_ROW = 2;

    private static final short POINTS = 11;

    private OfficialWorkbook() {}

    public static void write(ReportTable table, ReportTable.Heading heading, Path file, Messages m, Progress progress) {
        List<Column> columns = table.columns();
        int last = columns.size() - 1;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) { // closing also removes SXSSF's temporary files
            Sheet sheet = wb.createSheet(table.sheet());
            WorkbookStyles shared = new WorkbookStyles(wb);
            Font song = font(wb, "宋体", POINTS, false);
            Font songBold = font(wb, "宋体", POINTS, true);
            CellStyle header = styled(wb, shared.header, songBold, HorizontalAlignment.CENTER);
            CellStyle text = styled(wb, shared.wrapped, song, HorizontalAlignment.CENTER);
            CellStyle wrapped = styled(wb, shared.wrapped, song, HorizontalAlignment.LEFT);
            CellStyle count = styled(wb, shared.body, song, HorizontalAlignment.RIGHT);
            CellStyle percent = styled(wb, shared.body, song, HorizontalAlignment.RIGHT);
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            CellStyle date = styled(wb, shared.date, song, HorizontalAlignment.CENTER);
            CellStyle totalLabel = styled(wb, shared.body, songBold, HorizontalAlignment.CENTER);
            CellStyle title = wb.createCellStyle();
            title.setFont(font(wb, "黑体", (short) 18, false));
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            CellStyle plain = wb.createCellStyle();
            plain.setFont(song);
            plain.setVerticalAlignment(VerticalAlignment.CENTER);
            CellStyle note = wb.createCellStyle();
            note.cloneStyleFrom(plain);
            note.setWrapText(true); // a note across the merged row wraps in it, its height set below
            note.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle right = wb.createCellStyle();
            right.cloneStyleFrom(plain);
            right.setAlignment(HorizontalAlignment.RIGHT);

            Row titleRow = sheet.createRow(0);
            titleRow.setHeightInPoints(32);
            text(titleRow, 0, table.title(), title);
            merge(sheet, 0, 0, last);
            Row headingRow = sheet.createRow(1);
            headingRow.setHeightInPoints(20);
            LocalDate d = heading.date();
            String dated = m.get("report.table.date", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
            // 填报单位 on the left, 填报日期 on the right: two merged halves (one column each in a narrow table)
            int split = columns.size() >= 4 ? last - Math.max(1, columns.size() / 3) : Math.max(0, last - 1);
            text(headingRow, 0, m.get("report.table.preparer") + heading.committee(), plain);
            merge(sheet, 1, 0, split);
            if (split + 1 <= last) {
                text(headingRow, split + 1, dated, right);
                merge(sheet, 1, split + 1, last);
            }
            Row head = sheet.createRow(HEADER_ROW);
            head.setHeightInPoints(30);
            for (int c = 0; c <= last; c++) {
                text(head, c, columns.get(c).name(), header);
                // 256 units are one '0' of the default font; an 11 pt Chinese character takes about 512
                sheet.setColumnWidth(c, (int)
                        Math.min(255 * 256, Math.round(columns.get(c).width() * 512)));
            }

            int at = HEADER_ROW + 1;
            int done = 0;
            for (List<Object> values : table.rows()) {
                Row row = sheet.createRow(at++);
                int lines = 1;
                for (int c = 0; c <= last; c++) {
                    Column column = columns.get(c);
                    value(row.createCell(c), column.kind(), values.get(c), text, wrapped, count, percent, date);
                    lines = Math.max(lines, lines(ReportTable.text(column.kind(), values.get(c)), column.width()));
                }
                // SXSSF cannot measure text: the height follows the longest wrapped cell
                row.setHeightInPoints(Math.min(409, lines * LINE + 4));
                if (++done % 500 == 0) {
                    progress.update(done, table.rows().size(), "report.progress.rows");
                    progress.checkCancelled();
                }
            }
            int lastData = at - 1;
            if (table.total() != null) {
                Row total = sheet.createRow(at++);
                total.setHeightInPoints(20);
                for (int c = 0; c <= last; c++) {
                    Object v = table.total().get(c);
                    if (c == 0) {
                        text(total, 0, v == null ? m.get("report.table.total") : v.toString(), totalLabel);
                    } else {
                        value(total.createCell(c), columns.get(c).kind(), v, text, wrapped, count, percent, date);
                    }
                }
            }
            at++;
            double across = columns.stream().mapToDouble(Column::width).sum();
            for (String said : table.notes()) {
                Row n = sheet.createRow(at);
                text(n, 0, said, note);
                // neither Excel nor LibreOffice fits a merged row's height to its text: the program does
                n.setHeightInPoints(Math.min(409, lines(said, across) * LINE + 4));
                merge(sheet, at++, 0, last);
            }
            Row signatures = sheet.createRow(at + 1);
            text(
                    signatures,
                    0,
                    (table.signatures() == null ? m.get("report.table.signatures") : table.signatures()),
                    plain);
            merge(sheet, at + 1, 0, last);

            sheet.createFreezePane(0, HEADER_ROW + 1);
            if (lastData > HEADER_ROW) {
                // over the rows only: sorting must not move the 合计 into the table
                sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, lastData, 0, last));
            }
            sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, 0, last));
            PrintSetup print = sheet.getPrintSetup();
            // portrait for a narrow table (the statistics), landscape for a wide one: as the PDF is printed
            print.setLandscape(columns.stream().mapToDouble(Column::width).sum() > TablePdf.PORTRAIT_CHARS);
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.setFitToPage(true); // one page wide, as many long as needed
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.setMargin(Sheet.TopMargin, 0.6);
            sheet.setMargin(Sheet.BottomMargin, 0.6);
            sheet.setMargin(Sheet.LeftMargin, 0.5);
            sheet.setMargin(Sheet.RightMargin, 0.5);
            sheet.getFooter().setCenter(m.get("report.table.footer"));
            progress.checkCancelled();
            SafeFiles.write(file, wb::write);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e); // closing the workbook: its temporary files are local
        }
    }

    private static void value(
            Cell cell,
            Kind kind,
            Object v,
            CellStyle text,
            CellStyle wrapped,
            CellStyle count,
            CellStyle percent,
            CellStyle date) {
        switch (kind) {
            case COUNT -> {
                cell.setCellStyle(count);
                if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (v != null) {
                    cell.setCellValue(v.toString());
                }
            }
            case PERCENT -> {
                cell.setCellStyle(percent);
                if (v != null) {
                    cell.setCellValue(ReportTable.percent(v).movePointLeft(2).doubleValue());
                }
            }
            case DATE -> {
                cell.setCellStyle(date);
                if (v instanceof LocalDate d) {
                    cell.setCellValue(d);
                } else if (v != null) {
                    cell.setCellValue(v.toString());
                }
            }
            case WRAPPED -> {
                cell.setCellStyle(wrapped);
                cell.setCellValue(v == null ? "" : v.toString());
            }
            case TEXT -> {
                cell.setCellStyle(text);
                cell.setCellValue(v == null ? "" : v.toString());
            }
        }
    }

    private static Font font(SXSSFWorkbook wb, String name, short points, boolean bold) {
        Font f = wb.createFont();
        f.setFontName(name);
        f.setFontHeightInPoints(points);
        f.setBold(bold);
        return f;
    }

    private static CellStyle styled(SXSSFWorkbook wb, CellStyle from, Font font, HorizontalAlignment align) {
        CellStyle s = wb.createCellStyle();
        s.cloneStyleFrom(from);
        s.setFont(font);
        s.setAlignment(align);
        return s;
    }

    private static void merge(Sheet sheet, int row, int first, int last) {
        if (last > first) {
            sheet.addMergedRegion(new CellRangeAddress(row, row, first, last));
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** Lines a wrapped text takes in a column this many Chinese characters wide (Latin counts about half). */
    /** A line of 10.5 pt 宋体 in a cell, with the room Excel, WPS and LibreOffice each leave between lines. */
    private static final float LINE = 15f;

    static int lines(String text, double width) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        int total = 0;
        for (String part : text.split("\n", -1)) {
            double units = 0;
            for (int i = 0; i < part.length(); i++) {
                units += part.charAt(i) < 0x2E80 ? 0.55 : 1;
            }
            // cells have padding, and a program breaks a line before the last character that would fit
            total += Math.max(1, (int) Math.ceil(units / Math.max(1, width - 1.5)));
        }
        return total;
    }
}
