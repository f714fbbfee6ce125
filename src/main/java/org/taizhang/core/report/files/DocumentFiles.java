package org.taizhang.core.report.files;

import java.nio.file.Path;
import org.taizhang.core.DomainException;
import org.taizhang.core.pdf.PdfFonts;
import org.taizhang.core.report.OfficialDocument;
import org.taizhang.core.report.ReportFormat;
import org.taizhang.core.task.Progress;

/** Writes a document in the format asked for (pdf or docx): the one entry every document report goes through. */
public final class DocumentFiles {
    private DocumentFiles() {}

    public static void write(OfficialDocument doc, ReportFormat format, Path file, Progress progress) {
        switch (format) {
            case PDF -> DocumentPdf.write(doc, file, PdfFonts.system(), progress);
            case DOCX -> DocumentDocx.write(doc, file, progress);
            case XLSX, CSV -> throw new DomainException("report.error.format", format.extension(), doc.title());
        }
    }
}
