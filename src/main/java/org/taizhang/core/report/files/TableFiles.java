package org.taizhang.core.report.files;

import java.nio.file.Path;
import org.taizhang.core.files.CsvFiles;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.pdf.PdfFonts;
import org.taizhang.core.report.ReportFormat;
import org.taizhang.core.report.ReportTable;
import org.taizhang.core.task.Progress;

/** Writes a table in the format asked for: the one entry every table report goes through. */
public final class TableFiles {
    private TableFiles() {}

    public static void write(
            ReportTable table,
            ReportTable.Heading heading,
            ReportFormat format,
            Path file,
            Messages m,
            Progress progress) {
        switch (format) {
            case XLSX -> OfficialWorkbook.write(table, heading, file, m, progress);
            case CSV -> CsvFiles.write(file, table.texts());
            case PDF -> TablePdf.write(table, heading, file, m, PdfFonts.system(), progress);
            case DOCX -> TableDocx.write(table, heading, file, m, progress);
        }
    }
}
