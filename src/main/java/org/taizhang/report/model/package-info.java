/** The report feature's records: what a report is filtered and grouped by. */
package org.taizhang.report.model;
