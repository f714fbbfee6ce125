/**
 * The registry as a file (the only POI and OpenPDF here): the workbook read and checked row by row into a plan, the workbook, CSV and PDF exports, and an import's report in Chinese lines.
 */
package org.taizhang.organization.files;
