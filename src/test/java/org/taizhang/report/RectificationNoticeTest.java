package org.taizhang.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.inspection.LedgerEntryBuilder.aFinding;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.OfficialDocument;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.LedgerEntry;

/** 整改通知书: which findings it lists, and how each reads. */
class RectificationNoticeTest {
    private final Messages m = Messages.forLocale(Messages.CHINESE);

    @Test
    void onlyFindingsSentAndNotYetHandedInAreListed() {
        assertThat(RectificationNotice.listed(
                        aFinding().in(FindingState.NOTIFIED).build()))
                .isTrue();
        assertThat(RectificationNotice.listed(
                        aFinding().in(FindingState.RECTIFYING).build()))
                .isTrue();
        for (FindingState s : List.of(
                FindingState.PENDING,
                FindingState.REGISTERED,
                FindingState.CLOSE_REQUESTED,
                FindingState.CLOSED,
                FindingState.MERGED)) {
            assertThat(RectificationNotice.listed(aFinding().in(s).build()))
                    .as(s.name())
                    .isFalse();
        }
    }

    @Test
    void eachFindingIsAFirstLevelHeadingWithWhatWasFoundAndTheRequirement() {
        List<LedgerEntry> findings = List.of(
                aFinding().category("三会一课").described("支委会未按月召开").build(),
                aFinding().category("党费").described("党费收缴台账不全").build());
        OfficialDocument d = RectificationNotice.of("江海市财政局", findings, "中共江海市直属机关工作委员会", LocalDate.of(2026, 12, 6), m);

        assertThat(d.title()).isEqualTo("督查问题整改通知书");
        assertThat(d.recipient()).isEqualTo("江海市财政局");
        assertThat(d.issuer()).isEqualTo("中共江海市直属机关工作委员会");
        assertThat(d.number()).isEmpty(); // no 版头: the clerk prints on the office's paper
        List<String> headings = d.body().stream()
                .filter(b -> b instanceof OfficialDocument.Heading)
                .map(b -> ((OfficialDocument.Heading) b).text())
                .toList();
        assertThat(headings).containsExactly("一、未编号（三会一课）", "二、未编号（党费）");
        assertThat(d.body())
                .contains(new OfficialDocument.Paragraph("存在问题：支委会未按月召开"))
                .anySatisfy(b -> assertThat(b.toString()).contains("整改要求：限期整改"));
        assertThat(((OfficialDocument.Paragraph) d.body().getFirst()).text())
                .contains("中共江海市直属机关工作委员会对你单位")
                .contains("2个问题");
    }

    /** A deadline to come is asked for; one already passed is said to be, with the days since. */
    @Test
    void aPassedDeadlineIsSaidToBeOverdueNotAskedForAgain() {
        List<LedgerEntry> findings =
                List.of(aFinding().category("党费").described("党费收缴台账不全").build());
        // the fixtures send a finding with the deadline 2026-07-15
        OfficialDocument before = RectificationNotice.of("江海市财政局", findings, "", LocalDate.of(2026, 7, 1), m);
        assertThat(before.body()).anySatisfy(b -> assertThat(b.text()).isEqualTo("整改要求：限期整改，请于2026年7月15日前完成整改。"));
        OfficialDocument after = RectificationNotice.of("江海市财政局", findings, "", LocalDate.of(2026, 12, 6), m);
        assertThat(after.body())
                .anySatisfy(b -> assertThat(b.text()).isEqualTo("整改要求：限期整改，整改时限为2026年7月15日，现已逾期144天，请立即整改，并书面说明逾期原因。"))
                .noneSatisfy(b -> assertThat(b.text()).contains("请于2026年7月15日前"));
    }
}
