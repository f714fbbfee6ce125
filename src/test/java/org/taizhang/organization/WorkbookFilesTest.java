package org.taizhang.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.taizhang.core.store.schema.Tables.HISTORY;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.DomainException;
import org.taizhang.core.files.RowIssue;
import org.taizhang.core.files.StreamingWorkbook;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.files.ImportReport;
import org.taizhang.organization.files.RegistryColumns;
import org.taizhang.organization.files.RegistryRows;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

/**
 * Workbooks as they arrive from offices and from worse places: too large, zip bombs, password-protected, formulas
 * never calculated, Excel 97–2003 files, files saved by LibreOffice. Hostile files are built here, never checked in.
 */
class WorkbookFilesTest {
    private static final String UNITS = RegistryColumns.UNITS_SHEET;
    private static final String ORGS = RegistryColumns.ORGANIZATIONS_SHEET;

    @TempDir
    Path dir;

    private Store store;
    private RegistryService service;

    @BeforeEach
    void open() {
        store = Store.openOrCreate(dir.resolve("taizhang.db"), RegistryServiceTest.sampleDay());
        service = new RegistryService(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void assertRefused(Path file, String key) {
        int history = store.read().fetchCount(HISTORY);
        assertThatThrownBy(() -> service.importWorkbook(file, Progress.NONE))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
        assertThat(store.read().fetchCount(HISTORY)).isEqualTo(history);
    }

    // ---- too large, zip bombs ----

    @Test
    void aZipBombSheetIsRefusedAsTooLargeWithItsLimits() throws IOException {
        // 4,000 rows of 32,767 identical characters: 131 MB of XML in a zip of about 130 KB
        String cell = "炸".repeat(32_767);
        Path file = HostileWorkbooks.singleSheet(dir.resolve("炸弹.xlsx"), UNITS, xml -> {
            HostileWorkbooks.row(xml, 1, RegistryColumns.UNIT_NAME);
            for (int r = 2; r <= 4_001; r++) {
                HostileWorkbooks.row(xml, r, cell);
            }
        });

        assertThatThrownBy(() -> service.importWorkbook(file, Progress.NONE))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("import.error.tooLarge");
                    assertThat(e.args()).contains(StreamingWorkbook.MAX_ROWS, StreamingWorkbook.MAX_CELL_CHARS);
                });
    }

    @Test
    void aSheetOfLongCellsOverTheUncompressedLimitIsRefusedAsTooLarge() throws IOException {
        // cells of random letters compress too poorly to look like a zip bomb: only the size limit catches them
        SplittableRandom random = new SplittableRandom(8);
        char[] cell = new char[32_767];
        int rows = (int) (StreamingWorkbook.MAX_UNCOMPRESSED_BYTES / cell.length) + 100;
        Path file = HostileWorkbooks.singleSheet(dir.resolve("长文本.xlsx"), UNITS, xml -> {
            HostileWorkbooks.row(xml, 1, RegistryColumns.UNIT_NAME, RegistryColumns.REMARK);
            for (int r = 2; r <= rows; r++) {
                for (int i = 0; i < cell.length; i++) {
                    cell[i] = (char) ('a' + random.nextInt(16));
                }
                HostileWorkbooks.row(xml, r, "单位" + r, new String(cell));
            }
        });

        assertRefused(file, "import.error.tooLarge");
    }

    @Test
    void aCellLongerThanExcelAllowsIsRefusedAsTooLarge() throws IOException {
        Path file = HostileWorkbooks.singleSheet(dir.resolve("超长.xlsx"), UNITS, xml -> {
            HostileWorkbooks.row(xml, 1, RegistryColumns.UNIT_NAME);
            HostileWorkbooks.row(xml, 2, "长".repeat(StreamingWorkbook.MAX_CELL_CHARS + 1));
        });

        assertRefused(file, "import.error.tooLarge");
    }

    @Test
    void aSheetWithMoreRowsThanTheLimitIsRefusedAsSoonAsTheLimitIsPassed() throws IOException {
        Path file = HostileWorkbooks.singleSheet(dir.resolve("百万行.xlsx"), UNITS, xml -> {
            HostileWorkbooks.row(xml, 1, RegistryColumns.UNIT_NAME);
            for (int r = 2; r <= StreamingWorkbook.MAX_ROWS + 2; r++) {
                HostileWorkbooks.row(xml, r, "单位" + r);
            }
        });

        assertRefused(file, "import.error.tooManyRows");
    }

    // ---- password ----

    @Test
    void aPasswordProtectedWorkbookIsToldToBeSavedWithoutAPassword() throws Exception {
        Path plain = new TestWorkbooks()
                .sheet(UNITS, RegistryColumns.UNIT_HEADERS)
                .row("江海市测试局")
                .write(dir.resolve("明文.xlsx"));
        Path file = HostileWorkbooks.encrypted(plain, dir.resolve("加密.xlsx"), "123456");

        assertRefused(file, "import.error.encrypted");
    }

    // ---- formulas ----

    private Path withFormulas(Path file, boolean calculated) throws IOException {
        try (Workbook wb = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet units = wb.createSheet(UNITS);
            units.createRow(0).createCell(0).setCellValue(RegistryColumns.UNIT_NAME);
            units.createRow(1).createCell(0).setCellValue("江海市测试局");
            Row formulaUnit = units.createRow(2);
            formulaUnit.createCell(0).setCellFormula("\"江海市\"&\"公式局\"");
            Sheet orgs = wb.createSheet(ORGS);
            List<String> headers = List.of(
                    RegistryColumns.ORG_NAME,
                    RegistryColumns.ORG_KIND,
                    RegistryColumns.ORG_UNIT,
                    RegistryColumns.ORG_SECRETARY,
                    RegistryColumns.ORG_MEMBERS);
            Row header = orgs.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c).setCellValue(headers.get(c));
            }
            Row row = orgs.createRow(1);
            row.createCell(0).setCellValue("测试局党支部");
            row.createCell(1).setCellValue("党支部");
            row.createCell(2).setCellValue("江海市测试局");
            row.createCell(3).setCellValue("王五");
            row.createCell(4).setCellFormula("SUM(10,5)");
            if (calculated) {
                wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            }
            wb.write(out);
        }
        return file;
    }

    @Test
    void formulasWithoutACachedValueRejectTheirRowsAndAskForARecalculation() throws IOException {
        Path file = withFormulas(dir.resolve("未计算.xlsx"), false);

        ImportReport report = service.importWorkbook(file, Progress.NONE);

        assertThat(report.applied()).isFalse();
        assertThat(report.errors())
                .extracting(
                        RowIssue::sheet,
                        RowIssue::row,
                        RowIssue::column,
                        i -> i.issue().messageKey())
                .containsExactly(
                        tuple(UNITS, 3, RegistryColumns.UNIT_NAME, "import.error.formulaNotCalculated"),
                        tuple(ORGS, 2, RegistryColumns.ORG_MEMBERS, "import.error.formulaNotCalculated"));
        assertThat(service.load().units()).isEmpty();
    }

    @Test
    void formulasWithACachedValueImportThatValue() throws IOException {
        Path file = withFormulas(dir.resolve("已计算.xlsx"), true);

        ImportReport report = service.importWorkbook(file, Progress.NONE);

        assertThat(report.errors()).isEmpty();
        Registry r = service.load();
        assertThat(r.unitNamed("江海市公式局")).isPresent();
        Unit unit = r.unitNamed("江海市测试局").orElseThrow();
        assertThat(r.organizationNamed(unit.id(), "测试局党支部").orElseThrow().memberCount())
                .isEqualTo(15);
    }

    @Test
    void aFormulaSavedWithAnEmptyResultIsRefusedAndKeepsTheStoredCount() throws IOException {
        service.importWorkbook(withFormulas(dir.resolve("已计算.xlsx"), true), Progress.NONE);
        Path file = HostileWorkbooks.rewriteSheets(
                withFormulas(dir.resolve("空结果.xlsx"), true),
                dir.resolve("空结果-openpyxl.xlsx"),
                xml -> xml.replaceAll("(<f>[^<]*</f>)<v>[^<]*</v>", "$1<v></v>"));

        ImportReport report = service.importWorkbook(file, Progress.NONE);

        assertThat(report.applied()).isFalse();
        assertThat(report.errors())
                .extracting(RowIssue::sheet, RowIssue::column, i -> i.issue().messageKey())
                .contains(tuple(ORGS, RegistryColumns.ORG_MEMBERS, "import.error.formulaNotCalculated"));
        Registry r = service.load();
        Unit unit = r.unitNamed("江海市测试局").orElseThrow();
        assertThat(r.organizationNamed(unit.id(), "测试局党支部").orElseThrow().memberCount())
                .isEqualTo(15);
    }

    // ---- Excel 97–2003 ----

    @Test
    void anXlsWorkbookImportsLikeTheXlsx() throws IOException {
        service.importSample(Progress.NONE);
        Path xlsx = dir.resolve("组织台账.xlsx");
        service.exportWorkbook(xlsx, Progress.NONE);
        Path xls = copyAsXls(xlsx, dir.resolve("组织台账.xls"));

        try (Store fresh = Store.openOrCreate(dir.resolve("fresh.db"), RegistryServiceTest.sampleDay())) {
            RegistryService other = new RegistryService(fresh);
            ImportReport report = other.importWorkbook(xls, Progress.NONE);

            assertThat(report.errors()).isEmpty();
            assertThat(report.created()).isEqualTo(62 + 8 + 374);
            assertThat(comparable(other.load())).containsExactlyElementsOf(comparable(service.load()));
        }
    }

    @Test
    void anXlsWorkbookGetsTheSameRowErrorsAsTheXlsx() throws IOException {
        service.importSample(Progress.NONE);
        ImportReport fromXlsx = service.importWorkbook(TestWorkbooks.malformed(dir.resolve("有错.xlsx")), Progress.NONE);

        ImportReport fromXls =
                service.importWorkbook(TestWorkbooks.malformedRows().writeXls(dir.resolve("有错.xls")), Progress.NONE);

        assertThat(fromXls.applied()).isFalse();
        assertThat(fromXls.errors()).hasSize(7).isEqualTo(fromXlsx.errors());
    }

    // ---- files written by another program ----

    @Test
    void aWorkbookSavedByLibreOfficeImportsUnchanged() throws Exception {
        Path converted = exportThroughLibreOffice("xlsx");

        assertReimportsUnchanged(converted);
    }

    @Test
    void anXlsSavedByLibreOfficeImportsUnchanged() throws Exception {
        Path converted = exportThroughLibreOffice("xls");

        assertReimportsUnchanged(converted);
    }

    private Path exportThroughLibreOffice(String format) throws Exception {
        Assumptions.assumeTrue(soffice() != null, "LibreOffice (soffice) is not installed");
        service.importSample(Progress.NONE);
        Path xlsx = dir.resolve("台账.xlsx");
        service.exportWorkbook(xlsx, Progress.NONE);
        Path out = Files.createDirectory(dir.resolve("lo-" + format));
        Process p = new ProcessBuilder(
                        soffice(),
                        "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(),
                        "--headless",
                        "--convert-to",
                        format,
                        "--outdir",
                        out.toString(),
                        xlsx.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("lo.log").toFile())
                .start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        Path converted = out.resolve("台账." + format);
        assertThat(converted).as(Files.readString(dir.resolve("lo.log"))).isRegularFile();
        return converted;
    }

    private void assertReimportsUnchanged(Path converted) {
        int history = store.read().fetchCount(HISTORY);
        List<List<String>> before = comparable(service.load());

        ImportReport report = service.importWorkbook(converted, Progress.NONE);

        assertThat(report.errors()).isEmpty();
        assertThat(report.created()).isZero();
        assertThat(report.updated()).isZero();
        assertThat(store.read().fetchCount(HISTORY)).isEqualTo(history);
        assertThat(comparable(service.load())).isEqualTo(before);
    }

    private static String soffice() {
        for (String dirName : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dirName, "soffice");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    /** The workbook cell by cell into HSSF, keeping types and formats (dates stay dates, numbers numbers). */
    private static Path copyAsXls(Path xlsx, Path xls) throws IOException {
        try (Workbook from = new XSSFWorkbook(Files.newInputStream(xlsx));
                Workbook to = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
                OutputStream out = Files.newOutputStream(xls)) {
            var dateStyle = to.createCellStyle();
            dateStyle.setDataFormat(to.createDataFormat().getFormat("yyyy-mm-dd"));
            for (Sheet s : from) {
                Sheet t = to.createSheet(s.getSheetName());
                for (Row r : s) {
                    Row tr = t.createRow(r.getRowNum());
                    for (var c : r) {
                        var tc = tr.createCell(c.getColumnIndex());
                        switch (c.getCellType()) {
                            case NUMERIC -> {
                                if (org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(c)) {
                                    tc.setCellValue(c.getLocalDateTimeCellValue());
                                    tc.setCellStyle(dateStyle);
                                } else {
                                    tc.setCellValue(c.getNumericCellValue());
                                }
                            }
                            case STRING -> tc.setCellValue(c.getStringCellValue());
                            case BOOLEAN -> tc.setCellValue(c.getBooleanCellValue());
                            default -> {}
                        }
                    }
                }
            }
            to.write(out);
        }
        return xls;
    }

    private static List<List<String>> comparable(Registry r) {
        List<List<String>> rows = new ArrayList<>();
        r.units().forEach(u -> rows.add(RegistryRows.unitRow(u)));
        r.communities().forEach(c -> rows.add(RegistryRows.communityRow(r, c)));
        r.organizations().forEach(o -> rows.add(RegistryRows.organizationRow(r, o)));
        return rows;
    }
}
