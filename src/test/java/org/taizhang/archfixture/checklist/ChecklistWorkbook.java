package org.taizhang.archfixture.checklist;

import org.apache.poi.ss.usermodel.Workbook;

/** Allowed: a file-format class (named *Workbook) uses POI. */
final class ChecklistWorkbook {
    static int sheets(Workbook w) {
        return w.getNumberOfSheets();
    }
}
