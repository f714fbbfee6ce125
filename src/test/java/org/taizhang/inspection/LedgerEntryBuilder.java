package org.taizhang.inspection;

import java.util.List;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingSource;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.RectificationType;
import org.taizhang.inspection.model.Severity;
import org.taizhang.inspection.model.Warning;

/**
 * Test data: a row of the ledger made by hand (no database), with a timeline that reaches its state
 * ({@link LedgerFixtures#steps}). The defaults are an ordinary 整改中 finding of unit "a" (市财政局) found in round
 * "r1"; tests change only what they are about: {@code aFinding().of("b", "市委办").category("作风").overdue().build()}.
 */
public final class LedgerEntryBuilder {
    private static int next;

    private final String id = "f" + (++next);
    private String unitId = "a";
    private String unitName = "市财政局";
    private String organizationName;
    private String category = "三会一课";
    private String round = "r1";
    private String description = "问题";
    private String repeatOf;
    private FindingState state = FindingState.RECTIFYING;
    private Warning warning = Warning.NONE;
    private String communityName;
    private java.time.LocalDate foundOn = LedgerFixtures.DAY;

    private LedgerEntryBuilder() {}

    public static LedgerEntryBuilder aFinding() {
        return new LedgerEntryBuilder();
    }

    public LedgerEntryBuilder of(String unitId, String unitName) {
        this.unitId = unitId;
        this.unitName = unitName;
        return this;
    }

    /** The branch the finding names (shown in the ledger's 支部 column). */
    public LedgerEntryBuilder branch(String organizationName) {
        this.organizationName = organizationName;
        return this;
    }

    /** The 共同体 the finding's unit belongs to. */
    public LedgerEntryBuilder community(String communityName) {
        this.communityName = communityName;
        return this;
    }

    /** The day the problem was found (发现日期). */
    public LedgerEntryBuilder foundOn(java.time.LocalDate day) {
        this.foundOn = day;
        return this;
    }

    public LedgerEntryBuilder category(String category) {
        this.category = category;
        return this;
    }

    public LedgerEntryBuilder round(String round) {
        this.round = round;
        return this;
    }

    public LedgerEntryBuilder described(String description) {
        this.description = description;
        return this;
    }

    /** 屡查屡犯: it repeats {@code earlier}. */
    public LedgerEntryBuilder repeating(String earlier) {
        this.repeatOf = earlier;
        return this;
    }

    public LedgerEntryBuilder in(FindingState state) {
        this.state = state;
        return this;
    }

    public LedgerEntryBuilder warned(Warning warning) {
        this.warning = warning;
        return this;
    }

    /** Past its deadline (逾期). */
    public LedgerEntryBuilder overdue() {
        return warned(Warning.OVERDUE);
    }

    public LedgerEntry build() {
        Finding f = Finding.builder(id)
                .inspection(round, null)
                .unit(unitId, null)
                .category(category)
                .description(description)
                .severity(Severity.ORDINARY)
                .type(RectificationType.DEADLINE)
                .source(FindingSource.VISIT, null)
                .found(foundOn, "李明")
                .repeatOf(repeatOf)
                .mergedInto(state == FindingState.MERGED ? "other" : null)
                .build();
        return new LedgerEntry(
                f,
                Lifecycle.fold(LedgerFixtures.steps(id, state)),
                unitName,
                communityName,
                organizationName,
                round,
                List.of(),
                0,
                warning);
    }
}
