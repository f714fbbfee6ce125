/** The 报表 page: every report with its filters, a preview of the table, and 导出 as xlsx, csv or pdf. */
package org.taizhang.report.view;
