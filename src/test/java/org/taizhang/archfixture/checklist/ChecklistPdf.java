package org.taizhang.archfixture.checklist;

import org.openpdf.text.Document;

/** Allowed: a file-format class (named *Pdf) and the classes nested in it use OpenPDF. */
final class ChecklistPdf {
    static final class Pages {
        static boolean open(Document d) {
            return d.isOpen();
        }
    }
}
