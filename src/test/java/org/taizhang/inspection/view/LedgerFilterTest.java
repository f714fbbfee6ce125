package org.taizhang.inspection.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.inspection.view.ReadLedger.TODAY;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.Ids;
import org.taizhang.core.text.Pinyin;
import org.taizhang.inspection.InspectionService;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingSource;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.Inspection;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.RectificationType;
import org.taizhang.inspection.model.Severity;
import org.taizhang.inspection.view.LedgerFilter.WarningFilter;

/** The ledger's filter as plain Java, over a ledger read from a real database. */
class LedgerFilterTest {
    @TempDir
    Path dir;

    private ReadLedger ledger;
    private Finding a;
    private Finding b;
    private Finding c;
    private Finding d;
    private Inspection round;

    @BeforeEach
    void open() {
        ledger = new ReadLedger(dir);
        round = new Inspection(Ids.newId(), "2026年中大督查", "年中大督查", 2026, TODAY, TODAY, null);
        new InspectionService(ledger.store).save(round);
        a = ledger.service.record(Finding.recorded(
                Ids.newId(),
                round.id(),
                null,
                ledger.unit.id(),
                null,
                "三会一课",
                "支部委员会会议未按月召开",
                null,
                Severity.ORDINARY,
                RectificationType.DEADLINE,
                FindingSource.VISIT,
                null,
                TODAY.minusDays(100),
                null));
        b = ledger.found(ledger.unit, "党费", "党费收缴台账不全", TODAY.minusDays(100));
        c = ledger.found(ledger.otherUnit, "三会一课", "党课记录缺失", TODAY.minusDays(10));
        d = ledger.found(ledger.otherUnit, "作风", "值班脱岗", TODAY.minusDays(5));
        ledger.notified(a, TODAY.minusDays(40)); // 严重超期
        ledger.notified(b, TODAY.plusDays(3)); // 临期
        ledger.service.register(c.id());
        ledger.reload();
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    private List<String> kept(LedgerFilter filter) {
        return ledger.entries().stream().filter(filter).map(LedgerEntry::id).toList();
    }

    private static LedgerFilter of(
            String search,
            String roundId,
            String unitId,
            String community,
            String category,
            FindingState state,
            WarningFilter warning,
            LocalDate from,
            LocalDate to) {
        return new LedgerFilter(search, roundId, unitId, community, category, state, warning, from, to, Map.of());
    }

    @Test
    void noFilterKeepsEveryFinding() {
        assertThat(kept(LedgerFilter.none())).containsExactlyInAnyOrder(a.id(), b.id(), c.id(), d.id());
        assertThat(kept(of(null, null, null, null, null, null, null, null, null)))
                .hasSize(4);
        assertThat(kept(of("  ", null, null, null, null, null, null, null, null)))
                .hasSize(4);
    }

    @Test
    void eachFilterNarrowsTheLedger() {
        assertThat(kept(of("", round.id(), null, null, null, null, null, null, null)))
                .containsExactly(a.id());
        assertThat(kept(of("", null, ledger.otherUnit.id(), null, null, null, null, null, null)))
                .containsExactlyInAnyOrder(c.id(), d.id());
        assertThat(kept(of("", null, null, null, "三会一课", null, null, null, null)))
                .containsExactlyInAnyOrder(a.id(), c.id());
        assertThat(kept(of("", null, null, null, null, FindingState.NOTIFIED, null, null, null)))
                .containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(kept(of("", null, null, null, null, null, null, TODAY.minusDays(20), null)))
                .containsExactlyInAnyOrder(c.id(), d.id());
        assertThat(kept(of("", null, null, null, null, null, null, TODAY.minusDays(20), TODAY.minusDays(8))))
                .containsExactly(c.id());
        assertThat(kept(of("", null, null, null, null, null, null, null, TODAY.minusDays(50))))
                .containsExactlyInAnyOrder(a.id(), b.id());
        String community = ledger.entries().stream()
                .map(LedgerEntry::communityName)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
        if (community != null) {
            assertThat(kept(of("", null, null, community, null, null, null, null, null)))
                    .isNotEmpty()
                    .allMatch(id -> community.equals(ledger.entry(id).communityName()));
        }
    }

    @Test
    void overdueCountsTheSeverelyOverdueAsClerksDo() {
        assertThat(kept(of("", null, null, null, null, null, WarningFilter.OVERDUE, null, null)))
                .containsExactly(a.id());
        assertThat(kept(of("", null, null, null, null, null, WarningFilter.SEVERE, null, null)))
                .containsExactly(a.id());
        assertThat(kept(of("", null, null, null, null, null, WarningFilter.SOON, null, null)))
                .containsExactly(b.id());
        assertThat(kept(of("", null, null, null, null, null, WarningFilter.ATTENTION, null, null)))
                .isEmpty();
    }

    @Test
    void theSearchLooksInNumbersTextPeopleAndNamesByPinyinInitials() {
        assertThat(kept(of("党费", null, null, null, null, null, null, null, null)))
                .containsExactly(b.id());
        String number = ledger.entry(a.id()).finding().number();
        assertThat(kept(of(number, null, null, null, null, null, null, null, null)))
                .containsExactly(a.id());
        assertThat(kept(of("赵敏", null, null, null, null, null, null, null, null)))
                .containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(kept(of(Pinyin.initials(ledger.otherUnit.name()), null, null, null, null, null, null, null, null)))
                .contains(c.id(), d.id());
    }

    @Test
    void theSearchTextsReadOnceFindTheSameAsTextsJoinedOnTheSpot() {
        Map<String, String> texts = LedgerFilter.searchTexts(ledger.entries());
        assertThat(texts).hasSize(4);
        for (String q : List.of("党费", "赵敏", "值班", "办公室", "zzz")) {
            LedgerFilter joined = of(q, null, null, null, null, null, null, null, null);
            LedgerFilter read = new LedgerFilter(q, null, null, null, null, null, null, null, null, texts);
            assertThat(kept(read)).as(q).isEqualTo(kept(joined));
        }
    }

    @Test
    void withoutTheStateTheFilterKeepsWhatTheStateButtonsCount() {
        LedgerFilter notifiedOfUnit =
                of("", null, ledger.unit.id(), null, null, FindingState.NOTIFIED, null, null, null);
        assertThat(notifiedOfUnit.anyState().state()).isNull();
        assertThat(notifiedOfUnit.anyState().unitId()).isEqualTo(ledger.unit.id());
        assertThat(kept(of("", null, ledger.otherUnit.id(), null, null, FindingState.NOTIFIED, null, null, null)))
                .isEmpty();
        assertThat(kept(of("", null, ledger.otherUnit.id(), null, null, FindingState.NOTIFIED, null, null, null)
                        .anyState()))
                .containsExactlyInAnyOrder(c.id(), d.id());
        LedgerFilter none = LedgerFilter.none();
        assertThat(none.anyState()).isSameAs(none);
    }
}
