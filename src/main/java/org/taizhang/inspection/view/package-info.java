/**
 * The 整改台账 window: every finding with its state and warning, the chosen finding's record, measures, evidence
 * and timeline, and the steps its state allows. View models hold the state and run {@code FindingService}
 * through {@code TaskRunner}; the views only lay out controls.
 */
package org.taizhang.inspection.view;
