package org.taizhang.inspection.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.Ids;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.core.ui.RecordingDialogs;
import org.taizhang.core.ui.TaskExecutor;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.InspectionService;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingSource;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.Inspection;
import org.taizhang.inspection.model.InspectionSettings;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.Measure;
import org.taizhang.inspection.model.RectificationType;
import org.taizhang.inspection.model.Severity;
import org.taizhang.inspection.model.StepKind;
import org.taizhang.inspection.model.Verdict;
import org.taizhang.inspection.sample.SampleFindings;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Unit;

/** The ledger page's view model on a real database (the sample registry, a fixed day), with no window. */
class LedgerViewModelTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @TempDir
    Path dir;

    private Store store;
    private FindingService service;
    private InspectionService inspections;
    private LedgerViewModel vm;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final Messages messages = Messages.forLocale(Messages.CHINESE);
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
        inspections = new InspectionService(store);
        store.setOperator("王清");
        verifier(true);
        unit = registry.load().units().get(0);
        otherUnit = registry.load().units().get(1);
        vm = new LedgerViewModel(
                service, inspections, new TaskRunner(TaskExecutor.synchronous(), messages, dialogs), dialogs, messages);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void verifier(boolean yes) {
        InspectionSettings s = service.settings();
        service.saveSettings(new InspectionSettings(s.operator(), yes, s.hub(), s.numberFormat(), s.warnings()));
    }

    private Finding found(Unit u, String category, String text, LocalDate on) {
        return service.record(Finding.recorded(
                Ids.newId(),
                null,
                null,
                u.id(),
                null,
                category,
                text,
                null,
                Severity.ORDINARY,
                RectificationType.DEADLINE,
                FindingSource.VISIT,
                null,
                on,
                null));
    }

    private Path file(String name) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "整改佐证 " + name);
        return p;
    }

    private LedgerEntry entry(Finding f) {
        return vm.entries().stream()
                .filter(e -> e.id().equals(f.id()))
                .findFirst()
                .orElseThrow();
    }

    private void choose(Finding f) {
        vm.select(entry(f));
    }

    /** Sent to the unit the day it was found, with the deadline given (already past or near, for the warnings). */
    private void notified(Finding f, LocalDate deadline) {
        service.register(f.id());
        service.notify(f.id(), new FindingService.Notice(deadline, "李副局长", "办公室", "赵敏", null), f.foundOn());
    }

    @Test
    void theLedgerCountsFindingsPerStateAndEachFilterNarrowsTheList() {
        Inspection round = new Inspection(Ids.newId(), "2026年中大督查", "年中大督查", 2026, TODAY, TODAY, null);
        inspections.save(round);
        Finding a = service.record(Finding.recorded(
                Ids.newId(),
                round.id(),
                null,
                unit.id(),
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
        Finding b = found(unit, "党费", "党费收缴台账不全", TODAY.minusDays(100));
        Finding c = found(otherUnit, "三会一课", "党课记录缺失", TODAY.minusDays(10));
        Finding d = found(otherUnit, "作风", "值班脱岗", TODAY.minusDays(5));
        notified(a, TODAY.minusDays(5)); // 逾期
        notified(b, TODAY.plusDays(3)); // 临期
        service.register(c.id());

        vm.load(() -> {});
        assertThat(vm.entries()).hasSize(4);
        assertThat(vm.filters().countsProperty().get())
                .containsEntry(FindingState.PENDING, 1)
                .containsEntry(FindingState.REGISTERED, 1)
                .containsEntry(FindingState.NOTIFIED, 2);
        // numbered first, 待挂号 last
        assertThat(vm.entries().getLast().id()).isEqualTo(d.id());
        assertThat(vm.numberOf(d)).isEqualTo("待挂号");

        vm.filters().stateFilterProperty().set(FindingState.NOTIFIED);
        assertThat(vm.filters().shown()).extracting(LedgerEntry::id).containsExactlyInAnyOrder(a.id(), b.id());
        vm.filters().stateFilterProperty().set(null);

        vm.filters().warningFilterProperty().set(LedgerFilter.WarningFilter.OVERDUE);
        assertThat(vm.filters().shown()).extracting(LedgerEntry::id).containsExactly(a.id());
        vm.filters().warningFilterProperty().set(LedgerFilter.WarningFilter.SOON);
        assertThat(vm.filters().shown()).extracting(LedgerEntry::id).containsExactly(b.id());
        vm.filters().warningFilterProperty().set(null);

        vm.filters().unitFilterProperty().set(otherUnit);
        assertThat(vm.filters().shown()).extracting(LedgerEntry::id).containsExactlyInAnyOrder(c.id(), d.id());
        // the counts follow the other filters, so a count clicked shows that many
        assertThat(vm.filters().countsProperty().get())
                .containsEntry(FindingState.PENDING, 1)
                .containsEntry(FindingState.REGISTERED, 1)
                .containsEntry(FindingState.NOTIFIED, 0);
        vm.filters().unitFilterProperty().set(null);

        vm.filters().categoryFilterProperty().set("三会一课");
        assertThat(vm.filters().shown()).extracting(LedgerEntry::id).containsExactlyInAnyOrder(a.id(), c.id());
        vm.filters().categoryFilterProperty().set(null);

        vm.filters().roundFilterProperty().set(vm.filters().rounds().getFirst());
        assertThat(vm.filters().shown()).extracting(LedgerEntry::id).containsExactly(a.id());
        vm.filters().roundFilterProperty().set(null);

        vm.filters().foundFromProperty().set(TODAY.minusDays(20));
        assertThat(vm.filters().shown()).extracting(LedgerEntry::id).containsExactlyInAnyOrder(c.id(), d.id());
        vm.filters().foundToProperty().set(TODAY.minusDays(8));
        assertThat(vm.filters().shown()).extracting(LedgerEntry::id).containsExactly(c.id());
        vm.filters().clear();
        assertThat(vm.filters().shown()).hasSize(4);

        vm.filters().searchProperty().set("党费");
        assertThat(vm.filters().shown()).extracting(LedgerEntry::id).containsExactly(b.id());
        vm.filters().searchProperty().set(entry(a).finding().number());
        assertThat(vm.filters().shown()).extracting(LedgerEntry::id).containsExactly(a.id());
        vm.filters().searchProperty().set("赵敏"); // the person responsible
        assertThat(vm.filters().shown()).extracting(LedgerEntry::id).containsExactlyInAnyOrder(a.id(), b.id());
        vm.filters().searchProperty().set(org.taizhang.core.text.Pinyin.initials(otherUnit.name()));
        assertThat(vm.filters().shown()).extracting(LedgerEntry::id).contains(c.id(), d.id());
    }

    @Test
    void eachStateOffersOnlyTheStepsItsLifeCycleAllows() {
        Finding f = found(unit, "三会一课", "组织生活会未开展批评与自我批评", TODAY.minusDays(3));
        vm.load(() -> {});
        choose(f);
        assertThat(vm.steps().actions()).containsExactly(StepKind.REGISTER, StepKind.NOTE);

        vm.steps().register();
        assertThat(vm.selectedProperty().get().state()).isEqualTo(FindingState.REGISTERED);
        assertThat(vm.steps().actions()).containsExactly(StepKind.NOTIFY, StepKind.NOTE);

        // 交办: the deadline proposed from the rectification type, the day today
        ActionForm notice = vm.steps().actionForm(StepKind.NOTIFY);
        assertThat(notice.deadline.get()).isEqualTo(TODAY.plusDays(60).toString());
        assertThat(notice.on.get()).isEqualTo(TODAY.toString());
        notice.leader.set("李副局长");
        notice.person.set("赵敏");
        vm.steps().submit(notice, () -> {});
        assertThat(vm.selectedProperty().get().state()).isEqualTo(FindingState.NOTIFIED);
        assertThat(vm.steps().actions())
                .containsExactly(
                        StepKind.RECEIPT,
                        StepKind.PROGRESS,
                        StepKind.REQUEST_CLOSE,
                        StepKind.EXTEND,
                        StepKind.ESCALATE,
                        StepKind.NOTE);

        vm.steps().submit(vm.steps().actionForm(StepKind.RECEIPT), () -> {});
        assertThat(vm.selectedProperty().get().state()).isEqualTo(FindingState.RECTIFYING);
        assertThat(vm.steps().actions()).doesNotContain(StepKind.RECEIPT).contains(StepKind.PROGRESS);

        assertThat(dialogs.shown).noneMatch(s -> s.startsWith("error"));
        assertThat(vm.detail().timeline())
                .extracting(FindingDetailModel.TimelineRow::kind)
                .containsExactly("发现", "挂号", "交办", "签收");
        assertThat(vm.detail().timeline().get(2).text()).contains("时限 " + TODAY.plusDays(60), "责任领导 李副局长", "责任人 赵敏");
        assertThat(vm.detail().timeline()).allMatch(r -> r.operator().equals("王清") && r.applied());
    }

    @Test
    void aFormSaysWhatIsMissingBeforeAnythingIsSent() {
        Finding f = found(unit, "三会一课", "支部委员会会议未按月召开", TODAY.minusDays(3));
        notified(f, TODAY.plusDays(30));
        vm.load(() -> {});
        choose(f);

        ActionForm progress = vm.steps().actionForm(StepKind.PROGRESS);
        assertThat(progress.issues())
                .extracting(i -> i.messageKey())
                .containsExactly("inspection.error.progressRequired");
        progress.on.set("六月");
        assertThat(progress.issues())
                .extracting(i -> messages.get(i.messageKey(), i.args()))
                .contains("“六月”不是日期，请写成 2026-06-15 这样。");

        ActionForm extend = vm.steps().actionForm(StepKind.EXTEND);
        extend.deadline.set(TODAY.plusDays(10).toString()); // earlier than the deadline in force
        extend.text.set("汛期任务重");
        extend.approver.set("李书记");
        assertThat(extend.hasErrorsProperty().get()).isTrue();
        assertThat(extend.issues()).extracting(i -> i.messageKey()).contains("inspection.error.extensionNotLater");
        extend.deadline.set(TODAY.plusDays(60).toString());
        assertThat(extend.hasErrorsProperty().get()).isFalse();
        vm.steps().submit(extend, () -> {});
        assertThat(vm.selectedProperty().get().timeline().deadline()).isEqualTo(TODAY.plusDays(60));
    }

    @Test
    void aRefusalOfTheServiceIsShownInWordsAndNothingChanges() throws IOException {
        Finding f = found(unit, "三会一课", "支部委员会会议未按月召开", TODAY.minusDays(3));
        notified(f, TODAY.plusDays(30));
        vm.load(() -> {});
        choose(f);

        // 申请销号 without any evidence: refused
        boolean[] closed = {false};
        vm.steps().submit(vm.steps().actionForm(StepKind.REQUEST_CLOSE), () -> closed[0] = true);
        assertThat(closed[0]).isFalse();
        assertThat(dialogs.shown).containsExactly("error: 申请销号: 申请销号至少需要一份佐证材料：请在申请表中附上照片或文件，或先在整改进展中添加。");
        assertThat(vm.selectedProperty().get().state()).isEqualTo(FindingState.NOTIFIED);

        ActionForm progress = vm.steps().actionForm(StepKind.PROGRESS);
        progress.text.set("已制定计划，按月召开");
        progress.evidence.add(file("会议记录.txt"));
        vm.steps().submit(progress, () -> {});
        assertThat(vm.detail().evidence())
                .extracting(e -> e.attachment().fileName())
                .containsExactly("会议记录.txt");
        vm.steps().submit(vm.steps().actionForm(StepKind.REQUEST_CLOSE), () -> {});
        assertThat(vm.selectedProperty().get().state()).isEqualTo(FindingState.CLOSE_REQUESTED);

        // only a verifier closes
        verifier(false);
        vm.reload();
        assertThat(vm.steps().blockedReason(StepKind.CLOSE))
                .as("said before the form is filled")
                .hasValue("只有核查人可以销号、退回或要求二次整改；当前操作人“王清”不是核查人（在“设置”中指定）。");
        assertThat(vm.steps().blockedReason(StepKind.NOTE)).isEmpty();
        ActionForm close = vm.steps().actionForm(StepKind.CLOSE);
        assertThat(close.verdictChoices).containsExactly(Verdict.GOOD, Verdict.FAIRLY_GOOD);
        close.verdict.set(Verdict.GOOD);
        vm.steps().submit(close, () -> {});
        assertThat(dialogs.shown.getLast()).isEqualTo("error: 销号: 只有核查人可以销号或退回。当前操作人“王清”不是核查人：请在“设置”中指定。");
        assertThat(vm.selectedProperty().get().state()).isEqualTo(FindingState.CLOSE_REQUESTED);

        verifier(true);
        vm.reload();
        ActionForm reject = vm.steps().actionForm(StepKind.REJECT);
        assertThat(reject.issues()).extracting(i -> i.messageKey()).containsExactly("inspection.error.reasonRequired");
        reject.text.set("会议记录不完整");
        vm.steps().submit(reject, () -> {});
        assertThat(vm.selectedProperty().get().state()).isEqualTo(FindingState.RECTIFYING);
        assertThat(vm.selectedProperty().get().timeline().lastRejection()).isEqualTo("会议记录不完整");
    }

    @Test
    void registerAllNumbersEveryPendingFindingAndSaysWhichNumbers() {
        found(unit, "三会一课", "问题一", TODAY.minusDays(3));
        found(unit, "党费", "问题二", TODAY.minusDays(2));
        found(otherUnit, "作风", "问题三", TODAY.minusDays(1));
        vm.load(() -> {});

        vm.steps().registerAll();
        assertThat(dialogs.shown)
                .containsExactly("confirm: 全部挂号", "info: 全部挂号: 已挂号 3 条，编号 督改〔2026〕0001号 至 督改〔2026〕0003号。");
        assertThat(vm.filters().countsProperty().get())
                .containsEntry(FindingState.REGISTERED, 3)
                .containsEntry(FindingState.PENDING, 0);

        dialogs.shown.clear();
        vm.steps().registerAll();
        assertThat(dialogs.shown).containsExactly("info: 全部挂号: 没有待挂号的问题。");
    }

    @Test
    void aUnitsRegisteredFindingsGoOutWithOneNotice() {
        Finding a = found(unit, "三会一课", "问题一", TODAY.minusDays(3));
        Finding b = found(unit, "党费", "问题二", TODAY.minusDays(2));
        Finding c = found(otherUnit, "作风", "问题三", TODAY.minusDays(1));
        service.registerPending();
        vm.load(() -> {});
        vm.filters().unitFilterProperty().set(unit);

        ActionForm notice = vm.steps().notifyUnitForm();
        assertThat(notice.unit.get()).isEqualTo(unit);
        assertThat(notice.unitChoices).contains(unit, otherUnit);
        assertThat(vm.steps().registeredOf(unit)).isEqualTo(2);
        assertThat(notice.deadline.get()).isEqualTo(TODAY.plusDays(60).toString());
        vm.steps().submit(notice, () -> {});

        assertThat(dialogs.shown.getLast()).isEqualTo("info: 向单位交办…: 已向" + unit.name() + "交办 2 条问题。");
        assertThat(service.timeline(a.id()).state()).isEqualTo(FindingState.NOTIFIED);
        assertThat(service.timeline(b.id()).state()).isEqualTo(FindingState.NOTIFIED);
        assertThat(service.timeline(c.id()).state()).isEqualTo(FindingState.REGISTERED);
    }

    @Test
    void aNewFindingIsCheckedAsTypedAndTheNextOneKeepsTheVisit() throws IOException {
        vm.load(() -> {});
        FindingFormModel f = vm.newFinding();
        assertThat(f.categoryChoices).containsExactlyElementsOf(FindingService.COMMON_CATEGORIES);
        assertThat(f.foundOn.get()).isEqualTo(TODAY.toString());
        assertThat(f.hasErrorsProperty().get()).isTrue();
        f.unit.set(unit);
        assertThat(f.organizationChoices.getFirst()).isNull(); // the unit as a whole
        assertThat(f.organizationChoices).hasSizeGreaterThan(1);
        f.organization.set(f.organizationChoices.get(1));
        f.category.set("三会一课");
        f.description.set("");
        assertThat(f.issues()).extracting(i -> i.messageKey()).containsExactly("inspection.error.descriptionRequired");
        f.description.set("支部委员会会议未按月召开");
        f.photos.add(file("现场.jpg.txt"));
        assertThat(f.hasErrorsProperty().get()).isFalse();

        vm.saveFinding(true, () -> {});
        assertThat(vm.entries()).hasSize(1);
        LedgerEntry saved = vm.selectedProperty().get();
        assertThat(saved.state()).isEqualTo(FindingState.PENDING);
        // the photo is kept with the finding, as a photo of the problem: not evidence of its rectification
        assertThat(service.evidence(saved.id())).hasSize(1);
        assertThat(saved.evidenceCount()).isZero();
        assertThat(saved.organizationName()).isNotNull();
        // the next finding of the same visit: the unit and day kept, the text empty
        assertThat(f.unit.get()).isEqualTo(unit);
        assertThat(f.description.get()).isEmpty();
        assertThat(f.organization.get()).isNull();
        assertThat(f.read().id()).isNotEqualTo(saved.id());
    }

    @Test
    void measuresAreAddedMarkedDoneAndNamedInTheTimeline() {
        Finding f = found(unit, "三会一课", "支部委员会会议未按月召开", TODAY.minusDays(3));
        notified(f, TODAY.plusDays(30));
        vm.load(() -> {});
        choose(f);

        MeasureForm m = vm.detail().measureForm(null);
        m.text.set("制定年度会议计划");
        m.owner.set("赵敏");
        m.deadline.set(TODAY.plusDays(10).toString());
        vm.detail().saveMeasure(m, () -> {});
        assertThat(vm.detail().measures()).extracting(Measure::text).containsExactly("制定年度会议计划");
        Measure measure = vm.detail().measures().getFirst();
        assertThat(measure.isDone()).isFalse();

        ActionForm progress = vm.steps().actionForm(StepKind.PROGRESS);
        assertThat(progress.measureChoices).containsExactly(measure);
        progress.measure.set(measure);
        progress.text.set("计划已印发");
        vm.steps().submit(progress, () -> {});
        assertThat(vm.detail().timeline().getLast().text()).isEqualTo("措施：制定年度会议计划；计划已印发");

        vm.detail().toggleDone(vm.detail().measures().getFirst());
        assertThat(vm.detail().measures().getFirst().doneOn()).isEqualTo(TODAY);
        assertThat(vm.selectedProperty().get().measuresDone()).isTrue();
        assertThat(dialogs.shown).noneMatch(s -> s.startsWith("error"));
    }

    @Test
    void aMergedFindingsStepsAreShownUnderTheOneThatCarriesItOn() {
        Finding kept = found(unit, "三会一课", "支部委员会会议未按月召开", TODAY.minusDays(3));
        Finding twin = found(unit, "三会一课", "支委会未按月开", TODAY.minusDays(3));
        service.register(kept.id());
        service.note(twin.id(), "另一检查组记录", TODAY.minusDays(2));
        service.merge(twin.id(), kept.id(), TODAY);
        vm.load(() -> {});
        choose(kept);

        assertThat(vm.detail().timeline())
                .filteredOn(r -> r.mergedFrom() != null)
                .extracting(FindingDetailModel.TimelineRow::kind)
                .containsExactly("发现", "备注", "合并");
        assertThat(vm.detail().timeline())
                .filteredOn(r -> r.mergedFrom() != null)
                .allMatch(r -> r.mergedFrom().equals("待挂号"));
        // a merged finding offers nothing more
        vm.select(entry(twin));
        assertThat(vm.steps().actions()).containsExactly(StepKind.NOTE);
        assertThat(List.of(entry(twin).state())).containsExactly(FindingState.MERGED);
    }

    @Test
    void aChangedMeasureKeepsItsPlaceInTheList() {
        Finding f = found(unit, "三会一课", "支部委员会会议未按月召开", TODAY.minusDays(3));
        notified(f, TODAY.plusDays(30));
        vm.load(() -> {});
        choose(f);
        for (String text : List.of("制定年度会议计划", "建立会议记录本", "支部书记讲党课")) {
            MeasureForm m = vm.detail().measureForm(null);
            m.text.set(text);
            vm.detail().saveMeasure(m, () -> {});
        }

        MeasureForm first = vm.detail().measureForm(vm.detail().measures().getFirst());
        first.owner.set("赵敏");
        vm.detail().saveMeasure(first, () -> {});

        assertThat(vm.detail().measures()).extracting(Measure::text).containsExactly("制定年度会议计划", "建立会议记录本", "支部书记讲党课");
        assertThat(vm.detail().measures().getFirst().owner()).isEqualTo("赵敏");
    }

    /**
     * Stored attachments are named by their hash, without an extension: Windows then asks which program should
     * open them. What is handed to the opener is a copy named as the file was added, outside the data folder.
     */
    @Test
    void evidenceOpensAsACopyNamedAsItWasAddedWithItsExtension() throws IOException {
        Finding f = found(unit, "三会一课", "支部委员会会议未按月召开", TODAY.minusDays(3));
        notified(f, TODAY.plusDays(30));
        vm.load(() -> {});
        choose(f);
        byte[] png = png();
        Path photo = Files.write(dir.resolve("整改后照片.png"), png);
        // a phone app's export without an extension: the copy gets the one its content has
        Path bare = Files.write(dir.resolve("IMG_0001"), png());
        ActionForm progress = vm.steps().actionForm(StepKind.PROGRESS);
        progress.text.set("已整改");
        progress.evidence.addAll(List.of(file("会议记录.docx"), photo, bare));
        vm.steps().submit(progress, () -> {});

        try {
            for (FindingService.Evidence e : vm.detail().evidence()) {
                vm.detail().openEvidence(e);
            }

            assertThat(dialogs.opened)
                    .extracting(p -> p.getFileName().toString())
                    .containsExactlyInAnyOrder("会议记录.docx", "整改后照片.png", "IMG_0001.png");
            assertThat(dialogs.opened).noneMatch(p -> p.startsWith(dir));
            Path openedPhoto = dialogs.opened.stream()
                    .filter(p -> p.endsWith("整改后照片.png"))
                    .findFirst()
                    .orElseThrow();
            assertThat(Files.readAllBytes(openedPhoto)).isEqualTo(png);
            assertThat(dialogs.opened.stream().filter(p -> p.endsWith("会议记录.docx")))
                    .singleElement()
                    .satisfies(p -> assertThat(Files.readString(p)).isEqualTo("整改佐证 会议记录.docx"));
        } finally {
            for (Path p : dialogs.opened) {
                Files.deleteIfExists(p);
                Files.deleteIfExists(p.getParent());
            }
        }
    }

    private static int pngs;

    /** A small real PNG, different each call (the store keeps one copy of identical bytes). */
    private static byte[] png() throws IOException {
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, ++pngs);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void photosAddedWhileChangingARecordAreKept() throws IOException {
        Finding f = found(unit, "阵地建设", "活动室未悬挂党旗", TODAY.minusDays(3));
        vm.load(() -> {});
        choose(f);

        FindingFormModel form = vm.editFinding();
        form.description.set("活动室未悬挂党旗、入党誓词");
        form.photos.add(file("现场.jpg.txt"));
        vm.saveFinding(false, () -> {});

        assertThat(service.evidence(f.id())).hasSize(1);
        assertThat(vm.selectedProperty().get().finding().description()).isEqualTo("活动室未悬挂党旗、入党誓词");
        assertThat(dialogs.shown).noneMatch(s -> s.startsWith("error"));
    }

    @Test
    void aStepIsDatedTodayOrEarlierAndNotBeforeTheProblemWasFound() {
        Finding f = found(unit, "三会一课", "支部委员会会议未按月召开", TODAY.minusDays(3));
        notified(f, TODAY.plusDays(30));
        vm.load(() -> {});
        choose(f);
        ActionForm progress = vm.steps().actionForm(StepKind.PROGRESS);
        progress.text.set("已制定年度会议计划");

        progress.on.set(TODAY.plusDays(1).toString());
        assertThat(progress.issues())
                .extracting(i -> messages.get(i.messageKey(), i.args()))
                .containsExactly("日期 " + TODAY.plusDays(1) + " 晚于今天。");
        progress.on.set(TODAY.minusDays(4).toString());
        assertThat(progress.issues())
                .extracting(i -> messages.get(i.messageKey(), i.args()))
                .containsExactly("日期 " + TODAY.minusDays(4) + " 早于问题的发现日期 " + TODAY.minusDays(3) + "。");
        progress.on.set(TODAY.minusDays(3).toString());
        assertThat(progress.hasErrorsProperty().get()).isFalse();
    }

    @Test
    void aProblemCannotBeFoundAfterToday() {
        FindingFormModel form = vm.newFinding();
        form.unit.set(unit);
        form.description.set("党费收缴台账缺失");
        form.foundOn.set(TODAY.plusYears(1).toString()); // 2027 typed for 2026

        assertThat(form.issues())
                .extracting(i -> messages.get(i.messageKey(), i.args()))
                .contains("发现日期 " + TODAY.plusYears(1) + " 晚于今天。");
        form.foundOn.set(TODAY.toString());
        assertThat(form.issues()).noneMatch(i -> "foundOn".equals(i.field()));
    }

    @Test
    void theFooterAndTheStateButtonsCountTheSameRowsOnTheSampleData() {
        SampleFindings.importInto(store, new RegistryService(store));
        vm.load(() -> {});

        assertFooterAgreesWithButtons();
        vm.filters()
                .categoryFilterProperty()
                .set(vm.entries().getFirst().finding().category());
        assertFooterAgreesWithButtons();
        // a state chosen narrows the table, not the figures the buttons and the footer share
        vm.filters().stateFilterProperty().set(FindingState.RECTIFYING);
        assertFooterAgreesWithButtons();
    }

    /** Each group the footer names is the sum of the state buttons it is made of. */
    private void assertFooterAgreesWithButtons() {
        Map<FindingState, Integer> c = vm.filters().countsProperty().get();
        int all = c.values().stream().mapToInt(Integer::intValue).sum();
        int notified =
                c.get(FindingState.NOTIFIED) + c.get(FindingState.RECTIFYING) + c.get(FindingState.CLOSE_REQUESTED);
        int notYet = c.get(FindingState.PENDING) + c.get(FindingState.REGISTERED);
        assertThat(notified).isPositive();
        assertThat(vm.filters().figures())
                .startsWith("发现 " + all + "，已销号 " + c.get(FindingState.CLOSED) + "，交办未销号 " + notified
                        + "（已交办 " + c.get(FindingState.NOTIFIED) + "、整改中 " + c.get(FindingState.RECTIFYING)
                        + "、待核查 " + c.get(FindingState.CLOSE_REQUESTED) + "），未交办 " + notYet + "，");
    }
}
