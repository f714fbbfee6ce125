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

    public static final java.util.Set<ReportFormat> TABLE = java.util.EnumSet.of(XLSX, CSV, PDF);
    public static final java.util.Set<ReportFormat> DOCUMENT = java.util.EnumSet.of(PDF, DOCX);
}
