package org.taizhang.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.inspection.LedgerEntryBuilder.aFinding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taizhang.core.store.Dot;
import org.taizhang.inspection.Lifecycle;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.Step;
import org.taizhang.inspection.model.StepKind;
import org.taizhang.inspection.model.Timeline;
import org.taizhang.inspection.model.Warning;
import org.taizhang.inspection.model.WarningPolicy;

/**
 * The 工作台's figures today and at the end of last month, counted by hand: each finding's steps up to that day
 * decide where it stood, and its warning is the one that day saw.
 */
class DashboardFiguresTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 7); // a Monday
    static final WarningPolicy POLICY = WarningPolicy.DEFAULT; // 临期 within 10 days

    /** A finding with steps on the given days: FOUND, REGISTER, NOTIFY (with its deadline), RECEIPT, … CLOSE. */
    private static LedgerEntry finding(
            String community, String category, String repeatOf, LocalDate deadline, LocalDate... days) {
        LedgerEntry e = aFinding()
                .community(community)
                .category(category)
                .repeating(repeatOf)
                .foundOn(days[0])
                .build();
        StepKind[] path = {
            StepKind.FOUND, StepKind.REGISTER, StepKind.NOTIFY, StepKind.RECEIPT, StepKind.REQUEST_CLOSE, StepKind.CLOSE
        };
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < days.length; i++) {
            Step s = Step.of(e.id() + "-" + i, e.id(), path[i], days[i], "王清", null);
            if (path[i] == StepKind.NOTIFY) {
                s = s.withDeadline(deadline);
            }
            steps.add(s.withOrder(new Dot(i + 1, "d")));
        }
        Timeline t = Lifecycle.fold(steps);
        return new LedgerEntry(
                e.finding(),
                t,
                e.unitName(),
                community,
                null,
                null,
                List.of(),
                0,
                Warning.of(t.state(), t.deadline(), TODAY, POLICY));
    }

    private static LocalDate d(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    @Test
    void theFiguresNowAndAtTheEndOfLastMonthAreCountedFromTheSteps() {
        // A: overdue at the end of November, closed on 2 December
        LedgerEntry a =
                finding("第一共同体", "三会一课", null, d(11, 20), d(10, 1), d(10, 2), d(10, 3), d(10, 4), d(12, 1), d(12, 2));
        // B: 5 days left on 30 November (临期), overdue today
        LedgerEntry b = finding("第一共同体", "党费", null, d(12, 5), d(11, 10), d(11, 11), d(11, 12));
        // C: found this month: not counted at the end of November
        LedgerEntry c = finding("第二共同体", "党费", null, null, d(12, 3));
        // D: a repeat, closed in September
        LedgerEntry dd =
                finding("第二共同体", "三会一课", "earlier", d(9, 20), d(9, 1), d(9, 2), d(9, 3), d(9, 4), d(9, 29), d(9, 30));
        // F: due on Saturday: 临期 today, 12 days left on 30 November (not yet 临期)
        LedgerEntry f = finding("第一共同体", "三会一课", null, d(12, 12), d(11, 1), d(11, 2), d(11, 2));
        LedgerEntry merged =
                aFinding().in(org.taizhang.inspection.model.FindingState.MERGED).build();

        DashboardFigures figures = DashboardFigures.of(
                List.of(a, b, c, dd, f, merged),
                POLICY,
                TODAY,
                new DashboardFigures.Acceptance(10, 6),
                new DashboardFigures.Acceptance(9, 4));

        assertThat(figures.lastMonthEnd()).isEqualTo(d(11, 30));
        assertThat(figures.now()).isEqualTo(new DashboardFigures.Findings(5, 2, 1, 1, 1));
        assertThat(figures.then()).isEqualTo(new DashboardFigures.Findings(4, 1, 1, 1, 1));
        assertThat(figures.now().open()).isEqualTo(3);
        assertThat(figures.then().open()).isEqualTo(3);
        assertThat(figures.now().closureRate()).isEqualByComparingTo("40.0");
        assertThat(figures.then().closureRate()).isEqualByComparingTo("25.0");
        assertThat(figures.now().repeatRate()).isEqualByComparingTo("20.0");
        assertThat(figures.acceptance().rate()).isEqualByComparingTo(new BigDecimal("60.0"));
        assertThat(figures.earlierAcceptance().rate()).isEqualByComparingTo(new BigDecimal("44.4"));
        assertThat(figures.dueThisWeek()).containsExactly(f);
        // in Chinese order, as the statistics' rows: 第二 (dì èr) before 第一 (dì yī)
        assertThat(figures.byCommunity())
                .containsExactly(
                        java.util.Map.entry("第二共同体", new DashboardFigures.Bar(1, 1)),
                        java.util.Map.entry("第一共同体", new DashboardFigures.Bar(2, 1)));
        assertThat(figures.byCategory().get("三会一课")).isEqualTo(new DashboardFigures.Bar(1, 2));
        assertThat(figures.byCategory().get("党费")).isEqualTo(new DashboardFigures.Bar(2, 0));
    }

    @Test
    void aKeptAcceptanceReadsBackAndAnythingElseIsNone() {
        assertThat(DashboardFigures.Acceptance.parse(new DashboardFigures.Acceptance(307, 175).format()))
                .isEqualTo(new DashboardFigures.Acceptance(307, 175));
        assertThat(DashboardFigures.Acceptance.parse("307")).isNull();
        assertThat(DashboardFigures.Acceptance.parse("a/b")).isNull();
        assertThat(DashboardFigures.Acceptance.parse(null)).isNull();
        assertThat(new DashboardFigures.Acceptance(0, 0).rate()).isNull();
    }
}
