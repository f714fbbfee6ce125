package org.taizhang.organization.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.HistoryEntry;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.core.ui.HistoryText;
import org.taizhang.core.ui.RecordingDialogs;
import org.taizhang.core.ui.TaskExecutor;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;
import org.taizhang.organization.view.RegistryFilter.Scope;

/** The registry's view model on a real database with the sample data, with no window: tasks run in place. */
class RegistryViewModelTest {
    private static final String OFFICE = "中共江海市委办公室";

    @TempDir
    Path dir;

    private Store store;
    private RegistryService service;
    private RegistryViewModel vm;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final Messages messages = Messages.forLocale(Messages.CHINESE);

    @BeforeEach
    void open() {
        store = Store.openOrCreate(dir.resolve("t.db"));
        service = new RegistryService(store);
        service.importSample(Progress.NONE);
        vm = new RegistryViewModel(
                service, new TaskRunner(TaskExecutor.synchronous(), messages, dialogs), dialogs, messages);
        vm.reload(() -> {});
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Registry registry() {
        return vm.registryProperty().get();
    }

    private Organization named(String name) {
        return registry().organizations().stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private Unit office() {
        return registry().unitNamed(OFFICE).orElseThrow();
    }

    @Test
    void aFieldAnotherDeviceGaveAnotherValueIsNamedInTheFormAndASaveKeepsTheOtherValue() {
        String id = named("市委办机关第一党支部").id();
        try (Store laptop = Store.openOrCreate(dir.resolve("laptop.db"))) {
            laptop.applyChanges(store.exportChanges(r -> true));
            vm.organizations.select(named("市委办机关第一党支部"));
            vm.form.secretary.set("马兵德");
            vm.organizations.save();
            laptop.write(ctx -> {
                var row = ctx.selectFrom(org.taizhang.core.store.schema.Tables.ORGANIZATION)
                        .where(org.taizhang.core.store.schema.Tables.ORGANIZATION.ID.eq(id))
                        .fetchOne();
                row.setSecretary("孙晶娟");
                return laptop.tracked(ctx).save(row);
            });
            store.applyChanges(laptop.exportChanges(r -> true));
        }
        vm.reload(() -> {});
        vm.organizations.select(named("市委办机关第一党支部"));

        assertThat(vm.organizations.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("书记");
            assertThat(java.util.List.of(c.before(), c.after())).containsExactlyInAnyOrder("马兵德", "孙晶娟");
        });
        // an ordinary edit of another field keeps the other value: only 待处理 settles it
        vm.form.contactPerson.set("赵敏");
        vm.organizations.save();
        vm.organizations.select(named("市委办机关第一党支部"));
        assertThat(vm.organizations.conflicts()).hasSize(1);
    }

    @Test
    void choosingAnotherRowWithUnsavedEditsAsksAndCancelKeepsThem() {
        vm.organizations.select(named("市委办机关第一党支部"));
        vm.form.secretary.set("马兵德");
        dialogs.chooseAnswer = Optional.of(2); // 取消

        vm.organizations.select(named("市委办机关第二党支部"));

        assertThat(dialogs.shown).anyMatch(s -> s.startsWith("choose: “市委办机关第一党支部”有未保存的修改"));
        assertThat(vm.form.name.get()).isEqualTo("市委办机关第一党支部");
        assertThat(vm.form.secretary.get()).isEqualTo("马兵德");
    }

    @Test
    void saveInTheQuestionSavesThenMovesOn() {
        vm.organizations.select(named("市委办机关第一党支部"));
        vm.form.secretary.set("马兵德");
        dialogs.chooseAnswer = Optional.of(0); // 保存

        vm.organizations.select(named("市委办机关第二党支部"));

        assertThat(named("市委办机关第一党支部").secretary()).isEqualTo("马兵德");
        assertThat(vm.form.name.get()).isEqualTo("市委办机关第二党支部");
        assertThat(vm.form.isDirty()).isFalse();
    }

    @Test
    void discardThrowsTheEditsAwayAndMovesOn() {
        vm.organizations.select(named("市委办机关第一党支部"));
        vm.form.secretary.set("马兵德");
        dialogs.chooseAnswer = Optional.of(1); // 放弃

        vm.organizations.select(named("市委办机关第二党支部"));

        assertThat(named("市委办机关第一党支部").secretary()).isEqualTo("吕洪");
        assertThat(vm.form.name.get()).isEqualTo("市委办机关第二党支部");
    }

    @Test
    void anUnsavedNewOrganizationIsNotDroppedByClickingARow() {
        vm.scope.set(new Scope(Scope.Type.UNIT, office().id()));
        vm.newOrganization();
        vm.form.name.set("测试新建党支部");
        dialogs.chooseAnswer = Optional.of(2);

        vm.organizations.select(named("市委办机关第二党支部"));

        assertThat(vm.form.name.get()).isEqualTo("测试新建党支部");
        assertThat(vm.form.isNewProperty().get()).isTrue();
    }

    @Test
    void savingAUnitReloadsButKeepsTheOrganizationFormsEdits() {
        vm.organizations.select(named("市委办机关第一党支部"));
        vm.form.secretary.set("马兵德");
        vm.units.select(office());
        vm.unitForm.contactPerson.set("新联系人");

        vm.units.save();

        assertThat(registry().unitNamed(OFFICE).orElseThrow().contactPerson()).isEqualTo("新联系人");
        assertThat(vm.form.secretary.get()).isEqualTo("马兵德");
        assertThat(vm.form.isDirty()).isTrue();
    }

    @Test
    void refreshAsksBeforeItReplacesUnsavedEdits() {
        vm.organizations.select(named("市委办机关第一党支部"));
        vm.form.secretary.set("马兵德");
        dialogs.chooseAnswer = Optional.empty(); // the question closed: nothing happens

        vm.refresh();

        assertThat(dialogs.shown).anyMatch(s -> s.startsWith("choose:"));
        assertThat(vm.form.secretary.get()).isEqualTo("马兵德");
    }

    @Test
    void aDeletedOrganizationStaysReadOnlyUntilRestoredExplicitly() {
        Organization branch = named("市委办机关第一党支部");
        vm.organizations.select(branch);

        vm.organizations.delete();

        assertThat(registry().organization(branch.id())).isEmpty();
        assertThat(vm.form.deletedProperty().get()).isTrue();
        vm.form.secretary.set("新书记"); // the form is read-only on screen; even so, 保存 does nothing
        vm.organizations.save();
        assertThat(service.load().organization(branch.id())).isEmpty();

        vm.form.discard();
        vm.organizations.restore();

        assertThat(registry().organization(branch.id())).contains(branch);
        assertThat(vm.form.deletedProperty().get()).isFalse();
        assertThat(service.historyOfOrganization(branch.id()))
                .extracting(HistoryEntry::action)
                .containsExactly("create", "delete", "restore");
    }

    @Test
    void deletingAUnitWithOrganizationsIsRefusedWithTheReasonBeforeAnyQuestion() {
        vm.units.select(office());

        vm.units.delete();

        assertThat(dialogs.shown).noneMatch(s -> s.startsWith("confirm:"));
        assertThat(dialogs.shown).anyMatch(s -> s.startsWith("error: 不能删除“" + OFFICE + "”") && s.contains("个党组织"));
        assertThat(registry().unitNamed(OFFICE)).isPresent();
    }

    @Test
    void aNewOrganizationWithAllUnitsChosenHasItsListsFilled() {
        vm.newOrganization();

        assertThat(vm.form.unitChoices).hasSize(62);
        assertThat(vm.form.communityChoices).hasSize(9); // （无） and the 8 communities
    }

    @Test
    void aNewOrganizationInAUnitIsABranchUnderItsTopLevelOrganization() {
        vm.scope.set(new Scope(Scope.Type.UNIT, office().id()));

        vm.newOrganization();

        assertThat(vm.form.kind.get()).isEqualTo(OrganizationKind.BRANCH);
        assertThat(vm.form.parent.get()).isEqualTo(named("市委办机关党委"));
        vm.form.name.set("市委办机关第九党支部");
        assertThat(vm.form.hasErrorsProperty().get()).isFalse();
    }

    @Test
    void parentAndCommunityStayShownAfterASaveReloads() {
        Organization committee = named("市委办机关党委");
        vm.organizations.select(named("市委办机关第一党支部"));
        vm.form.community.set(registry().communityNamed("综合服务共同体").orElseThrow());

        vm.organizations.save();

        assertThat(vm.form.parent.get()).isEqualTo(committee);
        assertThat(vm.form.community.get().name()).isEqualTo("综合服务共同体");
        assertThat(vm.form.isDirty()).isFalse();
        assertThat(vm.form.parentChoices).contains(committee);
    }

    @Test
    void anUnreadableDateIsNamedAndKeptAsTyped() {
        vm.organizations.select(named("市委办机关第一党支部"));

        vm.form.termEnd.set("2026/13/45");

        assertThat(vm.form.termEnd.get()).isEqualTo("2026/13/45");
        assertThat(vm.form.hasErrorsProperty().get()).isTrue();
        assertThat(vm.form.issues())
                .anyMatch(i -> messages.get(i.messageKey(), i.args()).contains("“2026/13/45”不是日期"));
    }

    @Test
    void unitsAndCommunitiesHaveTheirHistory() {
        vm.units.select(office());
        vm.unitForm.contactPhone.set("0513-80000000");
        vm.units.save();

        assertThat(vm.units.history()).extracting(HistoryEntry::action).containsExactly("create", "update");

        vm.communities.select(registry().communityNamed("综合服务共同体").orElseThrow());
        assertThat(vm.communities.history()).extracting(HistoryEntry::action).containsExactly("create");
    }

    @Test
    void aCommunityShowsItsOrganizationsBranchesToo() {
        var community = registry().communityNamed("综合服务共同体").orElseThrow();

        vm.scope.set(new Scope(Scope.Type.COMMUNITY, community.id()));

        assertThat(vm.rows()).anyMatch(r -> r.organization().name().equals("市委办机关第一党支部"));
        assertThat(vm.rows()).anyMatch(r -> r.organization().name().equals("市委办机关党委"));
    }

    @Test
    void historyIsShownInLocalTime() {
        HistoryEntry h = new HistoryEntry("2026-11-23T02:02:00.000Z", "update", "张三", "d", "{}");

        String line = HistoryText.describe(h, java.util.List.of(), messages, ZoneId.of("Asia/Shanghai"));

        assertThat(line).startsWith("2026-11-23 10:02");
    }

    @Test
    void reimportingAnUnchangedFileSummarisesItsNotesByKind() {
        Path file = dir.resolve("台账.xlsx");
        service.exportWorkbook(file, Progress.NONE);
        long notes = service.importWorkbook(file, Progress.NONE).warnings().size();
        dialogs.shown.clear();

        vm.importFrom(file);

        assertThat(dialogs.shown).hasSize(1);
        String shown = dialogs.shown.get(0);
        assertThat(shown).startsWith("table: ").contains("未变 ");
        assertThat(shown.lines().count() - 1).isLessThan(notes).isPositive();
    }

    @Test
    void anExportOffersWhatIsShownOrEverythingAndThenToOpenTheFile() throws Exception {
        vm.search.set("czj");
        int shown = vm.rows().size();
        Path file = dir.resolve("shown.csv");
        dialogs.fileToSave = file;
        dialogs.chooseAnswer = Optional.of(0); // 当前显示的 …, then 打开文件

        vm.export(RegistryViewModel.ExportFormat.CSV);

        assertThat(dialogs.shown.get(0)).contains("导出哪些党组织").contains("当前显示的 " + shown + " 个");
        assertThat(java.nio.file.Files.readAllLines(file)).hasSize(shown + 1); // the header and the rows shown
        assertThat(dialogs.shown.get(1)).contains("已导出 " + shown + " 个党组织");
        assertThat(dialogs.opened).containsExactly(file);
    }

    @Test
    void everythingIsExportedWhenChosen() throws Exception {
        vm.search.set("czj");
        Path file = dir.resolve("all.csv");
        dialogs.fileToSave = file;
        dialogs.chooseAnswer = Optional.of(1); // 全部 …, then 打开所在文件夹

        vm.export(RegistryViewModel.ExportFormat.CSV);

        assertThat(java.nio.file.Files.readAllLines(file)).hasSize(375);
        assertThat(dialogs.opened).containsExactly(file.toAbsolutePath().getParent());
    }

    @Test
    void thePdfExportAsksForItsTitleAndCancellingWritesNothing() {
        dialogs.fileToSave = dir.resolve("t.pdf");
        dialogs.textAnswer = Optional.empty();

        vm.export(RegistryViewModel.ExportFormat.PDF);

        assertThat(dialogs.shown).containsExactly("ask: PDF 标题 [党组织台账]");
        assertThat(dir.resolve("t.pdf")).doesNotExist();
    }

    @Test
    void anImportedUnitSortsAfterTheStoredOnes() throws Exception {
        Path file = dir.resolve("新单位.xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                var out = java.nio.file.Files.newOutputStream(file)) {
            var sheet = wb.createSheet("单位");
            sheet.createRow(0).createCell(0).setCellValue("单位名称");
            sheet.createRow(1).createCell(0).setCellValue("江海市新设局");
            wb.write(out);
        }

        vm.importFrom(file);

        var units = registry().units();
        assertThat(units.get(units.size() - 1).name()).isEqualTo("江海市新设局");
        assertThat(units.get(0).name()).isEqualTo(OFFICE);
    }
}
