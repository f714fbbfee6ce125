/**
 * A {@link org.taizhang.core.report.ReportTable} written as a file in the official table layout (DOMAIN.md): .xlsx
 * through SXSSF ({@link org.taizhang.core.report.files.OfficialWorkbook}), .csv, and a printable .pdf
 * ({@link org.taizhang.core.report.files.TablePdf}); {@link org.taizhang.core.report.files.TableFiles} picks by format.
 */
package org.taizhang.core.report.files;
