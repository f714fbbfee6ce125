package org.taizhang.inspection.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.inspection.view.ReadLedger.TODAY;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.LedgerFixtures;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.Measure;
import org.taizhang.inspection.view.FindingDetailModel.TimelineRow;

/** The chosen finding's timeline, measures and evidence, on a ledger read from a real database. */
class FindingDetailModelTest {
    @TempDir
    Path dir;

    private ReadLedger ledger;
    private FindingDetailModel detail;
    private Finding f;

    @BeforeEach
    void open() {
        ledger = new ReadLedger(dir);
        detail = new FindingDetailModel(ledger.service, ledger, ledger.tasks, ledger.dialogs);
        ledger.onSelect = detail::show;
        f = ledger.found(ledger.unit, "三会一课", "支部委员会会议未按月召开", TODAY.minusDays(3));
        ledger.notified(f, TODAY.plusDays(30));
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void theTimelineReadsAsOneLinePerStep() {
        ledger.service.extend(f.id(), TODAY.plusDays(60), "汛期任务重", "李书记", TODAY);
        ledger.choose(f);
        assertThat(detail.timeline()).extracting(TimelineRow::kind).containsExactly("发现", "挂号", "交办", "延期");
        assertThat(detail.timeline().get(2).text())
                .isEqualTo("时限 " + TODAY.plusDays(30) + "；责任领导 李副局长；责任部门 办公室；责任人 赵敏");
        assertThat(detail.timeline().get(3).text()).contains("时限 " + TODAY.plusDays(60), "李书记", "汛期任务重");
        assertThat(detail.timeline()).allMatch(r -> r.mergedFrom() == null && r.applied());

        ledger.select(null);
        assertThat(detail.timeline()).isEmpty();
        assertThat(detail.measures()).isEmpty();
        assertThat(detail.evidence()).isEmpty();
        assertThat(detail.measureForm(null)).isNull();
    }

    @Test
    void aMergedFindingsStepsFollowNamedByItsNumber() {
        Finding twin = ledger.found(ledger.unit, "三会一课", "支委会未按月开", TODAY.minusDays(3));
        ledger.service.merge(twin.id(), f.id(), TODAY);
        ledger.choose(f);
        assertThat(detail.timeline())
                .filteredOn(r -> r.mergedFrom() != null)
                .extracting(TimelineRow::kind, TimelineRow::mergedFrom)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("发现", "待挂号"),
                        org.assertj.core.groups.Tuple.tuple("合并", "待挂号"));
    }

    @Test
    void measuresAreAddedChangedMarkedDoneAndDeletedOnlyOnYes() {
        ledger.choose(f);
        for (String text : List.of("制定年度会议计划", "建立会议记录本")) {
            MeasureForm m = detail.measureForm(null);
            m.text.set(text);
            detail.saveMeasure(m, () -> {});
        }
        assertThat(detail.measures()).extracting(Measure::text).containsExactly("制定年度会议计划", "建立会议记录本");

        MeasureForm first = detail.measureForm(detail.measures().getFirst());
        first.owner.set("赵敏");
        detail.saveMeasure(first, () -> {});
        assertThat(detail.measures().getFirst().owner()).isEqualTo("赵敏");

        detail.toggleDone(detail.measures().getFirst());
        assertThat(detail.measures().getFirst().doneOn()).isEqualTo(TODAY);
        detail.toggleDone(detail.measures().getFirst());
        assertThat(detail.measures().getFirst().isDone()).isFalse();

        ledger.dialogs.confirmAnswer = false;
        detail.deleteMeasure(detail.measures().getLast());
        assertThat(detail.measures()).hasSize(2);
        ledger.dialogs.confirmAnswer = true;
        detail.deleteMeasure(detail.measures().getLast());
        assertThat(detail.measures()).extracting(Measure::text).containsExactly("制定年度会议计划");
        assertThat(ledger.dialogs.shown).noneMatch(s -> s.startsWith("error"));
    }

    @Test
    void aMeasureIsNamedInTheStepThatReportsOnIt() {
        ledger.choose(f);
        MeasureForm m = detail.measureForm(null);
        m.text.set("制定年度会议计划");
        detail.saveMeasure(m, () -> {});
        Measure measure = detail.measures().getFirst();
        ledger.service.progress(f.id(), "计划已印发", measure.id(), List.of(), TODAY);
        ledger.reload();
        assertThat(detail.timeline().getLast().text()).isEqualTo("措施：制定年度会议计划；计划已印发");
    }

    @Test
    void evidenceIsAttachedOpenedAndRemovedOnlyOnYes() {
        ledger.choose(f);
        detail.attachEvidence(LedgerFixtures.file(dir, "会议记录.txt"));
        assertThat(detail.evidence()).extracting(e -> e.attachment().fileName()).containsExactly("会议记录.txt");
        FindingService.Evidence e = detail.evidence().getFirst();

        detail.openEvidence(e);
        try {
            assertThat(ledger.dialogs.opened)
                    .singleElement()
                    .satisfies(p -> assertThat(p.getFileName().toString()).isEqualTo("会议记录.txt"));
        } finally {
            for (Path p : ledger.dialogs.opened) {
                p.toFile().delete();
                p.getParent().toFile().delete();
            }
        }

        ledger.dialogs.confirmAnswer = false;
        detail.removeEvidence(e);
        assertThat(detail.evidence()).hasSize(1);
        ledger.dialogs.confirmAnswer = true;
        detail.removeEvidence(e);
        assertThat(detail.evidence()).isEmpty();
        assertThat(ledger.service.evidence(f.id())).isEmpty();
    }

    /**
     * Issue 16: a finding's field another device gave another value is named in 登记信息, in the form's words, as the
     * record pages name theirs; 数据交换 → 待处理 decides.
     */
    @Test
    void aFindingsFieldAnotherDeviceGaveAnotherValueIsNamed() {
        try (org.taizhang.core.store.Store laptop =
                org.taizhang.core.store.Store.openOrCreate(dir.resolve("laptop.db"))) {
            laptop.applyChanges(ledger.store.exportChanges(r -> true));
            ledger.service.edit(f.toBuilder().description("支部委员会会议未按月召开（5月、6月）").build());
            new FindingService(laptop, new org.taizhang.organization.RegistryService(laptop))
                    .edit(f.toBuilder().description("支委会5月未开会").build());
            ledger.store.applyChanges(laptop.exportChanges(r -> true));
        }
        ledger.choose(f);

        assertThat(detail.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("问题描述");
            assertThat(List.of(c.before(), c.after())).containsExactlyInAnyOrder("支部委员会会议未按月召开（5月、6月）", "支委会5月未开会");
        });
        ledger.select(null);
        assertThat(detail.conflicts()).isEmpty();
    }
}
