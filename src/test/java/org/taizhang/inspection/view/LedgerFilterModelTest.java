package org.taizhang.inspection.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.inspection.view.ReadLedger.TODAY;

import java.nio.file.Path;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.view.LedgerFilter.WarningFilter;

/** The ledger's filters as the page holds them: the rows shown, the counts, the choices, the figures. */
class LedgerFilterModelTest {
    @TempDir
    Path dir;

    private ReadLedger ledger;
    private final ObservableList<LedgerEntry> entries = FXCollections.observableArrayList();
    private LedgerFilterModel filters;
    private Finding a;
    private Finding b;
    private Finding c;
    private Finding d;

    @BeforeEach
    void open() {
        ledger = new ReadLedger(dir);
        a = ledger.found(ledger.unit, "三会一课", "支部委员会会议未按月召开", TODAY.minusDays(100));
        b = ledger.found(ledger.unit, "党费", "党费收缴台账不全", TODAY.minusDays(100));
        c = ledger.found(ledger.otherUnit, "三会一课", "党课记录缺失", TODAY.minusDays(10));
        d = ledger.found(ledger.otherUnit, "作风", "值班脱岗", TODAY.minusDays(5));
        ledger.notified(a, TODAY.minusDays(5)); // 逾期
        ledger.notified(b, TODAY.plusDays(3)); // 临期
        ledger.service.register(c.id());
        filters = new LedgerFilterModel(entries, ledger.messages);
        read();
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    /** What the view model does after each read. */
    private void read() {
        ledger.reload();
        filters.refill(ledger.entries(), List.of(), ledger.registry().units(), FindingService.COMMON_CATEGORIES);
        entries.setAll(ledger.entries());
        filters.refilter();
    }

    private List<String> shown() {
        return filters.shown().stream().map(LedgerEntry::id).toList();
    }

    @Test
    void theCountsFollowEveryFilterButTheState() {
        assertThat(filters.countsProperty().get())
                .containsEntry(FindingState.PENDING, 1)
                .containsEntry(FindingState.REGISTERED, 1)
                .containsEntry(FindingState.NOTIFIED, 2)
                .containsEntry(FindingState.CLOSED, 0);
        filters.stateFilterProperty().set(FindingState.NOTIFIED);
        assertThat(shown()).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(filters.countsProperty().get()).containsEntry(FindingState.PENDING, 1);

        filters.unitFilterProperty().set(ledger.otherUnit);
        assertThat(shown()).isEmpty();
        assertThat(filters.countsProperty().get())
                .containsEntry(FindingState.PENDING, 1)
                .containsEntry(FindingState.REGISTERED, 1)
                .containsEntry(FindingState.NOTIFIED, 0);
        assertThat(filters.filter().unitId()).isEqualTo(ledger.otherUnit.id());
        assertThat(filters.filter().state()).isEqualTo(FindingState.NOTIFIED);
    }

    @Test
    void theFiguresAddUpWhatTheStateButtonsCount() {
        assertThat(filters.figures()).startsWith("发现 4，已销号 0，交办未销号 2（已交办 2、整改中 0、待核查 0），未交办 2，");
        filters.stateFilterProperty().set(FindingState.PENDING); // the state narrows the table, not the figures
        assertThat(filters.figures()).startsWith("发现 4，");
        filters.categoryFilterProperty().set("党费");
        assertThat(filters.figures()).startsWith("发现 1，");
    }

    @Test
    void aNewReadKeepsTheChosenFiltersAndTheSearchFindsWhatWasChanged() {
        filters.unitFilterProperty().set(ledger.registry().units().get(0));
        filters.categoryFilterProperty().set("三会一课");
        assertThat(filters.categories()).contains("三会一课", "党费", "作风").containsAll(FindingService.COMMON_CATEGORIES);

        ledger.service.note(a.id(), "整改推进会", TODAY);
        read();
        // the lists are refilled from the new read; what was chosen stays chosen
        assertThat(filters.unitFilterProperty().get().id()).isEqualTo(ledger.unit.id());
        assertThat(filters.categoryFilterProperty().get()).isEqualTo("三会一课");
        assertThat(shown()).containsExactly(a.id());

        filters.clear();
        filters.searchProperty().set("值班");
        assertThat(shown()).containsExactly(d.id());
    }

    @Test
    void aReminderTileShowsWhatItCountsAndNothingElse() {
        filters.categoryFilterProperty().set("党费");
        filters.show(RemindersModel.Kind.OVERDUE);
        assertThat(filters.categoryFilterProperty().get()).isNull();
        assertThat(filters.warningFilterProperty().get()).isEqualTo(WarningFilter.OVERDUE);
        assertThat(shown()).containsExactly(a.id());
        filters.show(RemindersModel.Kind.PENDING);
        assertThat(filters.warningFilterProperty().get()).isNull();
        assertThat(shown()).containsExactly(d.id());
        filters.clear();
        assertThat(shown()).hasSize(4);
    }
}
