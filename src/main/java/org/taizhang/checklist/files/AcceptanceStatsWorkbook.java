package org.taizhang.checklist.files;

import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.taizhang.checklist.AcceptanceBoard;
import org.taizhang.checklist.AcceptanceStats;
import org.taizhang.core.files.SafeFiles;
import org.taizhang.core.i18n.Messages;

/** The 达标验收 figures as .xlsx: a merged title row, a bold bordered header, the rows, 合计; A4 landscape. */
public final class AcceptanceStatsWorkbook {
    private AcceptanceStatsWorkbook() {}

    public static void write(AcceptanceBoard board, Path file, Messages m) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(m.get("checklist.stats.sheet"));
            CellStyle title = style(wb, true, false, (short) 16);
            CellStyle head = style(wb, true, true, (short) 11);
            CellStyle body = style(wb, false, true, (short) 11);
            List<String> header = AcceptanceStats.header(m);
            Row titleRow = sheet.createRow(0);
            titleRow.createCell(0).setCellValue(m.get("checklist.stats.title", Integer.toString(board.year())));
            titleRow.getCell(0).setCellStyle(title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, header.size() - 1));
            Row headRow = sheet.createRow(1);
            for (int i = 0; i < header.size(); i++) {
                headRow.createCell(i).setCellValue(header.get(i));
                headRow.getCell(i).setCellStyle(head);
            }
            int at = 2;
            for (List<String> values : AcceptanceStats.rows(board, m)) {
                Row row = sheet.createRow(at++);
                for (int i = 0; i < values.size(); i++) {
                    var cell = row.createCell(i);
                    if (i >= 1 && i <= 4) {
                        cell.setCellValue(Integer.parseInt(values.get(i))); // counts are numbers Excel can sum
                    } else {
                        cell.setCellValue(values.get(i));
                    }
                    cell.setCellStyle(body);
                }
            }
            Row note = sheet.createRow(at + 1);
            note.createCell(0).setCellValue(m.get("checklist.stats.note"));
            sheet.setColumnWidth(0, 12 * 512); // 12 Chinese characters (Excel counts two units each)
            for (int i = 1; i < header.size(); i++) {
                sheet.setColumnWidth(i, 6 * 512);
            }
            titleRow.setHeightInPoints(28);
            sheet.setFitToPage(true); // one page wide, as many long as needed
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            sheet.getPrintSetup().setLandscape(true);
            sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            sheet.setRepeatingRows(CellRangeAddress.valueOf("2:2"));
            sheet.getFooter().setCenter(m.get("checklist.stats.footer"));
            SafeFiles.write(file, wb::write);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e); // closing an in-memory workbook
        }
    }

    private static CellStyle style(XSSFWorkbook wb, boolean bold, boolean border, short points) {
        CellStyle s = wb.createCellStyle();
        Font f = wb.createFont();
        f.setFontName("宋体");
        f.setBold(bold);
        f.setFontHeightInPoints(points);
        s.setFont(f);
        s.setAlignment(HorizontalAlignment.CENTER);
        if (border) {
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
        }
        s.setWrapText(true);
        return s;
    }
}
