package org.taizhang.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.checklist.model.Assessment;
import org.taizhang.checklist.model.ChecklistCategory;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.ItemAnswer;
import org.taizhang.checklist.model.RatingBand;
import org.taizhang.checklist.model.Round;
import org.taizhang.checklist.model.ScoringMode;
import org.taizhang.core.DomainException;
import org.taizhang.core.store.Store;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;
import org.taizhang.organization.model.Unit;

/** Templates and assessments written to a real SQLite file and read back. */
class ChecklistServiceTest {
    @TempDir
    Path dir;

    private Store store;
    private ChecklistService checklists;
    private Organization branch;

    @BeforeEach
    void open() {
        store = Store.openOrCreate(dir.resolve("taizhang.db"));
        RegistryService registry = new RegistryService(store);
        Unit unit = new Unit("u1", "江海市财政局", "市财政局", null, null, null, 1);
        registry.save(unit);
        Organization committee = new Organization(
                "o1",
                "u1",
                null,
                "市财政局机关党委",
                OrganizationKind.PARTY_COMMITTEE,
                "张红玲",
                null,
                60,
                true,
                null,
                null,
                null,
                null,
                null,
                null,
                0);
        registry.save(committee);
        branch = new Organization(
                "o2",
                "u1",
                "o1",
                "市财政局机关第一党支部",
                OrganizationKind.BRANCH,
                "马兵德",
                null,
                18,
                true,
                null,
                null,
                null,
                null,
                null,
                null,
                1);
        registry.save(branch);
        checklists = new ChecklistService(store, registry);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String standardId() {
        return BuiltInTemplates.standard(2026).id();
    }

    @Test
    void theBuiltInTemplatesAreInstalledOnceAndReadBackAsTheyWere() {
        assertThat(checklists.installBuiltInTemplates()).isEqualTo(2);
        assertThat(checklists.installBuiltInTemplates()).isZero();

        ChecklistTemplate stored = checklists.template(standardId()).orElseThrow();
        ChecklistTemplate builtIn = BuiltInTemplates.standard(checklists.today().getYear());
        assertThat(stored.items()).hasSize(41);
        assertThat(stored.item("std-B10").orElseThrow().deduction()).isEqualByComparingTo("0.2");
        assertThat(stored.fullMarks()).isEqualByComparingTo("100");
        assertThat(TemplateRules.check(stored)).isEmpty();
        assertThat(stored.items())
                .extracting(ChecklistItem::key)
                .containsExactlyElementsOf(
                        builtIn.items().stream().map(ChecklistItem::key).toList());
        assertThat(stored.item("std-A6").orElseThrow().appliesTo()).containsExactly(OrganizationKind.BRANCH);
        assertThat(stored.bands()).extracting(RatingBand::name).containsExactly("五星", "四星", "三星", "二星", "一星");
    }

    @Test
    void aPublishedTemplateNeverChangesAndItsNextVersionKeepsTheItemKeys() {
        checklists.installBuiltInTemplates();
        ChecklistTemplate published = checklists.publish(standardId());

        assertThatThrownBy(() -> checklists.saveDraft(published))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey())
                .isEqualTo("checklist.error.published");

        ChecklistTemplate v2 = checklists.newVersion(standardId(), 2027);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(checklists.template(v2.id()).orElseThrow().items())
                .extracting(ChecklistItem::key)
                .containsExactlyElementsOf(
                        published.items().stream().map(ChecklistItem::key).toList());
        assertThat(checklists.publish(v2.id()).isPublished()).isTrue();
    }

    @Test
    void aTemplateInUseCannotBeDeleted() {
        checklists.installBuiltInTemplates();
        checklists.publish(standardId());
        checklists.startAssessment(branch.id(), standardId(), Round.SELF, 2026);

        assertThatThrownBy(() -> checklists.deleteTemplate(standardId()))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey())
                .isEqualTo("checklist.error.templateInUse");
    }

    @Test
    void anAssessmentIsScoredFinishedAndReopenedAndEveryStepIsStored() {
        checklists.installBuiltInTemplates();
        ChecklistTemplate t = checklists.publish(standardId());
        Assessment a = checklists.startAssessment(branch.id(), t.id(), Round.SELF, 2026);
        assertThat(checklists
                        .startAssessment(branch.id(), t.id(), Round.SELF, 2026)
                        .id())
                .isEqualTo(a.id());

        for (ChecklistItem i : t.items()) {
            if (!i.bonus()) {
                checklists.answer(
                        a.id(),
                        switch (i.mode()) {
                            case YES_NO -> ItemAnswer.met(i.key(), true);
                            case GRADED ->
                                ItemAnswer.scored(i.key(), i.maxPoints().toPlainString());
                            case DEDUCTION ->
                                ItemAnswer.occurrences(i.key(), i.key().equals("std-B10") ? 3 : 0);
                        });
            }
        }
        checklists.answer(a.id(), ItemAnswer.scored("std-F5", "2.5"));
        Assessment done = checklists.finish(a.id());

        Assessment stored = checklists.assessment(a.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(Assessment.Status.FINISHED);
        // 100 − 3 × 0.2 + 2.5 bonus = 101.9
        assertThat(stored.score(t, branch.kind()).total()).isEqualByComparingTo("101.9");
        assertThat(stored.score(t, branch.kind()).rating().name()).isEqualTo("五星");
        assertThat(done).isEqualTo(stored);

        Assessment reopened = checklists.reopen(a.id(), "资料补充");
        assertThat(checklists.assessment(a.id()).orElseThrow().reopenReason()).isEqualTo("资料补充");
        assertThat(reopened.isReadOnly()).isFalse();
    }

    @Test
    void aNewVersionIsMadeOnlyFromTheNewestAndNeverWritesOverTheNextOne() {
        checklists.installBuiltInTemplates();
        ChecklistTemplate v1 = checklists.publish(standardId());
        ChecklistTemplate v2 =
                checklists.publish(checklists.newVersion(v1.id(), 2027).id());

        assertThatThrownBy(() -> checklists.newVersion(v1.id(), 2028))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("checklist.error.newerVersionExists"));
        assertThat(checklists.template(v2.id()).orElseThrow().isPublished())
                .as("v2 stays published")
                .isTrue();
        assertThat(checklists.template(v2.id()).orElseThrow().year()).isEqualTo(2027);
    }

    @Test
    void theVersionAfterASplitCanBePublished() {
        checklists.installBuiltInTemplates();
        ChecklistTemplate v1 = checklists.publish(standardId());
        ChecklistTemplate draft = checklists.newVersion(v1.id(), 2027);
        // v2 splits the first item in two, each continuing it
        ChecklistItem first = draft.categories().getFirst().items().getFirst();
        java.math.BigDecimal half = first.maxPoints().divide(java.math.BigDecimal.valueOf(2));
        List<ChecklistItem> split = new java.util.ArrayList<>();
        for (String part : List.of("a", "b")) {
            split.add(new ChecklistItem(
                    first.key() + part,
                    first.number() + part,
                    first.text() + "（" + part + "）",
                    half,
                    ScoringMode.YES_NO,
                    null,
                    null,
                    first.evidenceRequired(),
                    first.methods(),
                    false,
                    false,
                    first.appliesTo(),
                    List.of(first.key())));
        }
        List<ChecklistItem> items = new java.util.ArrayList<>(split);
        items.addAll(draft.categories()
                .getFirst()
                .items()
                .subList(1, draft.categories().getFirst().items().size()));
        List<ChecklistCategory> categories = new java.util.ArrayList<>(draft.categories());
        ChecklistCategory a = categories.getFirst();
        categories.set(0, new ChecklistCategory(a.key(), a.code(), a.name(), a.points(), items));
        assertThat(checklists.saveDraft(draft.withCategories(categories))).noneMatch(org.taizhang.core.Issue::isError);
        ChecklistTemplate v2 = checklists.publish(draft.id());

        ChecklistTemplate v3 = checklists.newVersion(v2.id(), 2028);

        assertThat(v3.items()).allMatch(i -> i.replaces().isEmpty());
        assertThat(checklists.publish(v3.id()).isPublished()).isTrue();
    }
}
