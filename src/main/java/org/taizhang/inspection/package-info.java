/**
 * 督查检查 and the 挂号反馈、整改销号 ledger: inspection rounds, teams and visits; findings and their life cycle
 * (a timeline of steps folded by {@link org.taizhang.inspection.Lifecycle}); the ledger, its warnings and its
 * files. The rules and services sit at this root, the records in {@code model/}, the only jOOQ in {@code store/}, the files in {@code files/}, the sample in {@code sample/}, the pages in {@code view/}.
 */
package org.taizhang.inspection;
