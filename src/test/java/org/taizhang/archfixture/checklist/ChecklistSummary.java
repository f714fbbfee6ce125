package org.taizhang.archfixture.checklist;

import org.apache.poi.ss.usermodel.Cell;
import org.openpdf.text.Paragraph;

/** Planted: POI and OpenPDF outside the file-format classes. */
final class ChecklistSummary {
    static String text(Cell cell, Paragraph p) {
        return cell.getStringCellValue() + p.getContent();
    }
}
