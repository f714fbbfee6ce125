/**
 * 督查检查 and the 挂号反馈、整改销号 ledger: inspection rounds, teams and visits; findings and their life cycle
 * (a timeline of steps folded by {@link org.taizhang.inspection.Lifecycle}); the ledger, its warnings and its
 * files. The domain knows no JavaFX; only {@code InspectionStore} touches jOOQ.
 */
package org.taizhang.inspection;
