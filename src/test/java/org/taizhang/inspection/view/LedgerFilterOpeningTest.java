package org.taizhang.inspection.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.inspection.LedgerEntryBuilder.aFinding;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.LedgerEntry;

/** What the 工作台's figures and bars open the ledger on: 未销号, and the findings of no 共同体 or no category. */
class LedgerFilterOpeningTest {
    private final LedgerEntry closed =
            aFinding().in(FindingState.CLOSED).community("第一共同体").build();
    private final LedgerEntry merged = aFinding().in(FindingState.MERGED).build();
    private final LedgerEntry rectifying =
            aFinding().in(FindingState.RECTIFYING).category(null).build();
    private final LedgerEntry pending =
            aFinding().in(FindingState.PENDING).community("第一共同体").build();
    private final List<LedgerEntry> ledger = List.of(closed, merged, rectifying, pending);

    private List<LedgerEntry> kept(LedgerFilter f) {
        return ledger.stream().filter(f).toList();
    }

    private static LedgerFilter filter(String community, String category, boolean openOnly) {
        return new LedgerFilter("", null, null, community, category, null, null, null, null, Map.of(), openOnly);
    }

    @Test
    void openOnlyKeepsWhatIsNeitherClosedNorMergedAndTheStateButtonsCountWithoutIt() {
        LedgerFilter open = filter(null, null, true);

        assertThat(kept(open)).containsExactly(rectifying, pending);
        assertThat(kept(open.anyState())).containsExactlyElementsOf(ledger);
        assertThat(kept(LedgerFilter.none())).containsExactlyElementsOf(ledger);
    }

    @Test
    void anEmptyCommunityOrCategoryIsTheFindingsWithNone() {
        assertThat(kept(filter("", null, false))).containsExactly(merged, rectifying);
        assertThat(kept(filter("第一共同体", null, false))).containsExactly(closed, pending);
        assertThat(kept(filter(null, "", false))).containsExactly(rectifying);
    }

    @Test
    void theFilterModelShowsAFigureAndAStateOr未销号IsOneChoice() {
        javafx.collections.ObservableList<LedgerEntry> entries = javafx.collections.FXCollections.observableArrayList();
        LedgerFilterModel filters = new LedgerFilterModel(
                entries, org.taizhang.core.i18n.Messages.forLocale(org.taizhang.core.i18n.Messages.CHINESE));
        entries.setAll(ledger);
        filters.refilter();

        filters.show(true, null, "第一共同体", null);
        assertThat(filters.shown()).containsExactly(pending);
        filters.stateFilterProperty().set(FindingState.CLOSED);
        assertThat(filters.openOnlyProperty().get()).isFalse();
        assertThat(filters.shown()).containsExactly(closed);
        filters.openOnlyProperty().set(true);
        assertThat(filters.stateFilterProperty().get()).isNull();
        filters.show(false, FindingState.CLOSED, null, null);
        assertThat(filters.shown()).containsExactly(closed);
        assertThat(filters.communityFilterProperty().get()).isNull();
    }
}
