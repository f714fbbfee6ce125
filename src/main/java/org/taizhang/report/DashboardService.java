package org.taizhang.report;

import java.time.LocalDate;
import java.time.YearMonth;
import org.taizhang.checklist.AcceptanceBoard;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.core.store.Store;
import org.taizhang.inspection.FindingService;

/**
 * The 工作台's key figures, read off the JavaFX thread: the ledger and the year's 达标验收 board, and what the
 * 工作台 showed last month. The branches and 达标 of each month are noted in a local setting as they are shown
 * (the registry and the board keep no dates), so next month has something to compare with.
 */
public final class DashboardService {
    /** The local setting of a month's branches and 达标 ("307/175"), by month: dashboard.acceptance.2026-12. */
    static final String ACCEPTANCE_KEY = "dashboard.acceptance.";

    private final Store store;
    private final FindingService findings;
    private final ChecklistService checklists;

    public DashboardService(Store store, FindingService findings, ChecklistService checklists) {
        this.store = store;
        this.findings = findings;
        this.checklists = checklists;
    }

    public DashboardFigures figures() {
        return figures(findings.ledger());
    }

    /** The figures of a ledger already read (the 工作台 reads it once for its reminders and its figures). */
    public DashboardFigures figures(java.util.List<org.taizhang.inspection.model.LedgerEntry> ledger) {
        LocalDate today = findings.today();
        AcceptanceBoard.Row total = checklists.board(today.getYear()).total();
        DashboardFigures.Acceptance acceptance = new DashboardFigures.Acceptance(total.branches(), total.passed());
        YearMonth month = YearMonth.from(today);
        // January's board is a new year's: December's figures are another year's and are no trend for it
        DashboardFigures.Acceptance earlier = month.getMonthValue() == 1
                ? null
                : DashboardFigures.Acceptance.parse(store.localSetting(ACCEPTANCE_KEY + month.minusMonths(1))
                        .orElse(null));
        store.noteLocalSetting(ACCEPTANCE_KEY + month, acceptance.format());
        return DashboardFigures.of(ledger, findings.settings().warnings(), today, acceptance, earlier);
    }
}
