package org.taizhang.checklist;

import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;

/**
 * The layout the checklist workbooks share with the registry workbook: 宋体 11, a bold grey bordered header row
 * that stays frozen and prints on every page, drop-down lists that refuse other values, A4 one page wide with
 * 第 &P 页 共 &N 页 — so every file the office gets from the program looks the same.
 */
final class ChecklistWorkbook {
    private ChecklistWorkbook() {}

    static final class Styles {
        final CellStyle header;
        final CellStyle body;
        final CellStyle wrapped;

        Styles(Workbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            bold.setFontName("宋体");
            bold.setFontHeightInPoints((short) 11);
            Font plain = wb.createFont();
            plain.setFontName("宋体");
            plain.setFontHeightInPoints((short) 11);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            borders(header);
            body = wb.createCellStyle();
            body.setFont(plain);
            body.setVerticalAlignment(VerticalAlignment.CENTER);
            borders(body);
            wrapped = wb.createCellStyle();
            wrapped.cloneStyleFrom(body);
            wrapped.setWrapText(true);
        }

        private static void borders(CellStyle s) {
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
        }
    }

    /** The header row, frozen; {@code widths} in Chinese characters (two of Excel's character units each). */
    static void header(Sheet sheet, Styles styles, List<String> headers, List<Integer> widths) {
        var row = sheet.createRow(0);
        row.setHeightInPoints(22);
        for (int c = 0; c < headers.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(headers.get(c));
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(c, widths.get(c) * 2 * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    /** A drop-down of {@code choices} on rows 2..{@code lastRow} of a column; other values are refused by Excel. */
    static void choices(Sheet sheet, int column, int lastRow, String[] choices) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation v = helper.createValidation(
                helper.createExplicitListConstraint(choices), new CellRangeAddressList(1, lastRow, column, column));
        v.setShowErrorBox(true);
        v.createErrorBox("输入有误", "请从下拉列表中选择：" + String.join("、", choices));
        sheet.addValidationData(v);
    }

    /** A4, one page wide and as many down as needed, the header on every page, page numbers in the footer. */
    static void page(Sheet sheet, int columns, boolean landscape) {
        sheet.getPrintSetup().setLandscape(landscape);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setAutobreaks(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setRepeatingRows(new CellRangeAddress(0, 0, 0, columns - 1));
        sheet.getFooter().setCenter("第 &P 页 共 &N 页");
    }
}
