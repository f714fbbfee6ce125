package org.taizhang.checklist.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.checklist.BuiltInTemplates;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.checklist.SampleDataFiles;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.core.DomainException;
import org.taizhang.core.store.Store;
import org.taizhang.organization.RegistryService;

/** A template as a workbook and back: the round trip, a clerk's edits in Excel, and files that are refused. */
public class TemplateWorkbookTest {
    @TempDir
    Path dir;

    private Store store;
    private ChecklistService checklists;

    @BeforeEach
    void open() {
        store = Store.openOrCreate(dir.resolve("taizhang.db"));
        checklists = new ChecklistService(store, new RegistryService(store));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Everything an item is, with numbers compared by value (2 and 2.0 are the same points). */
    private static List<String> described(ChecklistTemplate t) {
        return t.items().stream()
                .map(i -> String.join(
                        "|",
                        i.key(),
                        i.number(),
                        i.text(),
                        plain(i.maxPoints()),
                        i.mode().name(),
                        plain(i.deduction()),
                        plain(i.floor()),
                        Boolean.toString(i.evidenceRequired()),
                        i.methods().stream().sorted().toList().toString(),
                        Boolean.toString(i.veto()),
                        Boolean.toString(i.bonus()),
                        i.appliesTo().stream().sorted().toList().toString(),
                        i.replaces().toString()))
                .toList();
    }

    private static List<String> rules(ChecklistTemplate t) {
        List<String> r = new java.util.ArrayList<>(List.of(
                t.name(),
                plain(t.passScore()),
                plain(t.bonusCap()),
                t.notApplicable().name()));
        t.categories()
                .forEach(c -> r.add(c.key() + " " + c.code() + " " + c.name() + " " + plain(c.points()) + " "
                        + c.items().size()));
        t.bands().stream()
                .sorted((a, b) -> b.minScore().compareTo(a.minScore()))
                .forEach(b -> r.add(b.name() + " " + plain(b.minScore()) + " " + b.needsInnovation()));
        return r;
    }

    private static String plain(java.math.BigDecimal b) {
        return b == null ? "-" : b.stripTrailingZeros().toPlainString();
    }

    @Test
    void thePublishedStandardComesBackAsItsNextDraftVersionWithTheSameItemsKeysAndPoints() {
        checklists.installBuiltInTemplates();
        ChecklistTemplate published =
                checklists.publish(BuiltInTemplates.standard(2026).id());
        ChecklistTemplate chosen = checklists.templateToExport(null); // the only published one
        assertThat(chosen.id()).isEqualTo(published.id());
        Path file = dir.resolve("四化.xlsx");
        new ChecklistFiles(checklists).exportTemplate(chosen.id(), file);

        TemplateImportReport report = new ChecklistFiles(checklists).importTemplate(file);

        assertThat(report.errors()).isEmpty();
        ChecklistTemplate draft = checklists.template(report.draft().id()).orElseThrow();
        assertThat(draft.isPublished()).isFalse();
        assertThat(draft.version()).isEqualTo(2);
        assertThat(draft.id()).isNotEqualTo(published.id());
        assertThat(described(draft)).isEqualTo(described(published)).hasSize(41);
        assertThat(rules(draft)).isEqualTo(rules(published));
        assertThat(checklists.template(published.id()).orElseThrow()).isEqualTo(published); // never changed
        assertThat(checklists.publish(draft.id()).isPublished()).isTrue(); // it carries every item on

        // the 六有 draft, exported by name and imported: the same draft again, no new version
        new ChecklistFiles(checklists)
                .exportTemplate(
                        checklists.templateToExport(BuiltInTemplates.SITE_NAME).id(), dir.resolve("六有.xlsx"));
        TemplateImportReport site = new ChecklistFiles(checklists).importTemplate(dir.resolve("六有.xlsx"));
        assertThat(site.draft().id()).isEqualTo(BuiltInTemplates.site(2026).id());
        assertThat(described(checklists.template(site.draft().id()).orElseThrow()))
                .isEqualTo(described(BuiltInTemplates.site(2026)));
    }

    @Test
    void theTemplatesInSampleDataAreTheBuiltInOnes() {
        for (var pair : List.of(
                List.of(SampleDataFiles.STANDARD_FILE, BuiltInTemplates.standard(2026)),
                List.of(SampleDataFiles.SITE_FILE, BuiltInTemplates.site(2026)))) {
            TemplateImportReport report =
                    new ChecklistFiles(checklists).importTemplate(Path.of("sample-data", (String) pair.get(0)));
            assertThat(report.errors()).isEmpty();
            ChecklistTemplate builtIn = (ChecklistTemplate) pair.get(1);
            ChecklistTemplate imported =
                    checklists.template(report.draft().id()).orElseThrow();
            assertThat(described(imported)).isEqualTo(described(builtIn));
            assertThat(rules(imported)).isEqualTo(rules(builtIn));
        }
    }

    /** Opens the exported workbook, lets a "clerk" change it, saves it under a new name. */
    private Path edited(Path exported, String name, Consumer<XSSFWorkbook> edit) throws Exception {
        Path file = dir.resolve(name);
        try (InputStream in = Files.newInputStream(exported);
                XSSFWorkbook wb = new XSSFWorkbook(in);
                OutputStream out = Files.newOutputStream(file)) {
            edit.accept(wb);
            wb.write(out);
        }
        return file;
    }

    private static Cell cell(Sheet sheet, int row, String header) {
        Row h = sheet.getRow(0);
        for (Cell c : h) {
            if (c.getStringCellValue().equals(header)) {
                Row r = sheet.getRow(row - 1);
                return r.getCell(c.getColumnIndex()) == null
                        ? r.createCell(c.getColumnIndex())
                        : r.getCell(c.getColumnIndex());
            }
        }
        throw new IllegalArgumentException(header);
    }

    @Test
    void aClerksMistakesAreRowErrorsAtTheirCellsAndNothingIsSaved() throws Exception {
        checklists.installBuiltInTemplates();
        ChecklistTemplate standard =
                checklists.publish(BuiltInTemplates.standard(2026).id());
        Path exported = dir.resolve("四化.xlsx");
        new ChecklistFiles(checklists).exportTemplate(standard.id(), exported);
        // row 2 is A1, row 3 A2, row 4 A3, row 10 B2 (a deduction item)
        Path file = edited(exported, "bad.xlsx", wb -> {
            Sheet items = wb.getSheet("条目");
            cell(items, 10, "每次扣分").setBlank();
            cell(items, 3, "计分方式").setCellValue("打分");
            cell(items, 2, "分值").setCellValue(5); // A's items now add up to 18, not 15
            cell(items, 4, "需佐证").setCellValue("也许");
            cell(wb.getSheet("规则"), 2, "达标分数").setCellValue("六十");
        });
        int before = checklists.templates().size();

        TemplateImportReport report = new ChecklistFiles(checklists).importTemplate(file);

        assertThat(report.applied()).isFalse();
        assertThat(report.errors())
                .extracting(e -> e.sheet() + " " + e.row() + " " + e.column() + " "
                        + e.issue().messageKey())
                .containsExactlyInAnyOrder(
                        "条目 3 计分方式 checklist.template.choice",
                        "条目 4 需佐证 checklist.template.yesNo",
                        "规则 2 达标分数 checklist.template.number");
        assertThat(checklists.templates()).hasSize(before);

        // the cells fixed, the rules of the template speak: B2 lacks its deduction, category A no longer adds up
        Path rulesBroken = edited(exported, "rules.xlsx", wb -> {
            Sheet items = wb.getSheet("条目");
            cell(items, 10, "每次扣分").setBlank();
            cell(items, 2, "分值").setCellValue(5);
        });
        assertThat(new ChecklistFiles(checklists).importTemplate(rulesBroken).errors())
                .extracting(e -> e.sheet() + " " + e.row() + " " + e.column() + " "
                        + e.issue().messageKey())
                .containsExactlyInAnyOrder(
                        "条目 10 每次扣分 checklist.error.deduction", "类别 2 分值 checklist.error.categoryPoints");
        assertThat(checklists.templates()).hasSize(before);
    }

    @Test
    void aNewVersionThatDropsAnItemIsRefusedNamingIt() throws Exception {
        checklists.installBuiltInTemplates();
        ChecklistTemplate site = checklists.publish(BuiltInTemplates.site(2026).id());
        Path exported = dir.resolve("六有.xlsx");
        new ChecklistFiles(checklists).exportTemplate(site.id(), exported);
        // F2 (the last row) removed, and F1 given its points so that the category still adds up
        Path file = edited(exported, "dropped.xlsx", wb -> {
            Sheet items = wb.getSheet("条目");
            items.removeRow(items.getRow(items.getLastRowNum()));
            cell(items, items.getLastRowNum() + 1, "分值").setCellValue(15);
        });

        TemplateImportReport report = new ChecklistFiles(checklists).importTemplate(file);

        assertThat(report.errors())
                .extracting(e -> e.issue().messageKey() + " " + e.issue().args()[0])
                .containsExactly("checklist.error.itemDropped F2");
    }

    @Test
    void withoutANameSeveralTemplatesAreRefusedNamingThem() {
        assertThatThrownBy(() -> checklists.templateToExport(null))
                .extracting(e -> ((DomainException) e).messageKey())
                .isEqualTo("checklist.export.noTemplate");
        checklists.installBuiltInTemplates(); // two drafts, none published

        assertThatThrownBy(() -> checklists.templateToExport(null))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> {
                    assertThat(((DomainException) e).messageKey()).isEqualTo("checklist.export.severalNames");
                    assertThat(((DomainException) e).args()[0].toString())
                            .contains(BuiltInTemplates.STANDARD_NAME, BuiltInTemplates.SITE_NAME);
                });
        assertThatThrownBy(() -> checklists.templateToExport("星级评定"))
                .extracting(e -> ((DomainException) e).messageKey())
                .isEqualTo("checklist.export.unknownName");
        checklists.publish(BuiltInTemplates.site(2026).id());
        assertThat(checklists.templateToExport(null).name()).isEqualTo(BuiltInTemplates.SITE_NAME);
    }

    private ChecklistTemplate version(String name, int version) {
        return checklists.templates().stream()
                .filter(t -> t.name().equals(name) && t.version() == version)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anItemWithoutItsWayOfScoringIsARowError() throws Exception {
        checklists.installBuiltInTemplates();
        ChecklistTemplate standard =
                checklists.publish(BuiltInTemplates.standard(2026).id());
        Path exported = dir.resolve("四化.xlsx");
        new ChecklistFiles(checklists).exportTemplate(standard.id(), exported);
        Path file = edited(
                exported,
                "blank-mode.xlsx",
                wb -> cell(wb.getSheet("条目"), 3, "计分方式").setBlank());
        int before = checklists.templates().size();

        TemplateImportReport report = new ChecklistFiles(checklists).importTemplate(file);

        assertThat(report.errors())
                .extracting(e -> e.sheet() + " " + e.row() + " " + e.column() + " "
                        + e.issue().messageKey())
                .containsExactly("条目 3 计分方式 checklist.import.required");
        assertThat(checklists.templates()).hasSize(before);
    }

    @Test
    void aNextVersionFromAnExportedSplitVersionContinuesItsOwnItems() throws Exception {
        checklists.installBuiltInTemplates();
        ChecklistTemplate site = checklists.publish(BuiltInTemplates.site(2026).id());
        Path exported = dir.resolve("六有.xlsx");
        new ChecklistFiles(checklists).exportTemplate(site.id(), exported);
        // v2 in Excel: the first item continues itself by name (as a split part would name the item it continues)
        String firstKey = site.items().getFirst().key();
        Path v2File = edited(
                exported, "v2.xlsx", wb -> cell(wb.getSheet("条目"), 2, "承接条目").setCellValue(firstKey));
        assertThat(new ChecklistFiles(checklists).importTemplate(v2File).errors())
                .isEmpty();
        ChecklistTemplate v2 = version(site.name(), 2);
        checklists.publish(v2.id());

        // v2 exported and imported as it is: its 承接条目 came back, but they speak of v1
        Path v2Exported = dir.resolve("六有v2.xlsx");
        new ChecklistFiles(checklists).exportTemplate(v2.id(), v2Exported);
        TemplateImportReport report = new ChecklistFiles(checklists).importTemplate(v2Exported);

        assertThat(report.errors()).isEmpty();
        ChecklistTemplate v3 = version(site.name(), 3);
        assertThat(v3.items()).allMatch(i -> i.replaces().isEmpty());
    }
}
