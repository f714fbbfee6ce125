package org.taizhang.core.report;

import java.util.Locale;

/** The file formats of reports: a table is xlsx, csv or pdf; a document pdf or docx. */
public enum ReportFormat {
    XLSX,
    CSV,
    PDF,
    DOCX;

    /** As typed on the command line and used as the file's extension. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}
