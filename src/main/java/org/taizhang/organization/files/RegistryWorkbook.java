package org.taizhang.organization.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.taizhang.core.DomainException;
import org.taizhang.core.files.SafeFiles;
import org.taizhang.core.files.SheetData;
import org.taizhang.core.files.StreamingWorkbook;
import org.taizhang.core.files.WorkbookStyles;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;
import org.taizhang.organization.model.Registry;

/**
 * The registry workbook (.xlsx; .xls is read too): sheets 单位, 共同体, 党组织, headers in the first row. The export doubles as
 * the import template: it has drop-down lists for the kind and yes/no columns, a frozen header and filters.
 */
public final class RegistryWorkbook {
    private RegistryWorkbook() {}

    /** Reads the three registry sheets from an .xlsx or .xls, streaming and within limits (StreamingWorkbook). */
    public static RegistryFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DomainException("import.error.fileNotFound", file);
        }
        Map<String, SheetData> sheets = StreamingWorkbook.read(
                file,
                List.of(
                        RegistryColumns.UNITS_SHEET,
                        RegistryColumns.COMMUNITIES_SHEET,
                        RegistryColumns.ORGANIZATIONS_SHEET));
        return new RegistryFile(
                sheets.get(RegistryColumns.UNITS_SHEET),
                sheets.get(RegistryColumns.COMMUNITIES_SHEET),
                sheets.get(RegistryColumns.ORGANIZATIONS_SHEET));
    }

    public static void write(Registry registry, Path file, Progress progress) {
        SafeFiles.write(file, out -> {
            SXSSFWorkbook wb = new SXSSFWorkbook(200);
            try {
                WorkbookStyles styles = new WorkbookStyles(wb);
                List<List<String>> units = new ArrayList<>();
                registry.units().forEach(u -> units.add(RegistryRows.unitRow(u)));
                List<List<String>> communities = new ArrayList<>();
                registry.communities().forEach(c -> communities.add(RegistryRows.communityRow(registry, c)));
                List<List<String>> organizations = new ArrayList<>();
                for (Organization o : registry.organizations()) {
                    organizations.add(RegistryRows.organizationRow(registry, o));
                }
                writeSheet(wb, styles, RegistryColumns.UNITS_SHEET, RegistryColumns.UNIT_HEADERS, units, progress);
                writeSheet(
                        wb,
                        styles,
                        RegistryColumns.COMMUNITIES_SHEET,
                        RegistryColumns.COMMUNITY_HEADERS,
                        communities,
                        progress);
                SXSSFSheet orgSheet = writeSheet(
                        wb,
                        styles,
                        RegistryColumns.ORGANIZATIONS_SHEET,
                        RegistryColumns.ORGANIZATION_HEADERS,
                        organizations,
                        progress);
                int rows = Math.max(organizations.size() + 200, 1000);
                addChoices(
                        orgSheet,
                        RegistryColumns.ORGANIZATION_HEADERS.indexOf(RegistryColumns.ORG_KIND),
                        rows,
                        java.util.Arrays.stream(OrganizationKind.values())
                                .map(OrganizationKind::fileName)
                                .toArray(String[]::new));
                addChoices(
                        orgSheet,
                        RegistryColumns.ORGANIZATION_HEADERS.indexOf(RegistryColumns.ORG_COMMITTEE),
                        rows,
                        new String[] {RegistryColumns.YES, RegistryColumns.NO});
                wb.setActiveSheet(2);
                wb.write(out);
            } finally {
                wb.close(); // also removes SXSSF's temp files
            }
        });
    }

    private static SXSSFSheet writeSheet(
            SXSSFWorkbook wb,
            WorkbookStyles styles,
            String name,
            List<String> headers,
            List<List<String>> rows,
            Progress progress) {
        SXSSFSheet sheet = wb.createSheet(name);
        var header = sheet.createRow(0);
        header.setHeightInPoints(22);
        for (int c = 0; c < headers.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(headers.get(c));
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(c, width(headers.get(c)));
        }
        int dateStart = headers.indexOf(RegistryColumns.ORG_TERM_START);
        int dateEnd = headers.indexOf(RegistryColumns.ORG_TERM_END);
        int members = headers.indexOf(RegistryColumns.ORG_MEMBERS);
        for (int r = 0; r < rows.size(); r++) {
            var row = sheet.createRow(r + 1);
            List<String> values = rows.get(r);
            for (int c = 0; c < values.size(); c++) {
                String v = values.get(c);
                Cell cell = row.createCell(c);
                if ((c == dateStart || c == dateEnd) && !v.isEmpty()) {
                    cell.setCellValue(LocalDate.parse(v));
                    cell.setCellStyle(styles.date);
                } else if (c == members && !v.isEmpty()) {
                    cell.setCellValue(Integer.parseInt(v));
                    cell.setCellStyle(styles.body);
                } else {
                    cell.setCellValue(v);
                    cell.setCellStyle(styles.body);
                }
            }
            if (r % 500 == 0) {
                progress.checkCancelled();
            }
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rows.size(), 1), 0, headers.size() - 1));
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        // all columns on one page width, as many pages down as needed: leaders read the print-out
        sheet.setAutobreaks(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setRepeatingRows(new CellRangeAddress(0, 0, 0, headers.size() - 1));
        sheet.getFooter().setCenter("第 &P 页 共 &N 页");
        return sheet;
    }

    /** Widths in Chinese characters (each takes two of Excel's character units), sized for real values. */
    private static int width(String header) {
        int chinese = switch (header) {
            case RegistryColumns.ORG_NAME, RegistryColumns.UNIT_NAME -> 16;
            case RegistryColumns.ORG_PARENT,
                    RegistryColumns.ORG_UNIT,
                    RegistryColumns.COMMUNITY_LEAD_UNIT,
                    RegistryColumns.COMMUNITY_LIAISON -> 14;
            case RegistryColumns.REMARK -> 10;
            case RegistryColumns.ORG_COMMUNITY, RegistryColumns.COMMUNITY_NAME -> 9;
            default -> 6; // a name of three, a date, a phone number, the 设支部委员会 header
        };
        return chinese * 2 * 256;
    }

    private static void addChoices(Sheet sheet, int column, int lastRow, String[] choices) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation v = helper.createValidation(
                helper.createExplicitListConstraint(choices), new CellRangeAddressList(1, lastRow, column, column));
        v.setShowErrorBox(true);
        v.createErrorBox("输入有误", "请从下拉列表中选择：" + String.join("、", choices));
        sheet.addValidationData(v);
    }
}
