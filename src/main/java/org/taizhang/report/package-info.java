/**
 * 报表 (issue 21): the tables leadership reads and the documents units receive, counted across the features
 * (organization, checklist, inspection) and written through the shared table writers of core.report. Its root holds
 * the reports (RectificationStats …) and {@link org.taizhang.report.Reports}, the one entry the 报表 page and the
 * command line use; model holds the filters. A feature's own exports (the ledger, the registry) stay in that feature
 * and use the same writers (decisions/0016).
 */
package org.taizhang.report;
