/**
 * The tables every report writes, whatever feature counts them (报表, issue 21): {@link org.taizhang.core.report.ReportTable}
 * (a title, typed columns, rows, a 合计 computed by the program, notes) and the 填报单位 / 填报日期 heading. The files
 * package writes one in the official layout as .xlsx, .csv and .pdf, so every table the office gets looks the same
 * (decisions/0016).
 */
package org.taizhang.core.report;
