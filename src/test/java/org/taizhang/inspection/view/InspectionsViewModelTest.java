package org.taizhang.inspection.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
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
import org.taizhang.inspection.model.VisitMethod;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Unit;

/** 督查安排 on a real database, with no window: a round, its teams, units in scope, visits and photos. */
class InspectionsViewModelTest {
    @TempDir
    Path dir;

    private Store store;
    private InspectionsViewModel vm;
    private FindingService findings;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final Messages messages = Messages.forLocale(Messages.CHINESE);

    @BeforeEach
    void open() {
        store = Store.openOrCreate(dir.resolve("t.db"));
        RegistryService registry = new RegistryService(store);
        registry.importSample(Progress.NONE);
        findings = new FindingService(store, registry);
        store.designateHub(); // numbers are given on the hub only (a new database is a field device)
        vm = new InspectionsViewModel(
                new InspectionService(store),
                registry,
                new TaskRunner(TaskExecutor.synchronous(), messages, dialogs),
                dialogs,
                messages);
        vm.reload();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void typeRound(String title) {
        vm.page.startNew();
        vm.form.title.set(title);
        vm.form.kind.set("年中大督查");
        vm.form.year.set("2026");
        vm.form.startsOn.set("2026-06-01");
        vm.form.endsOn.set("2026-06-20");
    }

    @Test
    void aRoundsFieldAnotherDeviceGaveAnotherValueIsNamedInTheForm() {
        InspectionService service = new InspectionService(store);
        String id = org.taizhang.core.Ids.newId();
        service.save(new org.taizhang.inspection.model.Inspection(id, "2026年年中大督查", "年中大督查", 2026, null, null, null));
        try (Store laptop = Store.openOrCreate(dir.resolve("laptop.db"))) {
            laptop.applyChanges(store.exportChanges(r -> true));
            service.save(
                    new org.taizhang.inspection.model.Inspection(id, "2026年年中督查", "年中大督查", 2026, null, null, null));
            new InspectionService(laptop)
                    .save(new org.taizhang.inspection.model.Inspection(
                            id, "2026年上半年督查", "年中大督查", 2026, null, null, null));
            store.applyChanges(laptop.exportChanges(r -> true));
        }
        vm.reload();
        vm.page.select(
                vm.rounds.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow());

        assertThat(vm.page.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("督查名称");
            assertThat(List.of(c.before(), c.after())).containsExactlyInAnyOrder("2026年年中督查", "2026年上半年督查");
        });
    }

    @Test
    void teamsAreListedByTheirNumber() {
        InspectionService service = new InspectionService(store);
        org.taizhang.inspection.model.Inspection round = new org.taizhang.inspection.model.Inspection(
                org.taizhang.core.Ids.newId(), "2026年年中大督查", "年中大督查", 2026, null, null, null);
        service.save(round);
        for (String name : List.of("第一检查组", "第三检查组", "第二检查组")) {
            service.save(new org.taizhang.inspection.model.InspectionTeam(
                    org.taizhang.core.Ids.newId(), round.id(), name, null, null));
        }

        assertThat(service.teams(round.id()))
                .extracting(org.taizhang.inspection.model.InspectionTeam::name)
                .containsExactly("第一检查组", "第二检查组", "第三检查组");
    }

    @Test
    void theNewRoundFormStartsWithThisYearWrittenPlainly() {
        int year = new RegistryService(store).today().getYear();

        assertThat(vm.form.year.get()).isEqualTo(Integer.toString(year)).doesNotContain(",");
        assertThat(vm.form.kind.get()).isNotBlank();
    }

    @Test
    void aRoundIsSavedWithItsTeamsScopeAndVisits() throws Exception {
        typeRound("2026年年中大督查");
        vm.page.save();
        assertThat(vm.rounds).extracting(i -> i.title()).containsExactly("2026年年中大督查");
        assertThat(vm.page.selectedProperty().get().title()).isEqualTo("2026年年中大督查");

        vm.saveTeam(null, "第一检查组", "王清", "张三、李四");
        assertThat(vm.teams)
                .singleElement()
                .satisfies(t -> assertThat(t.members()).isEqualTo("张三、李四"));
        Unit unit = vm.units.getFirst();
        vm.putInScope(unit, vm.teams.getFirst());
        assertThat(vm.scope).singleElement().satisfies(r -> {
            assertThat(r.unit()).isEqualTo(unit);
            assertThat(r.team().name()).isEqualTo("第一检查组");
        });

        vm.saveVisit(
                null,
                unit,
                vm.teams.getFirst(),
                LocalDate.of(2026, 6, 3),
                EnumSet.of(VisitMethod.ASK, VisitMethod.SEE),
                "查阅会议记录");
        assertThat(vm.visits)
                .singleElement()
                .satisfies(v -> assertThat(vm.methods(v)).isEqualTo("问实情、看实地"));

        Path photo = dir.resolve("现场.txt");
        Files.writeString(photo, "现场照片");
        dialogs.fileToOpen = photo;
        vm.addPhoto(vm.visits.getFirst());
        assertThat(vm.photos)
                .singleElement()
                .satisfies(e -> assertThat(e.attachment().fileName()).isEqualTo("现场.txt"));

        vm.removeFromScope(vm.scope.getFirst());
        assertThat(vm.scope).isEmpty();
    }

    @Test
    void aRoundWithoutTitleIsNotSavedAndTheFieldIsNamed() {
        typeRound(" ");
        assertThat(vm.form.issues()).anySatisfy(i -> assertThat(i.field()).isEqualTo("title"));
        vm.form.endsOn.set("2026/13/45");
        assertThat(vm.form.issues()).anySatisfy(i -> assertThat(i.field()).isEqualTo("endsOn"));
        vm.form.title.set("巡学旁听");
        vm.form.endsOn.set("2026-05-01"); // before the start
        assertThat(vm.form.issues())
                .anySatisfy(i -> assertThat(i.messageKey()).isEqualTo("inspection.error.periodReversed"));
    }

    @Test
    void aTeamNeedsTheRoundSavedFirst() {
        typeRound("党建体检");
        vm.saveTeam(null, "第一组", null, null);
        assertThat(dialogs.shown).anySatisfy(s -> assertThat(s).contains("请先保存督查"));
    }

    @Test
    void aRoundItsFindingsComeFromIsNotDeleted() {
        typeRound("专项检查");
        vm.page.save();
        String roundId = vm.page.selectedProperty().get().id();
        findings.record(Finding.recorded(
                Ids.newId(),
                roundId,
                null,
                vm.units.getFirst().id(),
                null,
                "党费",
                "党费收缴不及时",
                null,
                null,
                null,
                FindingSource.VISIT,
                null,
                LocalDate.of(2026, 6, 2),
                null));
        vm.page.delete();
        assertThat(vm.rounds).hasSize(1);
        assertThat(dialogs.shown).anySatisfy(s -> assertThat(s).contains("1 个问题来自这次督查"));
    }
}
