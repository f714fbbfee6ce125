/**
 * The files of 标准化建设 (the only POI here): a template as a workbook and back, 往年结果 in and out, the assessment form sent to a branch and read back, the 达标验收 statistics. Each import reads and checks the whole file before anything is written.
 */
package org.taizhang.checklist.files;
