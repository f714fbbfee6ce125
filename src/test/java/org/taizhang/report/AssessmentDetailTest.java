package org.taizhang.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.checklist.model.Assessment;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.Round;
import org.taizhang.core.DomainException;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.ReportTable;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.InspectionService;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Organization;

/** 评估明细表 on the sample: a branch's 达标验收 beside a 自评 begun on two items, against the scoring's own figures. */
class AssessmentDetailTest {
    @TempDir
    Path dir;

    private Store store;
    private final Messages m = Messages.forLocale(Messages.CHINESE);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theRoundsStandSideBySideWithTheScoringsTotals() {
        store = Store.openOrCreate(dir.resolve("t.db"));
        RegistryService registry = new RegistryService(store);
        registry.importSample(Progress.NONE);
        ChecklistService checklists = new ChecklistService(store, registry);
        int year = checklists.today().getYear();
        checklists.importSample(year);
        Reports reports =
                new Reports(registry, checklists, new FindingService(store, registry), new InspectionService(store));

        Assessment acceptance = checklists.assessmentsOfYear(year).stream()
                .filter(a -> a.round() == Round.ACCEPTANCE && a.status() == Assessment.Status.FINISHED)
                .findFirst()
                .orElseThrow();
        ChecklistTemplate template =
                checklists.template(acceptance.templateId()).orElseThrow();
        Organization branch = registry.organization(acceptance.organizationId()).orElseThrow();
        String unit = registry.load().unit(branch.unitId()).orElseThrow().name();
        // a 自评 of the same branch and template, two items answered as the acceptance answered them
        Assessment self = checklists.startAssessment(branch.id(), template.id(), Round.SELF, year);
        List<ChecklistItem> items = template.items().stream()
                .filter(i -> i.appliesTo(branch.kind()) && acceptance.answers().containsKey(i.key()))
                .limit(2)
                .toList();
        items.forEach(i -> checklists.answer(self.id(), acceptance.answers().get(i.key())));

        ReportTable t = reports.assessmentDetail(unit, branch.name(), null, m);
        assertThat(t.title()).isEqualTo(unit + branch.name() + year + "年评估明细表");
        assertThat(t.columns())
                .extracting(ReportTable.Column::name)
                .containsExactly("序号", "测评内容", "分值", "自评", "检查组评估", "达标验收");
        var accepted = acceptance.score(template, branch.kind());
        for (ChecklistItem i : items) {
            List<Object> row = t.rows().stream()
                    .filter(r -> i.text().equals(r.get(1)))
                    .findFirst()
                    .orElseThrow();
            String points = BlankChecklist.points(accepted.points().get(i.key()));
            assertThat(row.get(3)).as("自评 of " + i.key()).isEqualTo(points);
            assertThat(row.get(4)).isEqualTo("—"); // no 检查组评估
            assertThat(row.get(5)).as("达标验收 of " + i.key()).isEqualTo(points);
        }
        assertThat(t.total().get(5)).isEqualTo(BlankChecklist.points(accepted.total()));
        assertThat(t.total().get(4)).isEqualTo("—");
        var selfScore = checklists.assessment(self.id()).orElseThrow().score(template, branch.kind());
        assertThat(t.total().get(3)).isEqualTo(BlankChecklist.points(selfScore.total()));
        assertThat(t.notes()).anyMatch(n -> n.startsWith("检查组评估：本年度未测评"));
        assertThat(t.notes()).anyMatch(n -> n.startsWith("自评：尚有"));

        assertThatThrownBy(() -> reports.assessmentDetail(unit, branch.name(), year - 5, m))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).messageKey()).isEqualTo("report.detail.notAssessed"));
        assertThatThrownBy(() -> reports.assessmentDetail(unit, "没有这个支部", null, m))
                .isInstanceOf(DomainException.class);
    }
}
