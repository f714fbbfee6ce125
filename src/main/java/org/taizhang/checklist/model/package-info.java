/**
 * The records and enums of 标准化建设: templates with their categories, items and rating bands, assessments and their answers, past results, direct ratings. Plain Java; each record checks its own invariants.
 */
package org.taizhang.checklist.model;
