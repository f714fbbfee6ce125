package org.taizhang.organization;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.taizhang.organization.files.RegistryColumns;
import org.taizhang.organization.files.RegistryImportTest;

/**
 * Builds registry workbooks the way a clerk's Excel would hold them (every cell typed as text), independent of
 * the program's own exporter: {@code new TestWorkbooks().sheet("党组织", headers).row(...).write(file)}.
 */
public final class TestWorkbooks {
    private final Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
    private List<List<String>> current;

    /** Starts a sheet whose first row holds {@code headers}. */
    public TestWorkbooks sheet(String name, List<String> headers) {
        current = new ArrayList<>();
        current.add(List.copyOf(headers));
        sheets.put(name, current);
        return this;
    }

    public TestWorkbooks row(String... cells) {
        current.add(List.of(cells));
        return this;
    }

    /** A row in {@link RegistryColumns#ORGANIZATION_HEADERS} order; missing trailing cells are blank. */
    public TestWorkbooks organization(
            String name,
            String kind,
            String unit,
            String parent,
            String secretary,
            String members,
            String committee,
            String termStart,
            String termEnd) {
        return row(name, kind, unit, parent, secretary, "", members, committee, termStart, termEnd);
    }

    public Path write(Path file) throws IOException {
        return write(file, new XSSFWorkbook());
    }

    /** The same rows as an Excel 97–2003 workbook (.xls), as older offices and WPS still send them. */
    public Path writeXls(Path file) throws IOException {
        return write(file, new org.apache.poi.hssf.usermodel.HSSFWorkbook());
    }

    private Path write(Path file, Workbook workbook) throws IOException {
        try (Workbook wb = workbook;
                OutputStream out = Files.newOutputStream(file)) {
            for (Map.Entry<String, List<List<String>>> e : sheets.entrySet()) {
                Sheet sheet = wb.createSheet(e.getKey());
                List<List<String>> rows = e.getValue();
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r);
                    List<String> cells = rows.get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        if (!cells.get(c).isEmpty()) {
                            row.createCell(c).setCellValue(cells.get(c));
                        }
                    }
                }
            }
            wb.write(out);
        }
        return file;
    }

    /**
     * A workbook with one mistake of each kind a clerk makes, against the sample registry. Row numbers are those
     * Excel shows (header = row 1); {@link RegistryImportTest} lists the error each row must produce.
     */
    public static Path malformed(Path file) throws IOException {
        return malformedRows().write(file);
    }

    /** The rows of {@link #malformed}, to be written in either format. */
    public static TestWorkbooks malformedRows() {
        String unit = "江海市测试局";
        String top = "测试局机关党委";
        return new TestWorkbooks()
                .sheet(RegistryColumns.UNITS_SHEET, RegistryColumns.UNIT_HEADERS)
                .row(unit, "市测试局", "钱七", "0513-85550199", "")
                .sheet(RegistryColumns.ORGANIZATIONS_SHEET, RegistryColumns.ORGANIZATION_HEADERS)
                .organization(top, "机关党委", unit, "", "王五", "60", "是", "2024-01-01", "2029-01-01") // 2 ok
                .organization("测试局第一党支部", "党支部", unit, top, "赵六", "三十", "是", "2025-03-01", "2028-03-01") // 3
                .organization("测试局第二党支部", "党小组", unit, top, "孙八", "12", "是", "2025-03-01", "2028-03-01") // 4
                .organization("测试局第三党支部", "党支部", "江海市不存在局", "", "周九", "12", "是", "2025-03-01", "2028-03-01") // 5
                .organization("测试局第四党支部", "党支部", unit, top, "吴十", "10", "是", "2025-03-01", "2028-03-01") // 6 ok
                .organization("测试局学习小组", "党支部", unit, "测试局第四党支部", "郑一", "8", "是", "2025-03-01", "2028-03-01") // 7
                .organization("测试局第五党支部", "党支部", unit, top, "冯二", "4", "是", "2025-03-01", "2028-03-01") // 8
                .organization("测试局第四党支部", "党支部", unit, top, "陈三", "11", "是", "2025-03-01", "2028-03-01") // 9
                .organization("测试局第六党支部", "党支部", unit, top, "褚四", "9", "是", "2024-02-30", "2027-02-28"); // 10
    }
}
