package org.taizhang.inspection.model;

import java.util.List;

/**
 * One row of the 整改台账: a finding, what its timeline adds up to, and the names the ledger shows beside it.
 *
 * @param warning today's warning level (derived, never stored)
 * @param evidenceCount pieces of evidence held for the finding and its steps
 */
public record LedgerEntry(
        Finding finding,
        Timeline timeline,
        String unitName,
        String communityName,
        String organizationName,
        String inspectionTitle,
        List<Measure> measures,
        int evidenceCount,
        Warning warning) {

    public FindingState state() {
        return timeline.state();
    }

    public String id() {
        return finding.id();
    }

    /** Whether every measure is done (true when there are none). */
    public boolean measuresDone() {
        return measures.stream().allMatch(Measure::isDone);
    }
}
