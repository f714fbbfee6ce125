/**
 * 标准化建设: checklist templates (“四化”, “六有” …), assessments and their scoring, 达标验收 and the board, 往年结果, 直接定级; the rules and services at this root (ChecklistService is the use cases), the records in {@code model/}, the only jOOQ in {@code store/}, the workbooks in {@code files/}, the sample in {@code sample/}, the pages in {@code view/}.
 */
package org.taizhang.checklist;
