package org.taizhang.checklist.files;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.taizhang.checklist.model.CheckMethod;
import org.taizhang.checklist.model.ChecklistCategory;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.NotApplicablePolicy;
import org.taizhang.checklist.model.ScoringMode;
import org.taizhang.core.files.SafeFiles;
import org.taizhang.core.files.SheetData;
import org.taizhang.core.files.StreamingWorkbook;
import org.taizhang.core.files.WorkbookStyles;
import org.taizhang.organization.model.OrganizationKind;

/**
 * A checklist template as a workbook a clerk drafts in Excel: sheet 条目 (one row per item), 类别, 等级 and 规则
 * (one row: name, version, year, pass score, bonus cap, 不适用 policy), in the registry workbook's style (frozen
 * header, drop-downs for the enumerations, A4). {@link TemplateImport} reads it back.
 */
public final class TemplateWorkbook {
    private TemplateWorkbook() {}

    public static Map<String, SheetData> read(Path file) {
        return StreamingWorkbook.read(
                file,
                List.of(TemplateImport.ITEMS, TemplateImport.CATEGORIES, TemplateImport.BANDS, TemplateImport.RULES));
    }

    public static void write(ChecklistTemplate t, Path file) {
        SafeFiles.write(file, out -> {
            SXSSFWorkbook wb = new SXSSFWorkbook(200);
            try {
                WorkbookStyles styles = new WorkbookStyles(wb);
                List<List<Object>> items = new ArrayList<>();
                List<List<Object>> categories = new ArrayList<>();
                for (ChecklistCategory c : t.categories()) {
                    categories.add(List.of(c.code(), c.name(), c.points(), c.key()));
                    for (ChecklistItem i : c.items()) {
                        items.add(itemRow(c, i));
                    }
                }
                SXSSFSheet itemSheet = sheet(
                        wb,
                        styles,
                        TemplateImport.ITEMS,
                        TemplateImport.ITEM_HEADERS,
                        List.of(4, 4, 7, 30, 4, 7, 5, 4, 4, 10, 5, 10, 4, 8),
                        items,
                        true);
                int last = Math.max(items.size() + 200, 500);
                List<String> h = TemplateImport.ITEM_HEADERS;
                ChecklistWorkbook.choices(
                        itemSheet,
                        h.indexOf(TemplateImport.MODE),
                        last,
                        Arrays.stream(ScoringMode.values())
                                .map(ScoringMode::fileLabel)
                                .toArray(String[]::new));
                for (String yesNo : List.of(TemplateImport.EVIDENCE, TemplateImport.VETO, TemplateImport.BONUS)) {
                    ChecklistWorkbook.choices(
                            itemSheet, h.indexOf(yesNo), last, new String[] {StreamingWorkbook.YES, StreamingWorkbook.NO
                            });
                }
                if (!categories.isEmpty()) {
                    ChecklistWorkbook.choices(
                            itemSheet,
                            h.indexOf(TemplateImport.ITEM_CATEGORY),
                            last,
                            t.categories().stream().map(ChecklistCategory::code).toArray(String[]::new));
                }
                sheet(
                        wb,
                        styles,
                        TemplateImport.CATEGORIES,
                        TemplateImport.CATEGORY_HEADERS,
                        List.of(4, 12, 4, 8),
                        categories,
                        false);
                List<List<Object>> bands = new ArrayList<>();
                t.bands().stream()
                        .sorted((a, b) -> b.minScore().compareTo(a.minScore()))
                        .forEach(b -> bands.add(List.of(b.name(), b.minScore(), yesNo(b.needsInnovation()))));
                SXSSFSheet bandSheet = sheet(
                        wb, styles, TemplateImport.BANDS, TemplateImport.BAND_HEADERS, List.of(8, 6, 6), bands, false);
                ChecklistWorkbook.choices(
                        bandSheet,
                        TemplateImport.BAND_HEADERS.indexOf(TemplateImport.BAND_INNOVATION),
                        100,
                        new String[] {StreamingWorkbook.YES, StreamingWorkbook.NO});
                SXSSFSheet rules = sheet(
                        wb,
                        styles,
                        TemplateImport.RULES,
                        TemplateImport.RULE_HEADERS,
                        List.of(20, 4, 4, 5, 5, 7),
                        List.of(List.of(
                                t.name(),
                                t.version(),
                                t.year(),
                                t.passScore(),
                                t.bonusCap() == null ? BigDecimal.ZERO : t.bonusCap(),
                                t.notApplicable().fileLabel())),
                        false);
                ChecklistWorkbook.choices(
                        rules,
                        TemplateImport.RULE_HEADERS.indexOf(TemplateImport.NOT_APPLICABLE),
                        1,
                        Arrays.stream(NotApplicablePolicy.values())
                                .map(NotApplicablePolicy::fileLabel)
                                .toArray(String[]::new));
                wb.setActiveSheet(0);
                wb.write(out);
            } finally {
                wb.close(); // also removes SXSSF's temp files
            }
        });
    }

    private static List<Object> itemRow(ChecklistCategory c, ChecklistItem i) {
        boolean deduction = i.mode() == ScoringMode.DEDUCTION;
        return List.of(
                c.code(),
                i.number(),
                i.key(),
                i.text(),
                i.maxPoints(),
                i.mode().fileLabel(),
                deduction && i.deduction() != null ? i.deduction() : "",
                deduction && i.floor() != null ? i.floor() : "",
                yesNo(i.evidenceRequired()),
                i.methods().stream().sorted().map(CheckMethod::label).collect(Collectors.joining("、")),
                yesNo(i.veto()),
                i.appliesTo().stream().sorted().map(OrganizationKind::fileName).collect(Collectors.joining("、")),
                yesNo(i.bonus()),
                String.join("、", i.replaces()));
    }

    private static String yesNo(boolean b) {
        return b ? StreamingWorkbook.YES : StreamingWorkbook.NO;
    }

    private static SXSSFSheet sheet(
            SXSSFWorkbook wb,
            WorkbookStyles styles,
            String name,
            List<String> headers,
            List<Integer> widths,
            List<List<Object>> rows,
            boolean landscape) {
        SXSSFSheet sheet = wb.createSheet(name);
        ChecklistWorkbook.header(sheet, styles, headers, widths);
        for (int r = 0; r < rows.size(); r++) {
            var row = sheet.createRow(r + 1);
            List<Object> values = rows.get(r);
            for (int c = 0; c < values.size(); c++) {
                Cell cell = row.createCell(c);
                cell.setCellStyle(styles.wrapped);
                switch (values.get(c)) {
                    case Integer i -> cell.setCellValue(i);
                    case BigDecimal b -> cell.setCellValue(b.doubleValue());
                    case Object o -> cell.setCellValue(o.toString());
                }
            }
        }
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rows.size(), 1), 0, headers.size() - 1));
        ChecklistWorkbook.page(sheet, headers.size(), landscape);
        return sheet;
    }
}
