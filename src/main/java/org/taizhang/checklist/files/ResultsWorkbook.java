package org.taizhang.checklist.files;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.taizhang.checklist.model.Round;
import org.taizhang.core.files.SafeFiles;
import org.taizhang.core.files.WorkbookStyles;

/**
 * The past-results workbook (往年结果): one sheet, one row per branch and round of a year, in the columns
 * {@link ResultsImport} reads. Written in the style of the registry workbook (frozen header, drop-downs for
 * 轮次 and 结论, A4, 第 &P 页 共 &N 页), so an export is also the template a clerk fills in.
 */
public final class ResultsWorkbook {
    private ResultsWorkbook() {}

    /** {@code rows}: cells in {@link ResultsImport#HEADERS} order; numbers are written as numbers. */
    public static void write(List<List<Object>> rows, Path file) {
        SafeFiles.write(file, out -> {
            SXSSFWorkbook wb = new SXSSFWorkbook(200);
            try {
                WorkbookStyles styles = new WorkbookStyles(wb);
                SXSSFSheet sheet = wb.createSheet(ResultsImport.SHEET);
                List<String> headers = ResultsImport.HEADERS;
                ChecklistWorkbook.header(sheet, styles, headers, List.of(16, 16, 12, 6, 8, 6, 6, 6));
                for (int r = 0; r < rows.size(); r++) {
                    var row = sheet.createRow(r + 1);
                    List<Object> values = rows.get(r);
                    for (int c = 0; c < values.size(); c++) {
                        Cell cell = row.createCell(c);
                        cell.setCellStyle(styles.body);
                        switch (values.get(c)) {
                            case Integer i -> cell.setCellValue(i);
                            case BigDecimal b -> cell.setCellValue(b.doubleValue());
                            case Object o -> cell.setCellValue(o.toString());
                        }
                    }
                }
                int last = Math.max(rows.size() + 200, 1000);
                ChecklistWorkbook.choices(
                        sheet,
                        headers.indexOf(ResultsImport.ROUND),
                        last,
                        Arrays.stream(Round.values()).map(Round::fileLabel).toArray(String[]::new));
                ChecklistWorkbook.choices(sheet, headers.indexOf(ResultsImport.CONCLUSION), last, new String[] {
                    ResultsImport.PASSED, ResultsImport.FAILED
                });
                sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rows.size(), 1), 0, headers.size() - 1));
                ChecklistWorkbook.page(sheet, headers.size(), false);
                wb.write(out);
            } finally {
                wb.close(); // also removes SXSSF's temp files
            }
        });
    }
}
