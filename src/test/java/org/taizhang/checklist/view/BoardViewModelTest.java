package org.taizhang.checklist.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.checklist.AcceptanceBoard;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.checklist.model.AcceptanceStatus;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.core.ui.RecordingDialogs;
import org.taizhang.core.ui.TaskExecutor;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Community;
import org.taizhang.organization.model.Unit;

/** The 达标验收 board's view model on the sample (a year of assessments, two earlier years of results). */
class BoardViewModelTest {
    @TempDir
    static Path dir;

    private static Store store;
    private static ChecklistService service;
    private BoardViewModel vm;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final Messages messages = Messages.forLocale(Messages.CHINESE);

    @BeforeEach
    void open() {
        if (store == null) { // the sample takes seconds: one database for the class, only read here
            store = Store.openOrCreate(dir.resolve("t.db"));
            RegistryService registry = new RegistryService(store);
            registry.importSample(Progress.NONE);
            service = new ChecklistService(store, registry);
            service.importSample(service.today().getYear());
        }
        vm = new BoardViewModel(
                service, new TaskRunner(TaskExecutor.synchronous(), messages, dialogs), dialogs, messages);
        vm.loadCurrentYear(() -> {});
    }

    @org.junit.jupiter.api.AfterAll
    static void close() {
        store.close();
    }

    private AcceptanceBoard.Row total() {
        return vm.rows().getLast();
    }

    @Test
    void showsEveryCommunityThenTheTotalAndThreeYears() {
        assertThat(vm.isTotal(total())).isTrue();
        assertThat(vm.name(total())).isEqualTo("合计");
        assertThat(total().branches()).isEqualTo(307);
        int sum = vm.rows().stream()
                .filter(r -> !vm.isTotal(r))
                .mapToInt(AcceptanceBoard.Row::passed)
                .sum();
        assertThat(sum).isEqualTo(total().passed());
        assertThat(vm.trend())
                .extracting(BoardViewModel.YearRate::year)
                .containsExactly(
                        vm.yearProperty().get() - 2,
                        vm.yearProperty().get() - 1,
                        vm.yearProperty().get());
        // the sample's earlier years come from imported results: the plan shows from its first year
        assertThat(vm.trend().getFirst().total().accepted()).isPositive();
    }

    @Test
    void byUnitTheSameBranchesAddUpToTheSameTotal() {
        AcceptanceBoard.Row before = total();
        vm.byUnitProperty().set(true);

        List<AcceptanceBoard.Row> units =
                new ArrayList<>(vm.rows().subList(0, vm.rows().size() - 1));
        assertThat(units).allMatch(r -> vm.unitOf(r) != null);
        assertThat(units.stream().mapToInt(AcceptanceBoard.Row::branches).sum()).isEqualTo(before.branches());
        assertThat(units.stream().mapToInt(AcceptanceBoard.Row::passed).sum()).isEqualTo(before.passed());
        assertThat(vm.name(units.getFirst()))
                .isEqualTo(vm.unitOf(units.getFirst()).name());

        vm.byUnitProperty().set(false);
        assertThat(vm.rows()).noneMatch(r -> vm.unitOf(r) != null);
    }

    @Test
    void aNumberLeadsToItsBranchesOnTheScoringPage() {
        AssessmentsViewModel assessments = new AssessmentsViewModel(
                service,
                new RegistryService(store),
                new TaskRunner(TaskExecutor.synchronous(), messages, dialogs),
                dialogs,
                messages);
        assessments.loadCurrentYear(() -> {});
        AcceptanceBoard.Row first = vm.rows().getFirst();
        Community community = first.community();

        assessments.showOnly(community, null, AcceptanceStatus.PASSED);
        assertThat(assessments.shownBranches()).hasSize(first.passed());

        vm.byUnitProperty().set(true);
        AcceptanceBoard.Row unitRow = vm.rows().getFirst();
        Unit unit = vm.unitOf(unitRow);
        assessments.showOnly(null, unit, null);
        assertThat(assessments.shownBranches())
                .hasSize(unitRow.branches())
                .allMatch(b -> b.organization().unitId().equals(unit.id()));
    }

    @Test
    void ratingSharesAreTypedCheckedAndARatingOverItsShareIsNamed() {
        dialogs.textAnswer = Optional.of("五星 十");
        vm.editQuotas();
        assertThat(dialogs.shown).anyMatch(s -> s.startsWith("error: 等级比例") && s.contains("五星≤10%"));

        dialogs.textAnswer = Optional.of("五星≤0.1%；四星≤90%");
        vm.editQuotas();

        assertThat(vm.quotasText()).isEqualTo("五星≤0.1%；四星≤90%");
        // the sample has 五星 branches: far more than 0.1% of them
        assertThat(vm.excesses()).extracting(e -> e.rating()).containsExactly("五星");

        dialogs.textAnswer = Optional.of("");
        vm.editQuotas();
        assertThat(vm.excesses()).isEmpty();
        assertThat(service.quotas(vm.yearProperty().get())).isEmpty();
    }
}
