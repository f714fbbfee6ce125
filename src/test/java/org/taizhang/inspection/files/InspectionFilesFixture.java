package org.taizhang.inspection.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Spreadsheets as an inspection team or a unit's clerk writes them, with POI (as Excel would). */
public final class InspectionFilesFixture {
    private InspectionFilesFixture() {}

    /** A workbook with one sheet: {@code rows.get(0)} is the header row. */
    public static Path sheet(Path file, String sheetName, List<List<String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet(sheetName);
            for (int r = 0; r < rows.size(); r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String v = rows.get(r).get(c);
                    if (v != null) {
                        row.createCell(c).setCellValue(v);
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        return file;
    }

    /** Writes {@code text} into the column headed {@code header} of the row whose first cell is {@code label}. */
    public static void fill(Path form, String label, String header, String text) throws IOException {
        Workbook wb;
        try (InputStream in = Files.newInputStream(form)) {
            wb = new XSSFWorkbook(in);
        }
        Sheet sheet = wb.getSheetAt(0);
        int column = -1;
        boolean found = false;
        for (Row r : sheet) {
            Cell first = r.getCell(0);
            if (first == null || first.getCellType() != org.apache.poi.ss.usermodel.CellType.STRING) {
                continue;
            }
            if (first.getStringCellValue().equals("问题编号")) {
                for (Cell c : r) {
                    if (c.getStringCellValue().equals(header)) {
                        column = c.getColumnIndex();
                    }
                }
            } else if (first.getStringCellValue().equals(label)) {
                Cell c = r.getCell(column);
                if (c == null) {
                    c = r.createCell(column);
                }
                c.setCellValue(text);
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no row " + label + " / column " + header);
        }
        try (OutputStream out = Files.newOutputStream(form)) {
            wb.write(out);
        }
        wb.close();
    }

    /** Every cell of the first sheet as text, row by row (what a reader of the file sees). */
    public static List<List<String>> cells(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter f = new DataFormatter();
        try (InputStream in = Files.newInputStream(file);
                Workbook wb = new XSSFWorkbook(in)) {
            for (Row r : wb.getSheetAt(0)) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < r.getLastCellNum(); c++) {
                    Cell cell = r.getCell(c);
                    row.add(cell == null ? "" : f.formatCellValue(cell));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
