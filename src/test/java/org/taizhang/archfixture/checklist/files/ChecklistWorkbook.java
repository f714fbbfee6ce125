package org.taizhang.archfixture.checklist.files;

import org.apache.poi.ss.usermodel.Workbook;
import org.taizhang.archfixture.checklist.store.ChecklistStore;

/**
 * Allowed: a class of a files package uses POI. Planted: it reaches its feature's store itself, around the service.
 */
final class ChecklistWorkbook {
    static int sheets(Workbook w) {
        return w.getNumberOfSheets() + ChecklistStore.count(null);
    }
}
