package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.taizhang.core.pdf.PdfFonts;
import org.taizhang.core.pdf.PdfFontsAvailable;
import org.taizhang.core.store.FirstRun;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.HostileWorkbooks;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.TestWorkbooks;
import org.taizhang.organization.files.RegistryColumns;
import org.taizhang.organization.model.Organization;

/** The command line in this JVM: the same picocli tree the launcher runs, with output captured. */
class CliTest {
    /** The sample registry, imported once for the class; tests that need it get a copy. */
    @TempDir
    static Path shared;

    private static Path sampleDb;

    @TempDir
    Path dir;

    @BeforeAll
    static void prepareSampleDatabase() {
        sampleDb = shared.resolve("sample.db");
        try (Store store = Store.openOrCreate(sampleDb)) {
            new RegistryService(store).importSample(Progress.NONE);
        }
    }

    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private Path db() {
        return dir.resolve("taizhang.db");
    }

    private int run(Object... args) {
        return cli.run(args);
    }

    private int run(Consumer<Path> window, Object... args) {
        return cli.run(window, args);
    }

    /** This test's database holds the sample registry (a copy of the one prepared for the class). */
    private void withSampleData() {
        try {
            for (String suffix : List.of("", "-wal")) {
                Path from = shared.resolve("sample.db" + suffix);
                if (Files.exists(from)) {
                    Files.copy(from, dir.resolve("taizhang.db" + suffix));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void initSampleExitsZeroAndPrintsTheCounts() {
        int code = run("--db", db(), "init", "--sample");

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("数据库已就绪").contains("单位 62 个").contains("党组织 374 个");
        assertThat(err.toString()).isEmpty();
        assertThat(db()).isRegularFile();
    }

    /** Warned, not refused: the clerk may have no other place; the command's output stays what it was. */
    @Test
    void aDatabaseInASyncedFolderIsUsedWithAWarningOnStderr() {
        Path synced = dir.resolve("OneDrive - 江海市委组织部").resolve("台账").resolve("taizhang.db");

        assertThat(run("--db", synced, "init")).isZero();
        assertThat(err.toString())
                .startsWith("注意：数据库 " + synced.toAbsolutePath() + " 在同步文件夹（OneDrive - 江海市委组织部）里。")
                .contains("写到一半");
        assertThat(out.toString()).doesNotContain("同步文件夹");
        // no WAL there: nothing beside the file for the sync client to copy as a conflict
        assertThat(synced.resolveSibling("taizhang.db-wal")).doesNotExist();
        assertThat(synced.resolveSibling("taizhang.db-shm")).doesNotExist();

        err.getBuffer().setLength(0);
        assertThat(run("--db", synced, "device", "show")).isZero();
        assertThat(err.toString()).contains("同步文件夹");
        assertThat(Files.exists(synced)).isTrue();
    }

    @Test
    void initWithoutSampleCreatesAnEmptyDatabase() {
        int code = run("--db", db(), "init");

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("单位 0 个").contains("党组织 0 个");
    }

    @Test
    void initSampleOnARegistryWithDataExitsOneAndChangesNothing() {
        withSampleData();
        Organization edited;
        int historyBefore;
        try (Store store = Store.open(db())) {
            RegistryService service = new RegistryService(store);
            Organization o = service.load().organizations().getFirst();
            edited = new Organization(
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
                    "办公室已核实 2026-03",
                    o.sortOrder());
            service.save(edited);
            historyBefore = service.historyOfOrganization(o.id()).size();
        }

        int code = run("--db", db(), "init", "--sample");

        assertThat(code).isEqualTo(ExitCodes.ERROR);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines().toList())
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("错误：数据库 ")
                        .contains("已有台账数据（单位 62 个，党组织 374 个），未载入示例数据。")
                        .contains(" | Error: ")
                        .contains("already holds registry data (62 units, 374 organizations)"));
        try (Store store = Store.open(db())) {
            RegistryService service = new RegistryService(store);
            assertThat(service.load().organization(edited.id())).contains(edited);
            assertThat(service.load().organizationCount()).isEqualTo(374);
            assertThat(service.historyOfOrganization(edited.id())).hasSize(historyBefore);
            assertThat(FirstRun.isPending(store))
                    .as("the first-start choice is not marked done")
                    .isTrue();
        }
    }

    @Test
    void initWithoutSampleOnARegistryWithDataExitsZero() {
        withSampleData();

        int code = run("--db", db(), "init");

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("单位 62 个").contains("党组织 374 个");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void exportToXlsxExitsZeroAndWritesTheFile() {
        withSampleData();
        Path file = dir.resolve("组织台账.xlsx");

        int code = run("--db", db(), "orgs", "export", file);

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(file).isRegularFile().isNotEmptyFile();
        assertThat(out.toString()).contains("已导出 374 个党组织");
    }

    @Test
    void exportToCsvExitsZeroAndWritesTheFile() throws IOException {
        withSampleData();
        Path file = dir.resolve("党组织.csv");

        int code = run("--db", db(), "orgs", "export", file);

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(Files.readAllLines(file)).hasSize(375);
    }

    @Test
    void exportToPdfExitsZeroAndWritesAPrintableTable() throws IOException {
        PdfFontsAvailable.assumeChineseFont();
        withSampleData();
        Path file = dir.resolve("组织台账.pdf");

        int code = run("--db", db(), "orgs", "export", "--title", "江海市机关工委组织台账", file);

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("已导出 374 个党组织");
        try (PdfReader reader = new PdfReader(file.toString())) {
            assertThat(reader.getNumberOfPages()).isGreaterThan(1);
            assertThat(new PdfTextExtractor(reader).getTextFromPage(1)).contains("江海市机关工委组织台账");
        }
    }

    @Test
    void exportToPdfWithAMissingFontExitsOneAndWritesNothing() {
        withSampleData();
        Path file = dir.resolve("组织台账.pdf");
        String before = System.getProperty(PdfFonts.OVERRIDE_PROPERTY);
        System.setProperty(PdfFonts.OVERRIDE_PROPERTY, dir.resolve("simsun.ttc").toString());
        int code;
        try {
            code = run("--db", db(), "orgs", "export", file);
        } finally {
            if (before == null) {
                System.clearProperty(PdfFonts.OVERRIDE_PROPERTY);
            } else {
                System.setProperty(PdfFonts.OVERRIDE_PROPERTY, before);
            }
        }

        assertThat(code).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString()).contains("错误：找不到字体文件", "simsun.ttc", "Error: Font file");
        assertThat(file).doesNotExist();
    }

    @Test
    void theDatabaseOptionMayAlsoFollowTheSubcommand() {
        withSampleData();
        Path file = dir.resolve("组织台账.xlsx");

        int code = run("orgs", "export", "--db", db(), file);

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(file).isRegularFile();
    }

    @Test
    void exportToAnUnknownFormatExitsOneAndWritesNothing() {
        withSampleData();
        Path file = dir.resolve("组织台账.txt");

        int code = run("--db", db(), "orgs", "export", file);

        assertThat(code).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString()).contains("不支持的文件类型");
        assertThat(file).doesNotExist();
    }

    @Test
    void exportToAnUnknownFormatDoesNotCreateTheDatabase() {
        int code = run("--db", db(), "orgs", "export", dir.resolve("组织台账.txt"));

        assertThat(code).isEqualTo(ExitCodes.ERROR);
        assertThat(db()).doesNotExist();
    }

    @Test
    void everySubcommandHasHelp() {
        int code = run("orgs", "import", "--help");

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("用法：")
                .contains("import")
                .contains("--db")
                .contains("显示本帮助并退出。")
                .doesNotContain("Show this help message");
    }

    /** Exports the sample registry and imports that file again; the output holds only the import's lines. */
    private int reimportOwnExport() {
        withSampleData();
        Path file = dir.resolve("组织台账.xlsx");
        run("--db", db(), "orgs", "export", file);
        out.getBuffer().setLength(0);
        return run("--db", db(), "orgs", "import", file);
    }

    @Test
    void importingTheOwnExportExitsZeroAndChangesNothing() {
        int code = reimportOwnExport();

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("导入完成：新增 0 条，更新 0 条，未变 444 条");
    }

    @Test
    void anImportWithOnlyWarningsPrintsTheSummaryFirstThenEachWarningMarkedAsANote() {
        int code = reimportOwnExport();

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).isEmpty();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.getFirst()).startsWith("导入完成：新增 0 条，更新 0 条，未变 444 条，提示 ");
        int warnings = Integer.parseInt(lines.getFirst().replaceAll(".*提示 (\\d+) 条。$", "$1"));
        assertThat(warnings).isPositive();
        assertThat(lines.subList(1, lines.size()))
                .hasSize(warnings)
                .allSatisfy(line -> assertThat(line).startsWith("提示：“党组织”表第"))
                .anySatisfy(line -> assertThat(line).contains("应设立支部委员会。"));
    }

    @Test
    void aRejectedImportExitsThreeAndPrintsTheRowErrors() throws IOException {
        withSampleData();
        Path bad = TestWorkbooks.malformed(dir.resolve("bad.xlsx"));

        int code = run("--db", db(), "orgs", "import", bad);

        assertThat(code).isEqualTo(ExitCodes.IMPORT_REJECTED);
        assertThat(err.toString())
                .contains("“党组织”表第3行“党员人数”：“三十”不是整数。")
                .contains("“党组织”表第9行“组织名称”：与第6行重复。")
                .contains("导入被拒绝：文件中有 7 处错误，数据库未做任何更改。");
    }

    @Test
    void importingAMissingFileExitsOneWithABilingualErrorLine() {
        withSampleData();

        int code = run("--db", db(), "orgs", "import", dir.resolve("missing.xlsx"));

        assertThat(code).isEqualTo(ExitCodes.ERROR);
        List<String> lines = err.toString().lines().toList();
        assertThat(lines)
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("错误：")
                        .contains("missing.xlsx")
                        .contains(" | Error: "));
    }

    @Test
    void importingAZipBombExitsOneWithOneLineGivingTheLimitsAndChangesNothing() throws IOException {
        withSampleData();
        long sizeBefore = Files.size(db());
        String cell = "炸".repeat(32_767);
        Path bomb = HostileWorkbooks.singleSheet(dir.resolve("炸弹.xlsx"), RegistryColumns.UNITS_SHEET, xml -> {
            HostileWorkbooks.row(xml, 1, RegistryColumns.UNIT_NAME);
            for (int r = 2; r <= 4_001; r++) {
                HostileWorkbooks.row(xml, r, cell);
            }
        });
        long bombSize = Files.size(bomb);

        int code = run("--db", db(), "orgs", "import", bomb);

        assertThat(code).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString().lines().toList())
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("错误：")
                        .contains("炸弹.xlsx 过大或已损坏")
                        .contains("100000 行")
                        .contains("32767 个字符")
                        .contains("100 MB")
                        .contains(" | Error: ")
                        .doesNotContain("程序内部错误")
                        .doesNotContain("bugzilla"));
        assertThat(Files.size(bomb)).isEqualTo(bombSize);
        assertThat(Files.size(db())).isEqualTo(sizeBefore);
    }

    @Test
    void importingAFolderSaysItIsAFolder() throws IOException {
        withSampleData();
        Path folder = Files.createDirectory(dir.resolve("导入文件"));

        int code = run("--db", db(), "orgs", "import", folder);

        assertThat(code).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString().lines().toList())
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("错误：")
                        .contains("导入文件 是一个文件夹，不是文件。")
                        .contains(" | Error: ")
                        .contains("is a folder, not a file.")
                        .doesNotContain("找不到文件"));
    }

    @Test
    void anUnknownOptionExitsTwo() {
        int code = run("--db", db(), "--no-such-option");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--no-such-option");
    }

    @Test
    void aMissingArgumentExitsTwo() {
        int code = run("--db", db(), "orgs", "import");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().lines().findFirst())
                .hasValueSatisfying(line -> assertThat(line)
                        .isEqualTo("错误：命令行有误：缺少必需的参数：'FILE.xlsx'"
                                + " | Error: Invalid command line: Missing required parameter: 'FILE.xlsx'"));
    }

    @Test
    void aUsageErrorIsOneBilingualLineThenTheUsageOfTheMistypedSubcommand() {
        int code = run("--db", db(), "orgs", "import", dir.resolve("a.xlsx"), "extra");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(out.toString()).isEmpty();
        List<String> lines = err.toString().lines().toList();
        assertThat(lines.getFirst())
                .startsWith("错误：命令行有误：无法识别的参数：'extra'")
                .contains(" | Error: Invalid command line: Unmatched argument at index ");
        assertThat(lines.get(1)).startsWith("用法：taizhang orgs import ").contains("FILE.xlsx");
        assertThat(db()).as("nothing was run").doesNotExist();
    }

    @Test
    void theTemplateIsAWorkbookWhoseOrganizationSheetHasTheHeaderRow() throws IOException {
        Path file = dir.resolve("模板.xlsx");

        int code = run("--db", db(), "orgs", "template", file);

        assertThat(code).isEqualTo(ExitCodes.OK);
        try (InputStream in = Files.newInputStream(file);
                Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet(RegistryColumns.ORGANIZATIONS_SHEET);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).isEqualTo(RegistryColumns.ORGANIZATION_HEADERS);
            assertThat(sheet.getLastRowNum()).isZero();
        }
    }

    @Test
    void theTemplateNeitherOpensNorCreatesADatabase() {
        Path missing = dir.resolve("没有这个文件夹").resolve("taizhang.db");
        Path file = dir.resolve("模板.xlsx");

        int code = run("--db", missing, "orgs", "template", file);

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(file).isRegularFile().isNotEmptyFile();
        assertThat(missing.getParent()).doesNotExist();
    }

    @Test
    void theTemplateIsWrittenWhileAnotherProgramHasTheDatabaseOpen() {
        withSampleData();
        Path file = dir.resolve("模板.xlsx");
        try (Store held = Store.open(db())) {
            int code = run("--db", db(), "orgs", "template", file);

            assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
            assertThat(file).isRegularFile().isNotEmptyFile();
            assertThat(held.deviceId()).isNotBlank();
        }
    }

    @Test
    void aMistypedDatabaseIsRefusedByExportAndImportAndNothingIsCreated() {
        Path missing = dir.resolve("台帐").resolve("taizhang.db");
        for (String command : List.of("export", "import")) {
            err.getBuffer().setLength(0);
            Path file = dir.resolve("组织台账.xlsx");

            int code = run("--db", missing, "orgs", command, file);

            assertThat(code).as(command).isEqualTo(ExitCodes.ERROR);
            assertThat(out.toString()).as(command).isEmpty();
            assertThat(err.toString().lines().toList())
                    .as(command)
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .isEqualTo("错误：数据库文件 " + missing.toAbsolutePath() + " 不存在（请检查 --db 指定的路径）。"
                                    + "新建数据库请用 taizhang init。 | Error: Database file " + missing.toAbsolutePath()
                                    + " does not exist (check the path given with --db). To create a new database, run"
                                    + " taizhang init."));
            assertThat(missing.getParent()).as(command + " creates no folder").doesNotExist();
            assertThat(file).doesNotExist();
        }
    }

    @Test
    void initCreatesAMissingDatabaseAndItsFolders() {
        Path nested = dir.resolve("新建").resolve("taizhang.db");

        int code = run("--db", nested, "init");

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(nested).isRegularFile();
    }

    @Test
    void aTemplateWithAnotherExtensionExitsOneAndWritesNothing() {
        Path file = dir.resolve("out").resolve("模板.pdf");

        int code = run("--db", db(), "orgs", "template", file);

        assertThat(code).isEqualTo(ExitCodes.ERROR);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines().toList())
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("错误：不支持的文件类型：")
                        .contains("模板.pdf")
                        .contains(".xlsx")
                        .contains(" | Error: Unsupported file type: "));
        assertThat(file).doesNotExist();
        assertThat(db()).as("nothing is created for a refused name").doesNotExist();
    }

    @Test
    void aDatabaseHeldByAnotherStoreExitsOneNamingTheLock() {
        withSampleData();
        try (Store held = Store.open(db())) {
            int code = run("--db", db(), "orgs", "export", dir.resolve("组织台账.xlsx"));

            assertThat(code).isEqualTo(ExitCodes.ERROR);
            assertThat(err.toString()).startsWith("错误：").contains("已被另一个").contains(" | Error: ");
            assertThat(held.deviceId()).isNotBlank();
        }
    }

    @Test
    void aDatabaseThatIsNotSqliteExitsOne() throws IOException {
        Files.writeString(db(), "这不是数据库");

        int code = run("--db", db(), "init");

        assertThat(code).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString().lines().toList())
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("错误：")
                        .contains("不是台账数据库：它不是 SQLite 文件，或是别的程序的数据库。文件未做任何改动。")
                        .contains(" | Error: ")
                        .doesNotContain("no SQLite header"));
        assertThat(db()).hasContent("这不是数据库");
        assertThat(dir.resolve("taizhang.db.lock"))
                .as("no stray lock file beside a refused file")
                .doesNotExist();
    }

    @Test
    void withoutASubcommandTheWindowOpensOnTheChosenDatabase() {
        List<Path> opened = new ArrayList<>();

        int code = run(opened::add, "--db", db());

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(opened).containsExactly(db());
    }

    @Test
    void helpExitsZeroAndListsTheSubcommands() {
        int code = run("--help");

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("init").contains("orgs");
    }

    @Test
    void aWindowThatCannotStartSaysSoInOneLineLikeAFailingCommand() {
        StringWriter err = new StringWriter();

        int code = TaizhangCommand.windowFailed(
                new UnsupportedOperationException("Unable to load glass GTK library."),
                org.taizhang.core.i18n.Messages.forLocale(org.taizhang.core.i18n.Messages.CHINESE),
                new java.io.PrintWriter(err));

        assertThat(code).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString().strip())
                .startsWith("程序内部错误：")
                .contains("Unable to load glass GTK library.")
                .doesNotContain("\n");
    }
}
