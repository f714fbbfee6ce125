package org.taizhang.inspection.view;

import java.time.LocalDate;
import java.util.List;
import org.taizhang.core.i18n.Messages;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.InspectionSettings;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.organization.model.Registry;

/**
 * What the parts of the 整改台账 page share: the ledger as last read, the chosen finding, and reading it again.
 * {@link LedgerViewModel} is the page; each part ({@link FindingStepsModel}, {@link FindingDetailModel},
 * {@link DuplicatesModel}) sees only this, so it can be tested on a ledger read straight from the service.
 */
interface LedgerPage {
    /** Every finding as last read, in the ledger's order. */
    List<LedgerEntry> entries();

    /** The chosen finding, or null. */
    LedgerEntry chosen();

    /** Chooses a finding (null: none). */
    void select(LedgerEntry e);

    /** Reads the ledger again, keeping the chosen finding chosen; {@code then} after. */
    void load(Runnable then);

    /** The filter in force (a batch 交办 starts from its unit). */
    LedgerFilter filter();

    Registry registry();

    InspectionSettings settings();

    LocalDate today();

    Messages messages();

    default void reload() {
        load(() -> {});
    }

    /** Reads the ledger again and chooses the finding {@code id}. */
    default void loadAndChoose(String id) {
        load(() -> select(entry(id)));
    }

    default LedgerEntry entry(String id) {
        return entries().stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
    }

    /** The number a clerk reads for a finding: its 挂号 number, or 待挂号. */
    default String numberOf(Finding f) {
        return f.isNumbered() ? f.number() : messages().get("ledger.unnumbered");
    }
}
