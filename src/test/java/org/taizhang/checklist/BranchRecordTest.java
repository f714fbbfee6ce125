package org.taizhang.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.checklist.files.ChecklistFiles;
import org.taizhang.checklist.model.AcceptanceStatus;
import org.taizhang.checklist.model.Assessment;
import org.taizhang.checklist.model.BranchRecord;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.ItemAnswer;
import org.taizhang.checklist.model.Round;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;

/** A branch over three years: standing, score and rating each year, and what its latest result left open. */
class BranchRecordTest {
    @TempDir
    Path dir;

    private Store store;
    private ChecklistService service;
    private ChecklistTemplate standard;
    private Organization branch;
    private int year;

    @BeforeEach
    void open() {
        store = Store.openOrCreate(dir.resolve("t.db"));
        RegistryService registry = new RegistryService(store);
        registry.importSample(Progress.NONE);
        service = new ChecklistService(store, registry);
        service.installBuiltInTemplates();
        year = service.today().getYear();
        standard = service.publish(BuiltInTemplates.standard(year).id());
        branch = registry.load().organizations().stream()
                .filter(o -> o.kind() == OrganizationKind.BRANCH)
                .findFirst()
                .orElseThrow();
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Full marks on every item but the first {@code missed} yes/no ones. */
    private void acceptance(int y, int missed) {
        Assessment a = service.startAssessment(branch.id(), standard.id(), Round.ACCEPTANCE, y);
        int left = missed;
        for (ChecklistItem i : standard.items()) {
            if (!i.appliesTo(branch.kind()) || i.bonus()) {
                continue;
            }
            ItemAnswer answer = switch (i.mode()) {
                case YES_NO -> ItemAnswer.met(i.key(), !(left-- > 0 && !i.veto()));
                case GRADED -> ItemAnswer.scored(i.key(), i.maxPoints().toPlainString());
                case DEDUCTION -> ItemAnswer.occurrences(i.key(), 0);
            };
            service.answer(a.id(), answer);
        }
        service.finish(a.id());
        service.closePublicity(a.id());
    }

    @Test
    void showsEachYearAgainstTheOneBeforeAndTheItemsStillOpen() {
        acceptance(year - 2, 3);
        acceptance(year - 1, 1);

        BranchRecord record = service.branchRecord(branch.id(), year - 2, year);

        assertThat(record.years()).extracting(BranchRecord.Year::year).containsExactly(year, year - 1, year - 2);
        assertThat(record.years().get(0).standing()).isEqualTo(AcceptanceStatus.NOT_ASSESSED);
        assertThat(record.years().get(0).total()).isNull();
        assertThat(record.years().get(1).standing()).isEqualTo(AcceptanceStatus.PASSED);
        assertThat(record.years().get(1).round()).isEqualTo(Round.ACCEPTANCE);
        assertThat(record.years().get(1).total())
                .isGreaterThan(record.years().get(2).total());
        assertThat(record.years().get(1).rating()).isNotNull();
        // the latest finished assessment (last year's) missed one item: that is what is open now
        assertThat(record.openItems()).hasSize(1);
        assertThat(record.openItems().getFirst().points()).isZero();
    }

    @Test
    void anImportedResultAndADirectRatingShowAsSuch() {
        service.setDirectRating(branch.id(), year, "五星", "区级以上先进");
        var rows = new java.util.LinkedHashMap<String, String>();
        var registry = new RegistryService(store).load();
        rows.put("单位", registry.unit(branch.unitId()).orElseThrow().name());
        rows.put("组织名称", branch.name());
        rows.put(
                "上级组织",
                branch.parentId() == null
                        ? ""
                        : registry.organization(branch.parentId()).orElseThrow().name());
        rows.put("年度", Integer.toString(year - 2));
        rows.put("轮次", "达标验收");
        rows.put("总分", "78");
        rows.put("等级", "三星");
        rows.put("结论", "达标");
        var report = new ChecklistFiles(service)
                .importResults(
                        new org.taizhang.core.files.SheetData(
                                "往年结果",
                                rows.keySet(),
                                java.util.List.of(new org.taizhang.core.files.SheetData.Row(2, rows))),
                        "往年结果.xlsx",
                        Progress.NONE);
        assertThat(report.errors()).isEmpty();

        BranchRecord record = service.branchRecord(branch.id(), year - 2, year);

        assertThat(record.years().get(0)).satisfies(y -> {
            assertThat(y.direct()).isTrue();
            assertThat(y.rating()).isEqualTo("五星");
            assertThat(y.standing()).isEqualTo(AcceptanceStatus.PASSED);
        });
        assertThat(record.years().get(2)).satisfies(y -> {
            assertThat(y.imported()).isTrue();
            assertThat(y.total()).isEqualByComparingTo("78");
            assertThat(y.rating()).isEqualTo("三星");
        });
    }
}
