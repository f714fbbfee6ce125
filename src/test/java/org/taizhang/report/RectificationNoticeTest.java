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
}
