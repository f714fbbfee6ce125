package org.taizhang.checklist.files;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.taizhang.core.files.WorkbookStyles;

/**
 * The layout the checklist workbooks share with the registry workbook: 宋体 11, a bold grey bordered header row
 * that stays frozen and prints on every page, drop-down lists that refuse other values, A4 one page wide with
 * 第 &P 页 共 &N 页 — so every file the office gets from the program looks the same.
 */
public final class ChecklistWorkbook {
    private ChecklistWorkbook() {}

    /** The header row, frozen; {@code widths} in Chinese characters (two of Excel's character units each). */
    static void header(Sheet sheet, WorkbookStyles styles, List<String> headers, List<Integer> widths) {
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
