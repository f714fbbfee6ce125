package org.taizhang.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader's own shared-strings and styles handlers read a workbook as POI's usermodel does: rich-text runs
 * joined, phonetic runs (rPh) left out, Excel's _xHHHH_ escapes decoded, dates found through cellXfs (not
 * cellStyleXfs) by built-in and custom number formats. The file is written by hand, as Excel lays it out.
 */
class StreamingWorkbookTest {
    @TempDir
    Path dir;

    private static final String STRINGS = """
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="5">
        <si><t>单位名称</t></si>
        <si><t>备注</t></si>
        <si><r><t>江海</t></r><r><rPr><b/></rPr><t xml:space="preserve">市 委办</t></r></si>
        <si><t>东京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>
        <si><t>第一行_x000A_第二行</t></si>
        </sst>\
        """;

    // two cellStyleXfs of a date format, so a reader that counted them as cell formats would be off
    private static final String STYLES = """
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="0.00"/></numFmts>
        <cellStyleXfs count="2"><xf numFmtId="14"/><xf numFmtId="14"/></cellStyleXfs>
        <cellXfs count="4"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/>
        <xf numFmtId="164" xfId="1" applyNumberFormat="1"/><xf numFmtId="165" xfId="1" applyNumberFormat="1"/></cellXfs>
        </styleSheet>\
        """;

    private static final String SHEET = """
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>
        <row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="1"><v>45352</v></c></row>
        <row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3" s="2"><v>45352</v></c></row>
        <row r="4"><c r="A4" t="s"><v>4</v></c><c r="B4" s="3"><v>12.5</v></c></row>
        <row r="5"><c r="A5" t="s"><v>2</v></c><c r="B5" s="0"><v>13812345678</v></c></row>
        </sheetData></worksheet>\
        """;

    @Test
    void sharedStringsAndDateStylesReadAsPoiReadsThem() throws Exception {
        Path file = workbook(dir.resolve("hand.xlsx"));

        SheetData sheet = StreamingWorkbook.read(file, List.of("表")).get("表");

        assertThat(sheet.headers()).containsExactly("单位名称", "备注");
        assertThat(sheet.rows())
                .extracting(r -> r.cells().get("单位名称"), r -> r.cells().get("备注"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("江海市 委办", "2024-03-01"),
                        org.assertj.core.groups.Tuple.tuple("东京", "2024-03-01"),
                        org.assertj.core.groups.Tuple.tuple("第一行\n第二行", "12.5"),
                        org.assertj.core.groups.Tuple.tuple("江海市 委办", "13812345678"));
        // and POI's own reading of the same text cells and date formats agrees
        try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
            var poi = wb.getSheet("表");
            for (int r = 1; r <= 4; r++) {
                assertThat(poi.getRow(r).getCell(0).getStringCellValue())
                        .isEqualTo(sheet.rows().get(r - 1).cells().get("单位名称"));
            }
            assertThat(new DataFormatter().formatCellValue(poi.getRow(2).getCell(1)))
                    .isEqualTo("2024-03-01");
            assertThat(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(
                            poi.getRow(3).getCell(1)))
                    .isFalse();
        }
    }

    @Test
    void aSharedStringIndexBeyondTheTableIsRefusedAsNotAWorkbook() throws IOException {
        Path file = workbook(dir.resolve("bad.xlsx"), SHEET.replace("<v>4</v>", "<v>5</v>"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StreamingWorkbook.read(file, List.of("表")))
                .isInstanceOfSatisfying(
                        org.taizhang.core.DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("import.error.notExcel"));
    }

    @Test
    void aFormulaSavedWithAnEmptyResultIsMarkedAsNotCalculated() throws IOException {
        // openpyxl and report generators write <v></v> for a formula they did not calculate; a formula whose
        // result is the empty text (t="str") is calculated and reads as blank
        Path file = workbook(
                dir.resolve("empty-result.xlsx"),
                SHEET.replace("<c r=\"B2\" s=\"1\"><v>45352</v></c>", "<c r=\"B2\"><f>SUM(100,5)</f><v></v></c>")
                        .replace(
                                "<c r=\"B3\" s=\"2\"><v>45352</v></c>",
                                "<c r=\"B3\" t=\"str\"><f>IF(1,\"\",\"x\")</f><v></v></c>"));

        SheetData sheet = StreamingWorkbook.read(file, List.of("表")).get("表");

        assertThat(sheet.rows().get(0).uncalculated()).containsExactly("备注");
        assertThat(sheet.rows().get(1).uncalculated()).isEmpty();
        assertThat(sheet.rows().get(1).text("备注")).isEmpty();
    }

    private static Path workbook(Path file) throws IOException {
        return workbook(file, SHEET);
    }

    private static Path workbook(Path file, String sheet) throws IOException {
        String main = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        Map<String, String> parts = new java.util.LinkedHashMap<>();
        parts.put("[Content_Types].xml", """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
            <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
            </Types>\
            """);
        parts.put(
                "_rels/.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"" + main
                        + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        parts.put(
                "xl/workbook.xml",
                "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"" + main
                        + "\"><sheets><sheet name=\"表\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        parts.put(
                "xl/_rels/workbook.xml.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"" + main + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                        + "<Relationship Id=\"rId2\" Type=\"" + main + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                        + "<Relationship Id=\"rId3\" Type=\"" + main + "/styles\" Target=\"styles.xml\"/>"
                        + "</Relationships>");
        parts.put("xl/worksheets/sheet1.xml", sheet);
        parts.put("xl/sharedStrings.xml", STRINGS);
        parts.put("xl/styles.xml", STYLES);
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + part.getValue())
                        .getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }
}
