package org.taizhang.core.files;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The cell styles every workbook the program writes shares, so every file the office gets looks the same:
 * 宋体 11, a bold grey bordered header, bordered body cells, wrapped text, dates as yyyy-mm-dd.
 */
public final class WorkbookStyles {
    public final CellStyle header;
    public final CellStyle body;
    public final CellStyle wrapped;
    public final CellStyle date;

    public WorkbookStyles(Workbook wb) {
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
        date = wb.createCellStyle();
        date.cloneStyleFrom(body);
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
    }

    private static void borders(CellStyle s) {
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
    }
}
