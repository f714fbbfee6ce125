/**
 * The ledger's files (the only POI and OpenPDF here): an inspection team's spreadsheet of findings, the 整改情况反馈表 sent to a unit and read back, the 整改台账 as xlsx and csv. InspectionFiles is their entry for the window and the command line.
 */
package org.taizhang.inspection.files;
