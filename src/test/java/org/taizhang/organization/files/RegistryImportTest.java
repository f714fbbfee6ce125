package org.taizhang.organization.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.taizhang.core.store.schema.Tables.HISTORY;
import static org.taizhang.organization.OrganizationBuilder.aBranch;
import static org.taizhang.organization.OrganizationBuilder.aGeneralBranch;
import static org.taizhang.organization.OrganizationBuilder.aPartyCommittee;
import static org.taizhang.organization.UnitBuilder.aUnit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.DomainException;
import org.taizhang.core.files.RowIssue;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.CancelledException;
import org.taizhang.core.task.Progress;
import org.taizhang.core.task.TestProgress;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.RegistryServiceTest;
import org.taizhang.organization.TestWorkbooks;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

public class RegistryImportTest {
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

    /** An organization of the sample's 中共江海市委办公室, as stored now. */
    private Organization officeOrganization(String name) {
        Registry r = service.load();
        return r.organizationNamed(r.unitNamed("中共江海市委办公室").orElseThrow().id(), name)
                .orElseThrow();
    }

    /** What a database holds, to prove an import that failed changed none of it. */
    private record Snapshot(int units, int communities, int organizations, int history, List<List<String>> rows) {}

    private Snapshot snapshot() {
        Registry r = service.load();
        return new Snapshot(
                r.units().size(),
                r.communities().size(),
                r.organizationCount(),
                store.read().fetchCount(HISTORY),
                comparable(r));
    }

    /** Everything a clerk sees of the registry, by names (ids and sort numbers differ between databases). */
    private static List<List<String>> comparable(Registry r) {
        List<List<String>> rows = new ArrayList<>();
        r.units().forEach(u -> rows.add(RegistryRows.unitRow(u)));
        r.communities().forEach(c -> rows.add(RegistryRows.communityRow(r, c)));
        r.organizations().forEach(o -> rows.add(RegistryRows.organizationRow(r, o)));
        return rows;
    }

    @Test
    void anExportedWorkbookImportedIntoAFreshDatabaseGivesTheSameRegistry() throws IOException {
        service.importSample(Progress.NONE);
        Path file = dir.resolve("组织台账.xlsx");
        service.exportWorkbook(file, Progress.NONE);

        try (Store fresh = Store.openOrCreate(dir.resolve("fresh.db"), RegistryServiceTest.sampleDay())) {
            RegistryService other = new RegistryService(fresh);
            ImportReport report = other.importWorkbook(file, Progress.NONE);

            assertThat(report.errors()).isEmpty();
            assertThat(report.applied()).isTrue();
            assertThat(report.created()).isEqualTo(62 + 8 + 374);
            assertThat(comparable(other.load())).containsExactlyElementsOf(comparable(service.load()));
        }
    }

    @Test
    void reimportingTheOwnExportChangesNothing() {
        service.importSample(Progress.NONE);
        Path file = dir.resolve("组织台账.xlsx");
        service.exportWorkbook(file, Progress.NONE);
        Snapshot before = snapshot();

        ImportReport report = service.importWorkbook(file, Progress.NONE);

        assertThat(report.applied()).isTrue();
        assertThat(report.created()).isZero();
        assertThat(report.updated()).isZero();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theExportedWorkbookHasTheThreeSheetsWithTheirHeaders() throws IOException {
        service.importSample(Progress.NONE);
        Path file = dir.resolve("组织台账.xlsx");
        service.exportWorkbook(file, Progress.NONE);

        try (InputStream in = Files.newInputStream(file);
                Workbook wb = new XSSFWorkbook(in)) {
            assertThat(headers(wb.getSheet(RegistryColumns.UNITS_SHEET))).isEqualTo(RegistryColumns.UNIT_HEADERS);
            assertThat(headers(wb.getSheet(RegistryColumns.COMMUNITIES_SHEET)))
                    .isEqualTo(RegistryColumns.COMMUNITY_HEADERS);
            assertThat(headers(wb.getSheet(ORGS))).isEqualTo(RegistryColumns.ORGANIZATION_HEADERS);
            assertThat(wb.getSheet(ORGS).getLastRowNum()).isEqualTo(374);
            assertThat(wb.getSheet(RegistryColumns.UNITS_SHEET).getLastRowNum()).isEqualTo(62);
        }
    }

    @Test
    void everyExportedSheetPrintsA4LandscapeOnePageWide() throws IOException {
        service.importSample(Progress.NONE);
        Path file = dir.resolve("组织台账.xlsx");
        service.exportWorkbook(file, Progress.NONE);

        try (InputStream in = Files.newInputStream(file);
                Workbook wb = new XSSFWorkbook(in)) {
            for (Sheet sheet : wb) {
                assertThat(sheet.getFitToPage()).as(sheet.getSheetName()).isTrue();
                assertThat(sheet.getPrintSetup().getFitWidth())
                        .as(sheet.getSheetName())
                        .isEqualTo((short) 1);
                assertThat(sheet.getPrintSetup().getFitHeight())
                        .as(sheet.getSheetName())
                        .isZero();
                assertThat(sheet.getPrintSetup().getLandscape())
                        .as(sheet.getSheetName())
                        .isTrue();
            }
        }
    }

    static List<String> headers(Sheet sheet) {
        List<String> h = new ArrayList<>();
        sheet.getRow(0).forEach(c -> h.add(c.getStringCellValue()));
        return h;
    }

    @Test
    void aRegistryWithTheSameBranchNameUnderTwoGeneralBranchesSurvivesExportAndImport() {
        Unit police = aUnit().named("江海市公安局").shortName("市公安局").build();
        service.save(police);
        Organization committee = aPartyCommittee().named("市公安局机关党委").in(police).build();
        service.save(committee);
        Organization east = aGeneralBranch().named("治安支队党总支").under(committee).build();
        Organization west = aGeneralBranch().named("刑侦支队党总支").under(committee).build();
        service.save(east);
        service.save(west);
        service.save(aBranch().named("第一党支部").under(east).build());
        service.save(aBranch().named("第一党支部").under(west).build());
        Path file = dir.resolve("公安局.xlsx");
        service.exportWorkbook(file, Progress.NONE);

        try (Store fresh = Store.openOrCreate(dir.resolve("fresh.db"), RegistryServiceTest.sampleDay())) {
            RegistryService other = new RegistryService(fresh);
            ImportReport report = other.importWorkbook(file, Progress.NONE);

            assertThat(report.errors()).isEmpty();
            assertThat(comparable(other.load())).containsExactlyElementsOf(comparable(service.load()));
        }
    }

    @Test
    void aSecondBranchOfAStoredNameUnderAnotherParentIsAddedNotMergedIntoTheFirst() throws IOException {
        Unit police = aUnit().named("江海市公安局").build();
        service.save(police);
        Organization committee = aPartyCommittee().named("市公安局机关党委").in(police).build();
        service.save(committee);
        Organization east = aGeneralBranch().named("治安支队党总支").under(committee).build();
        service.save(east);
        service.save(aGeneralBranch().named("刑侦支队党总支").under(committee).build());
        service.save(aBranch().named("第一党支部").under(east).withSecretary("王强").build());
        Path file = new TestWorkbooks()
                .sheet(ORGS, RegistryColumns.ORGANIZATION_HEADERS)
                .organization("第一党支部", "党支部", "江海市公安局", "刑侦支队党总支", "李明", "9", "否", "", "")
                .organization("第一党支部", "党支部", "江海市公安局", "治安支队党总支", "王强", "", "否", "", "")
                .write(dir.resolve("两个第一党支部.xlsx"));

        ImportReport report = service.importWorkbook(file, Progress.NONE);

        assertThat(report.errors()).isEmpty();
        assertThat(report.created()).isEqualTo(1);
        Registry after = service.load();
        assertThat(after.organizationsNamed(police.id(), "第一党支部"))
                .extracting(o -> after.organization(o.parentId()).orElseThrow().name(), Organization::secretary)
                .containsExactlyInAnyOrder(tuple("治安支队党总支", "王强"), tuple("刑侦支队党总支", "李明"));
    }

    @Test
    void aParentNameThatTwoLeadingOrganizationsOfTheUnitShareIsReportedAsAmbiguous() throws IOException {
        service.save(aUnit().named("江海市公安局").build());
        Path file = new TestWorkbooks()
                .sheet(ORGS, RegistryColumns.ORGANIZATION_HEADERS)
                .organization("市公安局机关党委", "机关党委", "江海市公安局", "", "张伟", "300", "是", "", "")
                .organization("综合党总支", "党总支", "江海市公安局", "市公安局机关党委", "刘洋", "60", "是", "", "")
                .organization("综合党总支", "党总支", "江海市公安局", "", "陈静", "40", "是", "", "")
                .organization("第一党支部", "党支部", "江海市公安局", "综合党总支", "赵磊", "9", "否", "", "")
                .write(dir.resolve("同名总支.xlsx"));

        ImportReport report = service.importWorkbook(file, Progress.NONE);

        assertThat(report.applied()).isFalse();
        assertThat(report.errors())
                .extracting(RowIssue::row, RowIssue::column, i -> i.issue().messageKey())
                .contains(
                        tuple(5, RegistryColumns.ORG_PARENT, "import.error.parentAmbiguous"),
                        tuple(3, RegistryColumns.ORG_NAME, "organization.error.leaderNameTaken"));
    }

    @Test
    void aMalformedWorkbookIsRejectedWithEachErrorAtItsSheetRowAndColumn() throws IOException {
        service.importSample(Progress.NONE);
        Path file = TestWorkbooks.malformed(dir.resolve("有错误的台账.xlsx"));

        ImportReport report = service.importWorkbook(file, Progress.NONE);

        assertThat(report.applied()).isFalse();
        assertThat(report.created()).isZero();
        assertThat(report.errors())
                .extracting(
                        RowIssue::sheet,
                        RowIssue::row,
                        RowIssue::column,
                        i -> i.issue().messageKey())
                .containsExactly(
                        tuple(ORGS, 3, RegistryColumns.ORG_MEMBERS, "import.error.notWholeNumber"),
                        tuple(ORGS, 4, RegistryColumns.ORG_KIND, "import.error.kindUnknown"),
                        tuple(ORGS, 5, RegistryColumns.ORG_UNIT, "import.error.unitUnknown"),
                        tuple(ORGS, 7, RegistryColumns.ORG_PARENT, "organization.error.parentIsBranch"),
                        tuple(ORGS, 8, RegistryColumns.ORG_COMMITTEE, "organization.error.committeeNotAllowed"),
                        tuple(ORGS, 9, RegistryColumns.ORG_NAME, "import.error.duplicateRow"),
                        tuple(ORGS, 10, RegistryColumns.ORG_TERM_START, "import.error.notDate"));
    }

    @Test
    void aMalformedWorkbookChangesNothingInTheDatabase() throws IOException {
        service.importSample(Progress.NONE);
        Snapshot before = snapshot();

        service.importWorkbook(TestWorkbooks.malformed(dir.resolve("有错误的台账.xlsx")), Progress.NONE);

        assertThat(snapshot()).isEqualTo(before);
        assertThat(service.load().unitNamed("江海市测试局")).isEmpty();
    }

    @Test
    void rowErrorsReadAsSentencesNamingTheSheetRowColumnAndValue() throws IOException {
        service.importSample(Progress.NONE);
        ImportReport report = service.importWorkbook(TestWorkbooks.malformed(dir.resolve("bad.xlsx")), Progress.NONE);

        List<String> lines = ImportReports.lines(report.errors(), Messages.forLocale(Messages.CHINESE));

        assertThat(lines)
                .contains(
                        "“党组织”表第3行“党员人数”：“三十”不是整数。",
                        "“党组织”表第4行“组织类别”：组织类别“党小组”无法识别，应为：机关党委、党总支、党支部、联合支部。",
                        "“党组织”表第5行“所属单位”：单位“江海市不存在局”不存在，请先在“单位”表中添加。",
                        "“党组织”表第9行“组织名称”：与第6行重复。",
                        "“党组织”表第10行“任期开始”：“2024-02-30”不是日期，请按 2024-05-01 的格式填写。");
    }

    @Test
    void aTextFileNamedXlsxIsRefusedAsNotExcel() throws IOException {
        Path file = Files.writeString(dir.resolve("台账.xlsx"), "组织名称,组织类别\n市委办机关党委,机关党委\n");

        assertThatThrownBy(() -> service.importWorkbook(file, Progress.NONE))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("import.error.notExcel"));
    }

    @Test
    void anEmptyFileIsRefusedAsNotExcel() throws IOException {
        Path file = Files.createFile(dir.resolve("空.xlsx"));

        assertThatThrownBy(() -> service.importWorkbook(file, Progress.NONE))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("import.error.notExcel"));
    }

    @Test
    void aZipThatIsNotAWorkbookIsRefusedAsNotExcel() throws IOException {
        Path file = dir.resolve("照片.xlsx");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("photo.txt"));
            zip.write("不是表格".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertThatThrownBy(() -> service.importWorkbook(file, Progress.NONE))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("import.error.notExcel"));
    }

    @Test
    void anXlsFileIsReadWhateverItsNameSays() throws IOException {
        // an Excel 97–2003 file renamed .xlsx, as clerks do: recognised by its content
        Path file = dir.resolve("旧台账.xlsx");
        try (Workbook wb = new HSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Row header = wb.createSheet(RegistryColumns.UNITS_SHEET).createRow(0);
            header.createCell(0).setCellValue(RegistryColumns.UNIT_NAME);
            wb.getSheet(RegistryColumns.UNITS_SHEET).createRow(1).createCell(0).setCellValue("江海市测试局");
            wb.write(out);
        }

        ImportReport report = service.importWorkbook(file, Progress.NONE);

        assertThat(report.applied()).isTrue();
        assertThat(service.load().unitNamed("江海市测试局")).isPresent();
    }

    @Test
    void aMissingFileIsRefusedAsNotFound() {
        assertThatThrownBy(() -> service.importWorkbook(dir.resolve("没有.xlsx"), Progress.NONE))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("import.error.fileNotFound"));
    }

    @Test
    void aWorkbookWithoutRegistrySheetsIsRejected() throws IOException {
        Path file = new TestWorkbooks()
                .sheet("Sheet1", List.of("姓名", "电话"))
                .row("张三", "123")
                .write(dir.resolve("别的表.xlsx"));

        ImportReport report = service.importWorkbook(file, Progress.NONE);

        assertThat(report.applied()).isFalse();
        assertThat(report.errors()).extracting(i -> i.issue().messageKey()).containsExactly("import.error.noSheets");
    }

    @Test
    void aMissingRequiredColumnIsReportedOnTheHeaderRow() throws IOException {
        Path file = new TestWorkbooks()
                .sheet(ORGS, List.of(RegistryColumns.ORG_NAME, RegistryColumns.ORG_KIND, RegistryColumns.ORG_SECRETARY))
                .row("市委办机关党委", "机关党委", "张红玲")
                .write(dir.resolve("缺列.xlsx"));

        ImportReport report = service.importWorkbook(file, Progress.NONE);

        assertThat(report.applied()).isFalse();
        assertThat(report.errors())
                .extracting(
                        RowIssue::sheet,
                        RowIssue::row,
                        RowIssue::column,
                        i -> i.issue().messageKey())
                .containsExactly(tuple(ORGS, 1, RegistryColumns.ORG_UNIT, "import.error.missingColumn"));
    }

    @Test
    void absentColumnsKeepStoredValuesWhileBlankCellsClearThem() throws IOException {
        service.importSample(Progress.NONE);
        Registry before = service.load();
        Unit office = before.unitNamed("中共江海市委办公室").orElseThrow();
        Organization branch =
                before.organizationNamed(office.id(), "市委办机关第一党支部").orElseThrow();
        assertThat(branch.secretary()).isEqualTo("吕洪");
        // only name, kind, unit and a blank 书记: 党员人数, 上级组织, 任期 … are absent
        Path file = new TestWorkbooks()
                .sheet(
                        ORGS,
                        List.of(
                                RegistryColumns.ORG_NAME,
                                RegistryColumns.ORG_KIND,
                                RegistryColumns.ORG_UNIT,
                                RegistryColumns.ORG_SECRETARY))
                .row("市委办机关第一党支部", "党支部", "中共江海市委办公室", "")
                .write(dir.resolve("只改书记.xlsx"));

        ImportReport report = service.importWorkbook(file, Progress.NONE);

        assertThat(report.applied()).isTrue();
        assertThat(report.updated()).isEqualTo(1);
        Organization after = service.load().organization(branch.id()).orElseThrow();
        assertThat(after.secretary()).isNull();
        assertThat(after).usingRecursiveComparison().ignoringFields("secretary").isEqualTo(branch);
        assertThat(service.load().units()).hasSize(62);
    }

    @Test
    void aNumberTypedAsTextWithDecimalsAndDatesInChineseFormAreRead() throws IOException {
        service.importSample(Progress.NONE);
        Path file = new TestWorkbooks()
                .sheet(
                        ORGS,
                        List.of(
                                RegistryColumns.ORG_NAME,
                                RegistryColumns.ORG_KIND,
                                RegistryColumns.ORG_UNIT,
                                RegistryColumns.ORG_PARENT,
                                RegistryColumns.ORG_MEMBERS,
                                RegistryColumns.ORG_COMMITTEE,
                                RegistryColumns.ORG_TERM_START,
                                RegistryColumns.ORG_TERM_END))
                .row("市委办机关第四党支部", "党支部", "中共江海市委办公室", "市委办机关党委", "12.0", "Y", "2025年3月1日", "2028/3/1")
                .write(dir.resolve("新支部.xlsx"));

        ImportReport report = service.importWorkbook(file, Progress.NONE);

        assertThat(report.errors()).isEmpty();
        Organization o = officeOrganization("市委办机关第四党支部");
        assertThat(o.memberCount()).isEqualTo(12);
        assertThat(o.hasCommittee()).isTrue();
        assertThat(o.termStart()).isEqualTo("2025-03-01");
        assertThat(o.termEnd()).isEqualTo("2028-03-01");
    }

    @Test
    void realExcelDatesInChineseFormatAndNumericCellsAreRead() throws IOException {
        service.importSample(Progress.NONE);
        Path file = dir.resolve("excel格式.xlsx");
        try (Workbook wb = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet(ORGS);
            List<String> headers = List.of(
                    RegistryColumns.ORG_NAME,
                    RegistryColumns.ORG_KIND,
                    RegistryColumns.ORG_UNIT,
                    RegistryColumns.ORG_PARENT,
                    RegistryColumns.ORG_MEMBERS,
                    RegistryColumns.ORG_COMMITTEE,
                    RegistryColumns.ORG_TERM_START,
                    RegistryColumns.ORG_TERM_END,
                    RegistryColumns.CONTACT_PHONE);
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c).setCellValue(headers.get(c));
            }
            var chineseDate = wb.createCellStyle();
            chineseDate.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("市委办机关第四党支部");
            row.createCell(1).setCellValue("党支部");
            row.createCell(2).setCellValue("中共江海市委办公室");
            row.createCell(3).setCellValue("市委办机关党委");
            row.createCell(4).setCellValue(12.0);
            row.createCell(5).setCellValue(true);
            row.createCell(6).setCellValue(java.time.LocalDate.of(2025, 3, 1));
            row.getCell(6).setCellStyle(chineseDate);
            row.createCell(7).setCellValue(java.time.LocalDate.of(2028, 3, 1));
            row.getCell(7).setCellStyle(chineseDate);
            row.createCell(8).setCellValue(13812345678d);
            wb.write(out);
        }

        ImportReport report = service.importWorkbook(file, Progress.NONE);

        assertThat(report.errors()).isEmpty();
        Organization o = officeOrganization("市委办机关第四党支部");
        assertThat(o.memberCount()).isEqualTo(12);
        assertThat(o.hasCommittee()).isTrue();
        assertThat(o.termStart()).isEqualTo("2025-03-01");
        assertThat(o.termEnd()).isEqualTo("2028-03-01");
        assertThat(o.contactPhone()).isEqualTo("13812345678");
    }

    @Test
    void csvExportStartsWithTheUtf8ByteOrderMark() throws IOException {
        service.importSample(Progress.NONE);
        Path file = dir.resolve("党组织.csv");

        service.exportCsv(file);

        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8).substring(1))
                .startsWith(String.join(",", RegistryColumns.ORGANIZATION_HEADERS) + "\r\n");
    }

    @Test
    void csvExportEndsEveryLineWithCrLf() throws IOException {
        service.importSample(Progress.NONE);
        Path file = dir.resolve("党组织.csv");

        service.exportCsv(file);

        String content = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(content).endsWith("\r\n");
        assertThat(content.split("\r\n", -1)).hasSize(374 + 1 + 1);
        assertThat(content.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void csvExportQuotesValuesHoldingACommaOrAQuote() throws IOException {
        service.importSample(Progress.NONE);
        Organization o = officeOrganization("市委办机关第一党支部");
        service.save(new Organization(
                o.id(),
                o.unitId(),
                o.parentId(),
                o.name(),
                o.kind(),
                o.secretary(),
                o.fullTimeDeputy(),
                o.memberCount(),
                o.hasCommittee(),
                o.termStart(),
                o.termEnd(),
                o.communityId(),
                o.contactPerson(),
                o.contactPhone(),
                "2026年拟换届,书记称\"老吕\"",
                o.sortOrder()));
        Path file = dir.resolve("党组织.csv");

        service.exportCsv(file);

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains(",\"2026年拟换届,书记称\"\"老吕\"\"\"\r\n");
    }

    @Test
    void csvExportParsesBackToTheSameRows() throws IOException {
        service.importSample(Progress.NONE);
        Organization o = officeOrganization("市委办机关第一党支部");
        service.save(new Organization(
                o.id(),
                o.unitId(),
                o.parentId(),
                o.name(),
                o.kind(),
                o.secretary(),
                o.fullTimeDeputy(),
                o.memberCount(),
                o.hasCommittee(),
                o.termStart(),
                o.termEnd(),
                o.communityId(),
                o.contactPerson(),
                o.contactPhone(),
                "第一行,含逗号\r\n第二行\"引号\"",
                o.sortOrder()));
        Registry registry = service.load();
        Path file = dir.resolve("党组织.csv");

        service.exportCsv(file);

        List<List<String>> expected = new ArrayList<>();
        expected.add(RegistryColumns.ORGANIZATION_HEADERS);
        registry.organizations().forEach(org -> expected.add(RegistryRows.organizationRow(registry, org)));
        assertThat(RegistryCsv.parse(Files.readString(file, StandardCharsets.UTF_8)))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void cancellingRightAfterTheFirstProgressUpdateThrowsAndWritesNothing() {
        Progress cancelAfterFirstUpdate = TestProgress.cancelledWhen(done -> true);

        assertThatThrownBy(() -> service.importSample(cancelAfterFirstUpdate)).isInstanceOf(CancelledException.class);

        assertThat(snapshot()).isEqualTo(new Snapshot(0, 0, 0, 0, List.of()));
    }

    @Test
    void cancellingHalfWayThroughWritingRollsBackTheRowsAlreadyWritten() {
        AtomicLong cancelledAt = new AtomicLong();
        Progress cancelMidWrite = new Progress() {
            private volatile boolean cancelled;

            @Override
            public void update(long done, long total, String message) {
                if (message.equals("import.progress.writing") && done >= 100 && !cancelled) {
                    cancelledAt.set(done);
                    cancelled = true;
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };

        assertThatThrownBy(() -> service.importSample(cancelMidWrite)).isInstanceOf(CancelledException.class);

        assertThat(cancelledAt.get()).as("rows written before the cancel").isGreaterThanOrEqualTo(100);
        assertThat(snapshot()).isEqualTo(new Snapshot(0, 0, 0, 0, List.of()));
    }

    @Test
    void cancellingAnImportOverExistingDataLeavesItAsItWas() throws IOException {
        service.importSample(Progress.NONE);
        Snapshot before = snapshot();
        Path file = dir.resolve("组织台账.xlsx");
        service.exportWorkbook(file, Progress.NONE);

        assertThatThrownBy(() -> service.importWorkbook(file, TestProgress.cancelledWhen(done -> true)))
                .isInstanceOf(CancelledException.class);

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void cancellingAnExportKeepsThePreviousFileAndLeavesNoTempFile() throws IOException {
        service.importSample(Progress.NONE);
        Path file = Files.writeString(dir.resolve("组织台账.xlsx"), "上次导出的文件");

        assertThatThrownBy(() -> service.exportWorkbook(file, TestProgress.cancelledWhen(done -> true)))
                .isInstanceOf(CancelledException.class);

        assertThat(file).hasContent("上次导出的文件");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void theTemplateIsAnEmptyWorkbookThatImportsAsNothing() throws IOException {
        Path file = dir.resolve("模板.xlsx");
        RegistryService.exportTemplate(file);

        try (InputStream in = Files.newInputStream(file);
                Workbook wb = new XSSFWorkbook(in)) {
            assertThat(headers(wb.getSheet(ORGS))).isEqualTo(RegistryColumns.ORGANIZATION_HEADERS);
            assertThat(wb.getSheet(ORGS).getLastRowNum()).isZero();
        }
        ImportReport report = service.importWorkbook(file, Progress.NONE);
        assertThat(report.applied()).isTrue();
        assertThat(report.created() + report.updated() + report.unchanged()).isZero();
    }

    @Test
    void unitsAndCommunitiesAreMatchedByNameSoTheirIdsStay() throws IOException {
        service.importSample(Progress.NONE);
        Registry before = service.load();
        Path file = dir.resolve("组织台账.xlsx");
        service.exportWorkbook(file, Progress.NONE);
        try (InputStream in = Files.newInputStream(file);
                Workbook wb = new XSSFWorkbook(in)) {
            Row first = wb.getSheet(RegistryColumns.UNITS_SHEET).getRow(1);
            int remark = RegistryColumns.UNIT_HEADERS.indexOf(RegistryColumns.REMARK);
            first.removeCell(first.getCell(remark)); // POI would only half-update an inline-string cell
            first.createCell(remark).setCellValue("新备注");
            try (OutputStream out = Files.newOutputStream(dir.resolve("改备注.xlsx"))) {
                wb.write(out);
            }
        }

        ImportReport report = service.importWorkbook(dir.resolve("改备注.xlsx"), Progress.NONE);

        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.created()).isZero();
        Unit changed = before.units().get(0);
        assertThat(service.load().unit(changed.id()))
                .hasValueSatisfying(u -> assertThat(u.remark()).isEqualTo("新备注"));
    }
}
