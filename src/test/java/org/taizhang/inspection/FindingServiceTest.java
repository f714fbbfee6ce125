package org.taizhang.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.DomainException;
import org.taizhang.core.Ids;
import org.taizhang.core.ValidationException;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingSource;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.InspectionSettings;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.Measure;
import org.taizhang.inspection.model.NumberFormat;
import org.taizhang.inspection.model.RectificationType;
import org.taizhang.inspection.model.Severity;
import org.taizhang.inspection.model.StepKind;
import org.taizhang.inspection.model.Timeline;
import org.taizhang.inspection.model.Verdict;
import org.taizhang.inspection.model.Warning;
import org.taizhang.inspection.model.WarningPolicy;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Unit;

/** A finding's life through the service, on a real database: each rule of 挂号反馈、整改销号 as a clerk meets it. */
class FindingServiceTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @TempDir
    Path dir;

    private Store store;
    private FindingService service;
    private Unit unit;
    private Unit otherUnit;

    @BeforeEach
    void open() {
        store = Store.openOrCreate(
                dir.resolve("t.db"),
                Clock.fixed(TODAY.atTime(10, 0).atZone(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault()));
        RegistryService registry = new RegistryService(store);
        registry.importSample(Progress.NONE);
        service = new FindingService(store, registry);
        store.designateHub(); // numbers are given on the hub only (a new database is a field device)
        unit = registry.load().units().get(0);
        otherUnit = registry.load().units().get(1);
        store.setOperator("王清");
        verifier(true);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void verifier(boolean yes) {
        InspectionSettings s = service.settings();
        service.saveSettings(new InspectionSettings(s.operator(), yes, s.hub(), s.numberFormat(), s.warnings()));
    }

    private void fieldLaptop() {
        InspectionSettings s = service.settings();
        service.saveSettings(new InspectionSettings(s.operator(), s.verifier(), false, s.numberFormat(), s.warnings()));
    }

    /** A finding as typed, not yet recorded. */
    private Finding recorded(String text, LocalDate on) {
        return Finding.recorded(
                Ids.newId(),
                null,
                null,
                unit.id(),
                null,
                "三会一课",
                text,
                "《支部工作条例》第九条",
                Severity.ORDINARY,
                RectificationType.DEADLINE,
                FindingSource.VISIT,
                null,
                on,
                null);
    }

    private Finding found(String text, LocalDate on) {
        return service.record(recorded(text, on));
    }

    private Path photo() throws IOException {
        Path p = dir.resolve("evidence-" + System.nanoTime() + ".txt");
        Files.writeString(p, "整改佐证 " + System.nanoTime());
        return p;
    }

    private FindingService.Notice notice(LocalDate deadline) {
        return new FindingService.Notice(deadline, "李副局长", "机关党委办公室", "赵敏", null);
    }

    @Test
    void aFindingGoesFromFoundToClosedAndEveryStepIsInItsTimeline() throws IOException {
        Finding f = found("支部委员会会议未按月召开", TODAY.minusDays(3));
        assertThat(service.timeline(f.id()).state()).isEqualTo(FindingState.PENDING);

        String number = service.register(f.id());
        assertThat(number).isEqualTo("督改〔2026〕0001号");
        service.notify(f.id(), notice(TODAY.plusDays(60)), TODAY);
        service.receipt(f.id(), TODAY.plusDays(1));
        service.progress(f.id(), "已制定年度计划，按月召开", null, List.of(photo()), TODAY.plusDays(20));
        service.requestClose(f.id(), "整改完成", TODAY.plusDays(30));
        service.close(f.id(), Verdict.GOOD, "经核查，已整改到位", TODAY.plusDays(35));

        Timeline t = service.timeline(f.id());
        assertThat(t.state()).isEqualTo(FindingState.CLOSED);
        assertThat(t.verifier()).isEqualTo("王清");
        assertThat(t.closedOn()).isEqualTo(TODAY.plusDays(35));
        assertThat(t.deadline()).isEqualTo(TODAY.plusDays(60));
        assertThat(t.leader()).isEqualTo("李副局长");
        assertThat(t.entries())
                .extracting(e -> e.step().kind())
                .containsExactly(
                        StepKind.FOUND,
                        StepKind.REGISTER,
                        StepKind.NOTIFY,
                        StepKind.RECEIPT,
                        StepKind.PROGRESS,
                        StepKind.REQUEST_CLOSE,
                        StepKind.CLOSE);
        assertThat(t.entries()).allMatch(Timeline.Entry::applied);
        assertThat(t.entries()).allMatch(e -> "王清".equals(e.step().operator()));
        assertThat(service.finding(f.id()).orElseThrow().number()).isEqualTo(number);
    }

    @Test
    void onlyTheAllowedStepsExistAndARefusalNamesTheState() {
        Finding f = found("党费收缴不及时", TODAY);
        assertThatThrownBy(() -> service.notify(f.id(), notice(TODAY.plusDays(30)), TODAY))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("inspection.error.notAllowed"));
        assertThatThrownBy(() -> service.close(f.id(), Verdict.GOOD, null, TODAY))
                .isInstanceOf(DomainException.class);
        assertThat(service.timeline(f.id()).entries()).hasSize(1);
    }

    @Test
    void numbersAreSequentialPerYearInTheOrderFoundAndNeverChange() {
        Finding late = found("后发现", TODAY.minusDays(1));
        Finding early = found("先发现", TODAY.minusDays(9));
        FindingService.Registered r = service.registerPending();
        assertThat(r.count()).isEqualTo(2);
        assertThat(r.first()).isEqualTo("督改〔2026〕0001号");
        assertThat(r.last()).isEqualTo("督改〔2026〕0002号");
        assertThat(service.finding(early.id()).orElseThrow().numberSeq()).isEqualTo(1);
        assertThat(service.finding(late.id()).orElseThrow().numberSeq()).isEqualTo(2);
        assertThat(service.registerPending().count()).isZero();
        assertThatThrownBy(() -> service.register(early.id())).isInstanceOf(DomainException.class);

        // a new format applies to numbers given from now on; those given stay as they were
        InspectionSettings s = service.settings();
        service.saveSettings(
                new InspectionSettings(s.operator(), true, true, new NumberFormat("机关督〔{year}〕{seq}号"), s.warnings()));
        Finding third = found("第三个", TODAY);
        assertThat(service.register(third.id())).isEqualTo("机关督〔2026〕3号");
        assertThat(service.finding(early.id()).orElseThrow().number()).isEqualTo("督改〔2026〕0001号");
    }

    @Test
    void aFieldLaptopRecordsFindingsButNeverNumbersThem() {
        fieldLaptop();
        Finding f = found("阵地建设不达标", TODAY);
        assertThatThrownBy(service::registerPending)
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("inspection.error.registerOnHub"));
        assertThat(service.finding(f.id()).orElseThrow().isNumbered()).isFalse();
    }

    @Test
    void onlyAVerifierClosesOrSendsBackAndClosingNeedsEvidence() throws IOException {
        Finding f = found("组织生活会质量不高", TODAY);
        service.register(f.id());
        service.notify(f.id(), notice(TODAY.plusDays(30)), TODAY);
        assertThatThrownBy(() -> service.requestClose(f.id(), null, TODAY))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("inspection.error.evidenceRequired"));
        service.progress(f.id(), "已重新召开", null, List.of(photo()), TODAY);
        service.requestClose(f.id(), null, TODAY);

        verifier(false);
        assertThatThrownBy(() -> service.close(f.id(), Verdict.GOOD, null, TODAY))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("inspection.error.notVerifier"));
        assertThatThrownBy(() -> service.reject(f.id(), "材料不全", TODAY)).isInstanceOf(DomainException.class);
        verifier(true);
        assertThatThrownBy(() -> service.close(f.id(), Verdict.POOR, null, TODAY))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("inspection.error.closeVerdict"));

        service.reject(f.id(), "会议记录缺少查摆问题内容", TODAY.plusDays(1));
        Timeline t = service.timeline(f.id());
        assertThat(t.state()).isEqualTo(FindingState.RECTIFYING);
        assertThat(t.lastRejection()).isEqualTo("会议记录缺少查摆问题内容");
        assertThat(t.closeRequestedOn()).isNull();

        service.requestClose(f.id(), null, List.of(photo()), TODAY.plusDays(5));
        service.rework(f.id(), Verdict.FAIR, "整改不彻底", TODAY.plusDays(40), TODAY.plusDays(6));
        t = service.timeline(f.id());
        assertThat(t.state()).isEqualTo(FindingState.RECTIFYING);
        assertThat(t.reworks()).isEqualTo(1);
        assertThat(t.deadline()).isEqualTo(TODAY.plusDays(40));
    }

    @Test
    void evidenceAttachedInTheRequestItselfIsEnoughToRequestClosing() throws IOException {
        Finding f = found("阵地建设不达标", TODAY);
        service.register(f.id());
        service.notify(f.id(), notice(TODAY.plusDays(30)), TODAY);

        service.requestClose(f.id(), "已整改", List.of(photo()), TODAY.plusDays(2));

        Timeline t = service.timeline(f.id());
        assertThat(t.state()).isEqualTo(FindingState.CLOSE_REQUESTED);
        assertThat(service.evidence(f.id()))
                .as("stored as the step's evidence, as 添加 would")
                .singleElement()
                .satisfies(e ->
                        assertThat(e.stepId()).isEqualTo(t.steps().getLast().id()));
    }

    @Test
    void afterASendBackANewRequestNeedsNewEvidenceOrProgress() throws IOException {
        Finding f = found("党费收缴台账不全", TODAY);
        service.register(f.id());
        service.notify(f.id(), notice(TODAY.plusDays(30)), TODAY);
        service.progress(f.id(), "已补齐台账", null, List.of(photo()), TODAY);
        service.requestClose(f.id(), null, TODAY.plusDays(1));
        service.reject(f.id(), "缺少1-3月收缴记录", TODAY.plusDays(2));

        // the same evidence, judged insufficient, is refused
        assertThatThrownBy(() -> service.requestClose(f.id(), null, TODAY.plusDays(3)))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("inspection.error.nothingNewSinceJudged"));
        assertThat(service.timeline(f.id()).state()).isEqualTo(FindingState.RECTIFYING);

        // evidence added afterwards (the ledger's 添加) counts
        service.attach(f.id(), null, photo());
        service.requestClose(f.id(), null, TODAY.plusDays(3));
        assertThat(service.timeline(f.id()).state()).isEqualTo(FindingState.CLOSE_REQUESTED);

        // after a 二次整改, a new progress report counts too
        service.rework(f.id(), Verdict.FAIR, "整改不彻底", TODAY.plusDays(40), TODAY.plusDays(4));
        assertThatThrownBy(() -> service.requestClose(f.id(), null, TODAY.plusDays(5)))
                .isInstanceOf(DomainException.class);
        service.progress(f.id(), "补充了1-3月记录", null, List.of(), TODAY.plusDays(6));
        service.requestClose(f.id(), null, TODAY.plusDays(6));
        assertThat(service.timeline(f.id()).state()).isEqualTo(FindingState.CLOSE_REQUESTED);
    }

    @Test
    void aBatchRefusesARequestAfterASendBackWithNothingNew() throws IOException {
        var file = service.storeEvidence(photo()); // stored outside the batch's transaction, as the sample does
        assertThatThrownBy(() -> service.batch(b -> {
                    Finding f = b.record(recorded("组织生活会流于形式", TODAY));
                    b.register(List.of(f.id()), TODAY);
                    b.notify(f.id(), notice(TODAY.plusDays(30)), TODAY);
                    b.progress(f.id(), "已重新召开", null, List.of(file), TODAY);
                    b.requestClose(f.id(), null, TODAY);
                    b.reject(f.id(), "会议记录不全", TODAY);
                    b.requestClose(f.id(), null, TODAY);
                    return f;
                }))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("inspection.error.nothingNewSinceJudged"));

        Finding kept = service.batch(b -> {
            Finding f = b.record(recorded("组织生活会流于形式", TODAY));
            b.register(List.of(f.id()), TODAY);
            b.notify(f.id(), notice(TODAY.plusDays(30)), TODAY);
            b.progress(f.id(), "已重新召开", null, List.of(file), TODAY);
            b.requestClose(f.id(), null, TODAY);
            b.reject(f.id(), "会议记录不全", TODAY);
            b.progress(f.id(), "已补齐会议记录", null, List.of(), TODAY);
            b.requestClose(f.id(), null, TODAY);
            return f;
        });
        assertThat(service.timeline(kept.id()).state()).isEqualTo(FindingState.CLOSE_REQUESTED);
    }

    @Test
    void aFindingIsDoneWhenItsMeasuresAre() throws IOException {
        Finding f = found("党员教育管理不规范", TODAY);
        service.register(f.id());
        service.notify(f.id(), notice(TODAY.plusDays(30)), TODAY);
        Measure m1 = new Measure(Ids.newId(), f.id(), "建立党员积分台账", "赵敏", TODAY.plusDays(10), null, 0);
        Measure m2 = new Measure(Ids.newId(), f.id(), "补齐学习记录", "钱亮", TODAY.plusDays(20), null, 1);
        service.saveMeasure(m1);
        service.saveMeasure(m2);
        service.progress(f.id(), "积分台账已建立", m1.id(), List.of(photo()), TODAY.plusDays(5));
        service.saveMeasure(m1.doneOn(TODAY.plusDays(5)));
        assertThatThrownBy(() -> service.requestClose(f.id(), null, TODAY.plusDays(6)))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("inspection.error.measuresOpen"));
        service.saveMeasure(m2.doneOn(TODAY.plusDays(7)));
        service.requestClose(f.id(), null, TODAY.plusDays(8));
        assertThat(service.timeline(f.id()).state()).isEqualTo(FindingState.CLOSE_REQUESTED);
    }

    @Test
    void anExtensionNeedsReasonAndApproverAndALaterDayAndStaysInTheTimeline() {
        Finding f = found("制度上墙不全", TODAY);
        service.register(f.id());
        service.notify(f.id(), notice(TODAY.plusDays(30)), TODAY);
        assertThatThrownBy(() -> service.extend(f.id(), TODAY.plusDays(60), " ", "刘书记", TODAY))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> service.extend(f.id(), TODAY.plusDays(20), "装修", "刘书记", TODAY))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("inspection.error.extensionNotLater"));
        service.extend(f.id(), TODAY.plusDays(60), "活动室装修未完工", "刘书记", TODAY.plusDays(2));
        Timeline t = service.timeline(f.id());
        assertThat(t.deadline()).isEqualTo(TODAY.plusDays(60));
        assertThat(t.firstDeadline()).isEqualTo(TODAY.plusDays(30));
        assertThat(t.extensions()).isEqualTo(1);
        assertThat(t.entries().getLast().step().approver()).isEqualTo("刘书记");
    }

    @Test
    void theLedgerWarnsFromTheDeadlineAndTodayAndTheSettings() {
        Finding overdue = found("逾期的问题", TODAY.minusDays(90));
        Finding soon = found("临期的问题", TODAY.minusDays(50));
        Finding waiting = found("待核查的问题", TODAY.minusDays(90));
        service.registerPending();
        service.notify(overdue.id(), notice(TODAY.minusDays(5)), TODAY.minusDays(60));
        service.notify(soon.id(), notice(TODAY.plusDays(7)), TODAY.minusDays(40));
        service.notify(waiting.id(), notice(TODAY.minusDays(5)), TODAY.minusDays(60));
        List<LedgerEntry> ledger = service.ledger();
        assertThat(warning(ledger, overdue)).isEqualTo(Warning.OVERDUE);
        assertThat(warning(ledger, soon)).isEqualTo(Warning.SOON);
        assertThat(ledger).extracting(e -> e.finding().numberSeq()).containsExactly(1, 2, 3);
        assertThat(ledger.getFirst().unitName()).isEqualTo(unit.name());

        // 寿光's practice: yellow only 3 days ahead
        InspectionSettings s = service.settings();
        service.saveSettings(
                new InspectionSettings(s.operator(), true, true, s.numberFormat(), new WarningPolicy(0, 3, 30)));
        assertThat(warning(service.ledger(), soon)).isEqualTo(Warning.NONE);
    }

    private static Warning warning(List<LedgerEntry> ledger, Finding f) {
        return ledger.stream()
                .filter(e -> e.id().equals(f.id()))
                .findFirst()
                .orElseThrow()
                .warning();
    }

    @Test
    void aRecordWithoutUnitOrDescriptionIsRefusedWithTheFieldsNamed() {
        assertThatThrownBy(() -> service.record(Finding.recorded(
                        Ids.newId(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        " ",
                        null,
                        null,
                        null,
                        FindingSource.VISIT,
                        null,
                        TODAY,
                        null)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.issues()).extracting(i -> i.field()).contains("unit", "description"));
        assertThat(service.ledger()).isEmpty();
    }

    @Test
    void mergingKeepsTheNumberedFindingAndBothTimelines() {
        Finding a = found("三会一课记录不全", TODAY);
        service.register(a.id());
        Finding b = found("三会一课记录不完整", TODAY);
        assertThatThrownBy(() -> service.merge(a.id(), b.id(), TODAY))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("inspection.error.mergeKeepNumber"));
        service.merge(b.id(), a.id(), TODAY);
        assertThat(service.timeline(b.id()).state()).isEqualTo(FindingState.MERGED);
        assertThat(service.finding(b.id()).orElseThrow().mergedInto()).isEqualTo(a.id());
        assertThat(service.mergedInto(a.id()))
                .containsKey(service.finding(b.id()).orElseThrow());
        assertThat(service.timeline(a.id()).state()).isEqualTo(FindingState.REGISTERED);
    }

    @Test
    void aRepeatPointsToAnEarlierClosedFindingOfTheSameUnit() throws IOException {
        Finding earlier = found("党费未按时收缴", TODAY.minusDays(200));
        service.register(earlier.id());
        Finding again = found("党费又未按时收缴", TODAY);
        assertThatThrownBy(() -> service.markRepeat(again.id(), earlier.id()))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("inspection.error.repeatNotClosed"));
        service.notify(earlier.id(), notice(TODAY.plusDays(1)), TODAY.minusDays(190));
        service.progress(earlier.id(), "已补缴", null, List.of(photo()), TODAY.minusDays(180));
        service.requestClose(earlier.id(), null, TODAY.minusDays(180));
        service.close(earlier.id(), Verdict.GOOD, null, TODAY.minusDays(170));
        service.markRepeat(again.id(), earlier.id());
        assertThat(service.finding(again.id()).orElseThrow().repeatOf()).isEqualTo(earlier.id());
        Finding elsewhere = service.record(Finding.recorded(
                Ids.newId(),
                null,
                null,
                otherUnit.id(),
                null,
                "党费",
                "别的单位",
                null,
                null,
                null,
                FindingSource.VISIT,
                null,
                TODAY,
                null));
        assertThatThrownBy(() -> service.markRepeat(elsewhere.id(), earlier.id()))
                .isInstanceOf(DomainException.class);
        Finding otherKind = service.record(Finding.recorded(
                Ids.newId(),
                null,
                null,
                unit.id(),
                null,
                "阵地建设",
                "活动室被挪用",
                null,
                null,
                null,
                FindingSource.VISIT,
                null,
                TODAY,
                null));
        assertThatThrownBy(() -> service.markRepeat(otherKind.id(), earlier.id()))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("inspection.error.repeatOtherCategory"));
    }

    @Test
    void aFindingWithAPhotoThatCannotBeReadIsNotWrittenAtAllAndCanBeSavedAgain() throws IOException {
        Finding f = recorded("党费收缴台账缺失", TODAY.minusDays(1));
        Path gone = dir.resolve("拔出的U盘").resolve("现场.jpg");

        assertThatThrownBy(() -> service.record(f, List.of(photo(), gone))).isInstanceOf(DomainException.class);
        assertThat(service.ledger()).as("nothing half-written").isEmpty();

        service.record(f, List.of(photo()));
        assertThat(service.ledger()).extracting(LedgerEntry::id).containsExactly(f.id());
        assertThat(service.evidence(f.id())).hasSize(1);
    }

    @Test
    void photosOfTheProblemAreNotEvidenceOfItsRectification() throws IOException {
        Finding f = service.record(recorded("活动室未挂党旗", TODAY.minusDays(3)), List.of(photo()));
        service.register(f.id());
        service.notify(f.id(), notice(TODAY.plusDays(30)), TODAY);

        assertThat(service.evidence(f.id()))
                .as("the photo is kept, on the 发现 step")
                .singleElement()
                .satisfies(e -> assertThat(
                                service.timeline(f.id()).steps().getFirst().id())
                        .isEqualTo(e.stepId()));
        assertThat(service.ledger().getFirst().evidenceCount()).isZero();
        assertThatThrownBy(() -> service.requestClose(f.id(), null, TODAY))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("inspection.error.evidenceRequired"));

        service.progress(f.id(), "已悬挂党旗", null, List.of(photo()), TODAY);
        assertThat(service.ledger().getFirst().evidenceCount()).isEqualTo(1);
        service.requestClose(f.id(), null, TODAY);
        assertThat(service.timeline(f.id()).state()).isEqualTo(FindingState.CLOSE_REQUESTED);
    }

    @Test
    void photosAddedWhileChangingTheRecordAreKeptWithTheChange() throws IOException {
        Finding f = found("活动室未挂党旗", TODAY.minusDays(3));

        service.edit(f, List.of(photo(), photo()));

        assertThat(service.evidence(f.id())).hasSize(2);
        assertThat(service.ledger().getFirst().evidenceCount()).isZero();
    }

    @Test
    void aClosedFindingsMeasuresCannotBeDeleted() throws IOException {
        Finding f = found("支部委员会会议未按月召开", TODAY.minusDays(3));
        service.register(f.id());
        service.notify(f.id(), notice(TODAY.plusDays(30)), TODAY);
        Measure m = new Measure(Ids.newId(), f.id(), "制定会议计划", "赵敏", TODAY.plusDays(10), null, 0);
        service.saveMeasure(m);
        service.saveMeasure(m.doneOn(TODAY));
        service.progress(f.id(), "已按月召开", null, List.of(photo()), TODAY);
        service.requestClose(f.id(), null, TODAY);
        service.close(f.id(), Verdict.GOOD, null, TODAY);

        assertThatThrownBy(() -> service.deleteMeasure(m.id()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("inspection.error.notOpen"));
        assertThat(service.measures(f.id())).extracting(Measure::id).containsExactly(m.id());
    }

    @Test
    void aFindingIsNotFoundAfterTodayAndItsStepsDoNotComeBeforeIt() {
        assertThatThrownBy(() -> service.record(recorded("党费收缴台账缺失", TODAY.plusYears(1))))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.issues())
                                .extracting(org.taizhang.core.Issue::messageKey)
                                .containsExactly("inspection.error.foundAfterToday"));
        assertThat(service.ledger()).isEmpty();

        Finding f = found("支部委员会会议未按月召开", TODAY.minusDays(3));
        service.register(f.id());
        assertThatThrownBy(() -> service.notify(f.id(), notice(TODAY.plusDays(30)), TODAY.minusDays(30)))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("inspection.error.stepBeforeFound"));
        assertThat(service.timeline(f.id()).state()).isEqualTo(FindingState.REGISTERED);
    }

    /**
     * The batch (the sample, benchmarks) and the service share {@link StepRules}: two rules the batch once lacked
     * (a step dated before the problem was found; 屡查屡犯 of another kind of problem) refuse it as they refuse the
     * service, and the batch writes nothing.
     */
    @Test
    void aBatchKeepsTheRulesOfTheSingleActions() throws IOException {
        var file = service.storeEvidence(photo());
        assertThatThrownBy(() -> service.batch(b -> {
                    Finding f = b.record(recorded("支部委员会会议未按月召开", TODAY.minusDays(3)));
                    b.register(List.of(f.id()), TODAY);
                    b.notify(f.id(), notice(TODAY.plusDays(30)), TODAY.minusDays(30));
                    return f;
                }))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("inspection.error.stepBeforeFound"));
        assertThatThrownBy(() -> service.batch(b -> {
                    Finding earlier = b.record(recorded("党费未按时收缴", TODAY.minusDays(200)));
                    b.register(List.of(earlier.id()), TODAY.minusDays(199));
                    b.notify(earlier.id(), notice(TODAY.minusDays(100)), TODAY.minusDays(190));
                    b.progress(earlier.id(), "已补缴", null, List.of(file), TODAY.minusDays(180));
                    b.requestClose(earlier.id(), null, TODAY.minusDays(180));
                    b.close(earlier.id(), Verdict.GOOD, null, TODAY.minusDays(170));
                    Finding otherKind = b.record(recorded("活动室被挪用", TODAY).toBuilder()
                            .category("阵地建设")
                            .build());
                    b.markRepeat(otherKind.id(), earlier.id());
                    return otherKind;
                }))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("inspection.error.repeatOtherCategory"));
        assertThat(service.ledger()).isEmpty();
    }

    /**
     * The ledger reads its steps beside its other queries: with every worker of the common pool busy (one on a two-core
     * PC; a test runner's shrinking held it while waiting for the ledger), it is still read, not blocked for ever.
     */
    @Test
    void theLedgerIsReadWhileTheCommonPoolIsBusy() throws Exception {
        service.record(recorded("支委会未按月召开", TODAY));
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ForkJoinPool pool = java.util.concurrent.ForkJoinPool.commonPool();
        java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(pool.getParallelism());
        List<java.util.concurrent.Future<?>> holders = new java.util.ArrayList<>();
        for (int i = 0; i < pool.getParallelism(); i++) {
            holders.add(pool.submit(() -> {
                busy.countDown();
                release.await();
                return null;
            }));
        }
        try {
            busy.await();
            List<org.taizhang.inspection.model.LedgerEntry> ledger =
                    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                            java.time.Duration.ofSeconds(20), service::ledger);
            assertThat(ledger).hasSize(1);
        } finally {
            release.countDown();
            for (var h : holders) {
                h.get();
            }
        }
    }
}
