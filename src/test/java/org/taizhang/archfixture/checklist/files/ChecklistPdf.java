package org.taizhang.archfixture.checklist.files;

import org.openpdf.text.Document;

/** Allowed: a class of a files package (and the classes nested in it) use OpenPDF. */
final class ChecklistPdf {
    static final class Pages {
        static boolean open(Document d) {
            return d.isOpen();
        }
    }
}
