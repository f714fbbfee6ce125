/**
 * The sample ledger: two inspection rounds of the sample registry, about 300 findings over every state, written through FindingBatch so that every step keeps the rules of the single actions.
 */
package org.taizhang.inspection.sample;
