package org.taizhang.organization;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.taizhang.core.files.SheetData;
import org.taizhang.organization.files.RegistryColumns;
import org.taizhang.organization.files.RegistryFile;

/** Registry files built in memory, as if read from a workbook. */
final class TestRegistryFiles {
    private TestRegistryFiles() {}

    /** A 单位 sheet with one row per name (rows numbered from 2, as under a header). */
    static RegistryFile units(List<String> names) {
        List<SheetData.Row> rows = new ArrayList<>();
        for (String name : names) {
            rows.add(new SheetData.Row(rows.size() + 2, Map.of(RegistryColumns.UNIT_NAME, name)));
        }
        return new RegistryFile(
                new SheetData(
                        RegistryColumns.UNITS_SHEET, new LinkedHashSet<>(List.of(RegistryColumns.UNIT_NAME)), rows),
                SheetData.absent(RegistryColumns.COMMUNITIES_SHEET),
                SheetData.absent(RegistryColumns.ORGANIZATIONS_SHEET));
    }
}
