package org.taizhang.checklist.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.checklist.BuiltInTemplates;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.checklist.Scoring;
import org.taizhang.checklist.model.AcceptanceStatus;
import org.taizhang.checklist.model.Assessment;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.ItemAnswer;
import org.taizhang.checklist.model.Round;
import org.taizhang.checklist.model.ScoringMode;
import org.taizhang.checklist.view.AssessmentsViewModel.BranchRow;
import org.taizhang.checklist.view.AssessmentsViewModel.ItemRow;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.core.ui.RecordingDialogs;
import org.taizhang.core.ui.TaskExecutor;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Community;

/** The scoring page's view model on a real database (the sample registry, the 四化 standard), with no window. */
class AssessmentsViewModelTest {
    @TempDir
    Path dir;

    private Store store;
    private ChecklistService service;
    private AssessmentsViewModel vm;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final Messages messages = Messages.forLocale(Messages.CHINESE);
    private int year;

    @BeforeEach
    void open() {
        store = Store.openOrCreate(dir.resolve("t.db"));
        RegistryService registry = new RegistryService(store);
        registry.importSample(Progress.NONE);
        service = new ChecklistService(store, registry);
        service.installBuiltInTemplates();
        year = service.today().getYear();
        service.publish(BuiltInTemplates.standard(year).id());
        vm = new AssessmentsViewModel(
                service, registry, new TaskRunner(TaskExecutor.synchronous(), messages, dialogs), dialogs, messages);
        vm.loadCurrentYear(() -> {});
    }

    @AfterEach
    void close() {
        store.close();
    }

    private BranchRow branch(String name) {
        return vm.branches().stream()
                .filter(b -> b.organization().name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private BranchRow started(String name) {
        BranchRow b = branch(name);
        vm.select(b);
        vm.start();
        vm.select(branch(name));
        return b;
    }

    private ItemRow row(ScoringMode mode) {
        return vm.items().stream()
                .filter(r -> r.item().mode() == mode
                        && !r.item().bonus()
                        && !r.item().veto())
                .findFirst()
                .orElseThrow();
    }

    private Assessment stored() {
        return service.assessment(vm.assessmentProperty().get().id()).orElseThrow();
    }

    /** Answers every item that is still open, each by what its mode expects. */
    private void answerAll() {
        for (ItemRow r : java.util.List.copyOf(vm.items())) {
            ItemRow now = vm.items().stream()
                    .filter(x -> x.key().equals(r.key()))
                    .findFirst()
                    .orElseThrow();
            if (!now.scored() && !now.item().bonus()) {
                vm.answer(
                        now,
                        switch (now.item().mode()) {
                            case YES_NO -> "是";
                            case GRADED -> now.item().maxPoints().toPlainString();
                            case DEDUCTION -> "0";
                        });
            }
        }
    }

    @Test
    void listsEveryBranchOfTheRegistryNotYetAssessed() {
        assertThat(vm.branches()).hasSize(307);
        assertThat(vm.branches()).allMatch(b -> b.status() == AcceptanceStatus.NOT_ASSESSED);
        assertThat(vm.yearProperty().get()).isEqualTo(year);
    }

    @Test
    void filtersByStatusCommunityAndPinyin() {
        Community community = vm.communities().getFirst();
        vm.communityFilterProperty().set(community);
        int inCommunity = vm.shownBranches().size();
        assertThat(inCommunity).isBetween(1, 306);
        assertThat(vm.shownBranches())
                .allMatch(b -> vm.registry().communityIdsOf(b.organization()).contains(community.id()));

        vm.statusFilterProperty().set(AcceptanceStatus.PASSED);
        assertThat(vm.shownBranches()).isEmpty();

        vm.showOnly(null, null);
        vm.searchProperty().set("市委办");
        assertThat(vm.shownBranches()).isNotEmpty().allMatch(b -> b.searchText().contains("市委办"));
        int named = vm.shownBranches().size();
        vm.searchProperty().set("swbjgdy"); // 市委办机关第一… by pinyin initials
        assertThat(vm.shownBranches()).extracting(b -> b.organization().name()).contains("市委办机关第一党支部");
        assertThat(vm.shownBranches().size()).isLessThanOrEqualTo(named);
    }

    @Test
    void severalAssessmentsOfOneRoundAreInOrderAndTheClerkCanSwitch() {
        BranchRow b = started("市委办机关第一党支部"); // the 四化 standard
        String first = vm.assessmentProperty().get().id();
        ChecklistTemplate site = BuiltInTemplates.site(year);
        service.publish(site.id());
        String second = service.startAssessment(b.organization().id(), site.id(), Round.SELF, year)
                .id();
        vm.loadCurrentYear(() -> {});
        vm.select(branch("市委办机关第一党支部"));

        assertThat(vm.inRound()).extracting(Assessment::id).containsExactlyInAnyOrder(first, second);
        String shown = vm.assessmentProperty().get().id();
        assertThat(shown).isEqualTo(vm.inRound().getFirst().id());

        Assessment other = vm.inRound().stream()
                .filter(a -> !a.id().equals(shown))
                .findFirst()
                .orElseThrow();
        vm.switchTo(other);
        assertThat(vm.assessmentProperty().get().id()).isEqualTo(other.id());
        vm.answer(row(ScoringMode.YES_NO), "是"); // a save reloads: the choice stays
        assertThat(vm.assessmentProperty().get().id()).isEqualTo(other.id());
    }

    @Test
    void aTotalAboveTheFullMarksSaysItsBonus() {
        ChecklistTemplate t = BuiltInTemplates.standard(year);
        Scoring.Score withBonus = new Scoring.Score(
                new java.math.BigDecimal("100.5"),
                t.fullMarks(),
                new java.math.BigDecimal("0.50"),
                java.util.Map.of(),
                java.util.List.of(),
                java.util.List.of(),
                Scoring.Result.PASSED,
                null);
        Scoring.Score without = new Scoring.Score(
                new java.math.BigDecimal("96"),
                t.fullMarks(),
                java.math.BigDecimal.ZERO,
                java.util.Map.of(),
                java.util.List.of(),
                java.util.List.of(),
                Scoring.Result.PASSED,
                null);

        assertThat(vm.summaryOf(withBonus, t)).startsWith("得分 100.5 / 满分 100（含加分 0.5）");
        assertThat(vm.summaryOf(without, t)).startsWith("得分 96 / 满分 100　").doesNotContain("加分");
    }

    @Test
    void aNumberOfTheBoardOpensTheRoundItCounted() {
        vm.roundProperty().set(Round.SELF);

        vm.showOnly(null, AcceptanceStatus.FAILED);
        assertThat(vm.roundProperty().get()).isEqualTo(Round.ACCEPTANCE);
        vm.showOnly(null, AcceptanceStatus.SELF_ASSESSING);
        assertThat(vm.roundProperty().get()).isEqualTo(Round.SELF);
        vm.showOnly(null, AcceptanceStatus.PASSED);
        assertThat(vm.roundProperty().get()).isEqualTo(Round.ACCEPTANCE);
    }

    @Test
    void startingAnAssessmentKeepsTheCommunityFilter() {
        BranchRow b = branch("市委办机关第一党支部");
        Community community = vm.communities().stream()
                .filter(c -> vm.registry().communityIdsOf(b.organization()).contains(c.id()))
                .findFirst()
                .orElseThrow();
        vm.communityFilterProperty().set(community);

        started("市委办机关第一党支部");

        assertThat(vm.communityFilterProperty().get()).isEqualTo(community);
        assertThat(vm.shownBranches())
                .allMatch(r -> vm.registry().communityIdsOf(r.organization()).contains(community.id()));
    }

    @Test
    void anAnswerIsSavedAsSoonAsItIsTypedAndTheTotalFollows() {
        started("市委办机关第一党支部");
        assertThat(vm.items()).isNotEmpty().noneMatch(ItemRow::scored);
        BigDecimal before = vm.scoreProperty().get().total();
        ItemRow yesNo = row(ScoringMode.YES_NO);

        assertThat(vm.answer(yesNo, "是")).isTrue();

        assertThat(stored().answers().get(yesNo.key()).met()).isTrue();
        assertThat(vm.scoreProperty().get().total())
                .isEqualTo(before.add(yesNo.item().maxPoints()).setScale(1));
        assertThat(vm.scoreProperty().get().unscored()).doesNotContain(yesNo.key());
    }

    @Test
    void aTypedValueThatDoesNotFitTheItemIsRefusedInWordsAndNothingIsSaved() {
        started("市委办机关第一党支部");
        ItemRow yesNo = row(ScoringMode.YES_NO);
        ItemRow graded = row(ScoringMode.GRADED);

        assertThat(vm.answer(yesNo, "好")).isFalse();
        assertThat(vm.answer(
                        graded, graded.item().maxPoints().add(BigDecimal.ONE).toPlainString()))
                .isFalse();

        assertThat(dialogs.shown)
                .anyMatch(s -> s.contains("请填“是”或“否”") && s.contains("“好”"))
                .anyMatch(s -> s.contains("得分应在 0 到"));
        assertThat(stored().answers()).isEmpty();
    }

    @Test
    void clearingTheFieldTakesTheAnswerBack() {
        started("市委办机关第一党支部");
        ItemRow graded = row(ScoringMode.GRADED);
        vm.answer(graded, "1");
        ItemRow now = vm.items().stream()
                .filter(r -> r.key().equals(graded.key()))
                .findFirst()
                .orElseThrow();

        vm.answer(now, "");

        assertThat(stored().answers().get(graded.key()).answers(ScoringMode.GRADED))
                .isFalse();
        assertThat(vm.scoreProperty().get().unscored()).contains(graded.key());
    }

    @Test
    void cannotFinishWhileAnItemIsUnscoredThenFinishesAndIsReadOnly() {
        started("市委办机关第一党支部");
        vm.answer(row(ScoringMode.YES_NO), "是");

        vm.finish();

        assertThat(dialogs.shown).anyMatch(s -> s.startsWith("error: 完成测评") && s.contains("还没有评分"));
        assertThat(stored().status()).isEqualTo(Assessment.Status.SCORING);

        answerAll();
        vm.finish();

        assertThat(stored().status()).isEqualTo(Assessment.Status.FINISHED);
        assertThat(vm.readOnlyProperty().get()).isTrue();
        assertThat(vm.answer(vm.items().getFirst(), "否")).isFalse();
        assertThat(branch("市委办机关第一党支部").status()).isEqualTo(AcceptanceStatus.AWAITING_REVIEW);
    }

    @Test
    void finishingWithEvidenceMissingListsTheItemsAndAsksFirst() {
        started("市委办机关第一党支部");
        answerAll();
        List<ItemRow> lacking =
                vm.items().stream().filter(ItemRow::lacksEvidence).toList();
        assertThat(lacking).as("the built-in standard asks for evidence").isNotEmpty();

        dialogs.confirmAnswer = false;
        vm.finish();

        assertThat(stored().status()).isEqualTo(Assessment.Status.SCORING);
        assertThat(dialogs.confirmed.getLast())
                .startsWith("还有 " + lacking.size() + " 项需佐证的条目没有佐证材料")
                .contains(lacking.getFirst().item().number() + " "
                        + lacking.getFirst().item().text());

        dialogs.confirmAnswer = true;
        vm.finish();
        assertThat(stored().status()).isEqualTo(Assessment.Status.FINISHED);
    }

    @Test
    void reopeningAsksForTheReasonAndKeepsIt() {
        started("市委办机关第一党支部");
        answerAll();
        vm.finish();

        dialogs.textAnswer = Optional.empty(); // 取消
        vm.reopen();
        assertThat(stored().status()).isEqualTo(Assessment.Status.FINISHED);

        dialogs.textAnswer = Optional.of("党小组会记录补齐，需重新评分");
        vm.reopen();
        assertThat(stored().status()).isEqualTo(Assessment.Status.SCORING);
        assertThat(stored().reopenReason()).isEqualTo("党小组会记录补齐，需重新评分");
        assertThat(vm.readOnlyProperty().get()).isFalse();
    }

    @Test
    void notApplicableNeedsAReasonAndLeavesTheMaximum() {
        started("市委办机关第一党支部");
        ItemRow graded = row(ScoringMode.GRADED);
        BigDecimal maximum = vm.scoreProperty().get().maximum();

        dialogs.textAnswer = Optional.of("本支部未设党小组");
        vm.toggleNotApplicable(graded);

        ItemAnswer a = stored().answers().get(graded.key());
        assertThat(a.notApplicable()).isTrue();
        assertThat(a.notApplicableReason()).isEqualTo("本支部未设党小组");
        assertThat(vm.scoreProperty().get().maximum())
                .isEqualTo(maximum.subtract(graded.item().maxPoints()));

        ItemRow now = vm.items().stream()
                .filter(r -> r.key().equals(graded.key()))
                .findFirst()
                .orElseThrow();
        vm.toggleNotApplicable(now); // again: taken back
        assertThat(stored().answers().get(graded.key()).notApplicable()).isFalse();
    }

    @Test
    void theTeamsRoundShowsTheBranchsOwnAnswersAndMarksTheDifferences() {
        started("市委办机关第一党支部");
        ItemRow yesNo = row(ScoringMode.YES_NO);
        vm.answer(yesNo, "是");

        vm.roundProperty().set(Round.REVIEW);
        assertThat(vm.assessmentProperty().get()).isNull(); // the team has not started
        vm.start();
        vm.select(branch("市委办机关第一党支部"));
        ItemRow review = vm.items().stream()
                .filter(r -> r.key().equals(yesNo.key()))
                .findFirst()
                .orElseThrow();
        assertThat(vm.selfText(review)).isEqualTo("是");

        vm.answer(review, "否");

        ItemRow after = vm.items().stream()
                .filter(r -> r.key().equals(yesNo.key()))
                .findFirst()
                .orElseThrow();
        assertThat(after.differsFromSelf()).isTrue();
        assertThat(vm.items().stream().filter(ItemRow::differsFromSelf)).hasSize(1);
    }

    @Test
    void nextUnscoredSkipsWhatIsDone() {
        started("市委办机关第一党支部");
        ItemRow first = vm.items().getFirst();
        vm.answer(first, AnswerInputTest.fitting(first.item()));

        ItemRow next = vm.nextUnscored(null).orElseThrow();

        assertThat(next.key()).isNotEqualTo(first.key());
        assertThat(next.scored()).isFalse();
    }

    @Test
    void evidenceIsAttachedToTheChosenItemOpenedAndRemovedAfterAsking() throws Exception {
        started("市委办机关第一党支部");
        ItemRow needs = vm.items().stream()
                .filter(r -> r.item().evidenceRequired())
                .findFirst()
                .orElseThrow();
        assertThat(needs.lacksEvidence()).isTrue();
        Path minutes = java.nio.file.Files.writeString(dir.resolve("支委会记录.txt"), "2026年3月支委会记录");

        vm.attachEvidence(needs, minutes);

        ItemRow now = vm.items().stream()
                .filter(r -> r.key().equals(needs.key()))
                .findFirst()
                .orElseThrow();
        assertThat(now.evidence()).extracting(e -> e.attachment().fileName()).containsExactly("支委会记录.txt");
        assertThat(now.lacksEvidence()).isFalse();
        assertThat(service.evidence(vm.assessmentProperty().get().id()).get(needs.key()))
                .hasSize(1);

        vm.openEvidence(now.evidence().getFirst());
        assertThat(dialogs.opened).hasSize(1);
        // a copy named as added: the stored file has no extension, and Windows would ask how to open it
        assertThat(dialogs.opened.getFirst().getFileName()).hasToString("支委会记录.txt");
        assertThat(java.nio.file.Files.readString(dialogs.opened.getFirst())).isEqualTo("2026年3月支委会记录");
        java.nio.file.Files.delete(dialogs.opened.getFirst());
        java.nio.file.Files.delete(dialogs.opened.getFirst().getParent());

        dialogs.confirmAnswer = false;
        vm.removeEvidence(now.evidence().getFirst());
        assertThat(service.evidence(vm.assessmentProperty().get().id())).containsKey(needs.key());
        dialogs.confirmAnswer = true;
        vm.removeEvidence(now.evidence().getFirst());
        assertThat(service.evidence(vm.assessmentProperty().get().id())).doesNotContainKey(needs.key());
        assertThat(vm.items().stream()
                        .filter(r -> r.key().equals(needs.key()))
                        .findFirst()
                        .orElseThrow()
                        .lacksEvidence())
                .isTrue();
    }

    @Test
    void theFormGoesOutAndComesBackForTheChosenBranchOnly() throws Exception {
        started("市委办机关第一党支部");
        vm.answer(row(ScoringMode.YES_NO), "是");
        Path form = dir.resolve("测评表.xlsx");

        vm.exportForm(form);
        assertThat(form).exists();
        assertThat(dialogs.shown).anyMatch(s -> s.startsWith("choose: 导出测评表 [打开文件, 打开所在文件夹, 关闭]"));

        vm.importForm(form); // nothing new in it
        assertThat(dialogs.shown).anyMatch(s -> s.startsWith("info: 导入测评表") && s.contains("已经导入过"));

        vm.select(branch("市委办机关第二党支部"));
        vm.importForm(form); // another branch's form
        assertThat(dialogs.shown).anyMatch(s -> s.startsWith("error table: 导入测评表"));
        assertThat(vm.assessmentProperty().get()).isNull(); // nothing was started for the second branch
    }

    @Test
    void aDirectRatingIsChosenWithItsReasonShownInTheListAndTakenBack() {
        vm.select(branch("市委办机关第一党支部"));
        dialogs.chooseAnswer = Optional.of(0); // the highest rating
        dialogs.textAnswer = Optional.of("获评区级以上先进基层党组织");

        vm.directRating();

        BranchRow rated = branch("市委办机关第一党支部");
        assertThat(rated.directlyRated()).isTrue();
        assertThat(rated.status()).isEqualTo(AcceptanceStatus.PASSED);
        assertThat(rated.rating()).isEqualTo(service.ratingNames().getFirst());
        assertThat(service.directRatings(year, year))
                .singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo("获评区级以上先进基层党组织"));

        vm.select(rated);
        dialogs.confirmAnswer = true;
        vm.directRating(); // on a branch rated directly: asks to take it back

        assertThat(service.directRatings(year, year)).isEmpty();
        assertThat(branch("市委办机关第一党支部").status()).isEqualTo(AcceptanceStatus.NOT_ASSESSED);
    }

    @Test
    void choosingCancelOrGivingNoReasonChangesNothing() {
        vm.select(branch("市委办机关第一党支部"));
        dialogs.chooseAnswer = Optional.of(service.ratingNames().size()); // 取消
        vm.directRating();
        dialogs.chooseAnswer = Optional.of(0);
        dialogs.textAnswer = Optional.of("  ");
        vm.directRating();

        assertThat(service.directRatings(year, year)).isEmpty();
        assertThat(dialogs.shown).anyMatch(s -> s.startsWith("error: 直接定级") && s.contains("理由"));
    }

    @Test
    void theNoticePeriodCanBeMovedButNotBeforeItsStart() {
        vm.roundProperty().set(Round.ACCEPTANCE);
        started("市委办机关第一党支部");
        answerAll();
        vm.finish();
        Assessment onNotice = stored();
        assertThat(onNotice.status()).isEqualTo(Assessment.Status.PUBLICITY);
        java.time.LocalDate later = onNotice.publicityEnd().plusDays(3);

        dialogs.textAnswer = Optional.of(later.toString());
        vm.editPublicityEnd();
        assertThat(stored().publicityEnd()).isEqualTo(later);

        dialogs.textAnswer = Optional.of(onNotice.publicityStart().minusDays(1).toString());
        vm.editPublicityEnd();
        dialogs.textAnswer = Optional.of("下周五");
        vm.editPublicityEnd();
        assertThat(stored().publicityEnd()).isEqualTo(later);
        assertThat(dialogs.shown).anyMatch(s -> s.contains("不能早于公示开始日期")).anyMatch(s -> s.contains("“下周五”不是日期"));
    }
}
