package org.taizhang.organization.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.taizhang.core.files.CsvFiles;
import org.taizhang.core.files.SheetData;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.Registry;

/**
 * The organizations as CSV, written by the program's one CSV writer ({@link CsvFiles}: UTF-8 with a byte-order
 * mark, CRLF, RFC 4180, formula-like cells neutralised). Reading (the built-in sample) accepts the same, with or
 * without the mark.
 */
public final class RegistryCsv {
    private static final char BOM = '\uFEFF';

    private RegistryCsv() {}

    public static void writeOrganizations(Registry registry, Path file) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(RegistryColumns.ORGANIZATION_HEADERS);
        for (Organization o : registry.organizations()) {
            rows.add(RegistryRows.organizationRow(registry, o));
        }
        CsvFiles.write(file, rows);
    }

    static SheetData readSheet(String sheetName, String content) {
        List<List<String>> records = parse(content);
        if (records.isEmpty()) {
            return SheetData.absent(sheetName);
        }
        List<String> headers = records.get(0).stream().map(String::strip).toList();
        List<SheetData.Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < headers.size(); c++) {
                cells.put(headers.get(c), c < record.size() ? record.get(c) : "");
            }
            rows.add(new SheetData.Row(i + 1, cells));
        }
        return new SheetData(sheetName, new LinkedHashSet<>(headers), rows);
    }

    /** RFC 4180: fields separated by commas, quoted fields may hold commas, quotes ("") and line breaks. */
    static List<List<String>> parse(String content) {
        String s = !content.isEmpty() && content.charAt(0) == BOM ? content.substring(1) : content;
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                any = false;
            } else {
                field.append(c);
            }
        }
        if (any) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
