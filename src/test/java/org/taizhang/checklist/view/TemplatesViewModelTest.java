package org.taizhang.checklist.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.checklist.BuiltInTemplates;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.checklist.model.ChecklistCategory;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.Round;
import org.taizhang.checklist.model.ScoringMode;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.core.ui.RecordingDialogs;
import org.taizhang.core.ui.TaskExecutor;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.organization.RegistryService;

/** The template editor's view model on a real database, with no window. */
class TemplatesViewModelTest {
    @TempDir
    Path dir;

    private Store store;
    private ChecklistService service;
    private TemplatesViewModel vm;
    private TemplateFormModel form;
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
        vm = new TemplatesViewModel(
                service, new TaskRunner(TaskExecutor.synchronous(), messages, dialogs), dialogs, messages);
        form = vm.form();
        vm.reload();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ChecklistTemplate named(String name) {
        return vm.templates().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** A small standard typed in the editor: one category of 10 points, two items. */
    private void typeSmallStandard() {
        vm.page().startNew();
        form.nameProperty().set("星级党支部评定细则");
        form.passScoreProperty().set("6");
        form.bandsProperty().set("五星≥9*；三星≥6；一星≥0");
        String category = form.addCategory("A", "组织建设");
        form.updateCategory(
                category, c -> new ChecklistCategory(c.key(), c.code(), c.name(), BigDecimal.TEN, c.items()));
        String first = form.addItem(category, "A1");
        form.updateItem(first, i -> withText(i, "支部委员会健全", "4", ScoringMode.YES_NO));
        String second = form.addItem(category, "A2");
        form.updateItem(second, i -> withText(i, "按期换届", "6", ScoringMode.GRADED));
    }

    private static ChecklistItem withText(ChecklistItem i, String text, String points, ScoringMode mode) {
        return new ChecklistItem(
                i.key(),
                i.number(),
                text,
                new BigDecimal(points),
                mode,
                null,
                null,
                false,
                i.methods(),
                false,
                false,
                i.appliesTo(),
                i.replaces());
    }

    @Test
    void listsTheBuiltInStandardsAsDrafts() {
        assertThat(vm.templates())
                .extracting(ChecklistTemplate::name)
                .contains(BuiltInTemplates.standard(year).name());
        assertThat(vm.templates()).noneMatch(ChecklistTemplate::isPublished);
    }

    @Test
    void aNewStandardIsCheckedAsItIsTypedAndSavedAsADraft() {
        typeSmallStandard();
        assertThat(form.itemTotal()).isEqualByComparingTo("10");
        assertThat(form.hasErrorsProperty().get()).isFalse();

        String category = form.categoriesProperty().get().getFirst().key();
        form.updateCategory(
                category, c -> new ChecklistCategory(c.key(), c.code(), c.name(), new BigDecimal("12"), c.items()));
        assertThat(form.hasErrorsProperty().get()).isTrue();
        assertThat(form.issues()).anyMatch(i -> i.messageKey().equals("checklist.error.categoryPoints"));
        form.updateCategory(
                category, c -> new ChecklistCategory(c.key(), c.code(), c.name(), BigDecimal.TEN, c.items()));

        vm.page().save();

        ChecklistTemplate saved = named("星级党支部评定细则");
        assertThat(saved.isPublished()).isFalse();
        assertThat(saved.year()).isEqualTo(year);
        assertThat(saved.items()).extracting(ChecklistItem::number).containsExactly("A1", "A2");
        assertThat(saved.bands()).extracting(b -> b.name()).containsExactlyInAnyOrder("五星", "三星", "一星");
        assertThat(saved.bands()).filteredOn(b -> b.name().equals("五星")).allMatch(b -> b.needsInnovation());
        assertThat(form.isDirty()).isFalse();
    }

    @Test
    void unreadableNumbersAndRatingsAreSaidInWords() {
        typeSmallStandard();
        form.passScoreProperty().set("六十");
        form.bandsProperty().set("五星 九十");
        form.yearProperty().set("26");

        assertThat(form.issues())
                .extracting(i -> i.messageKey())
                .contains("checklist.input.number", "checklist.input.band", "checklist.input.year");
        assertThat(form.hasErrorsProperty().get()).isTrue();
    }

    @Test
    void pointsThatCannotBeReadAreAnErrorNotTheOldValue() {
        typeSmallStandard();
        assertThat(form.hasErrorsProperty().get()).isFalse();

        form.typed("points", "3分"); // typed in the item's 分值: not a number

        assertThat(form.issues())
                .extracting(i -> i.field() + " " + i.messageKey() + " " + i.args()[0])
                .contains("points checklist.input.number 3分");
        assertThat(form.hasErrorsProperty().get()).isTrue();
        form.typed("points", "3");
        assertThat(form.issues()).noneMatch(i -> "points".equals(i.field()));
    }

    @Test
    void publishingAsksThenFixesTheStandardForGood() {
        ChecklistTemplate standard = named(BuiltInTemplates.standard(year).name());
        vm.page().select(standard);
        dialogs.confirmAnswer = false;
        vm.publish();
        assertThat(service.template(standard.id()).orElseThrow().isPublished()).isFalse();

        dialogs.confirmAnswer = true;
        vm.publish();

        assertThat(service.template(standard.id()).orElseThrow().isPublished()).isTrue();
        assertThat(form.publishedProperty().get()).isTrue();
        assertThat(vm.page().history()).isNotEmpty();
    }

    @Test
    void aNewVersionIsADraftWithTheSameItemKeysShownInTheForm() {
        ChecklistTemplate standard = named(BuiltInTemplates.standard(year).name());
        service.publish(standard.id());
        vm.reload();
        vm.page().select(named(standard.name()));

        vm.newVersion();

        ChecklistTemplate shown = vm.page().selectedProperty().get();
        assertThat(shown.version()).isEqualTo(2);
        assertThat(shown.isPublished()).isFalse();
        assertThat(shown.items())
                .extracting(ChecklistItem::key)
                .containsExactlyElementsOf(
                        standard.items().stream().map(ChecklistItem::key).toList());
        assertThat(form.publishedProperty().get()).isFalse();
    }

    @Test
    void aStandardInUseIsRefusedBeforeAnyQuestion() {
        ChecklistTemplate standard = named(BuiltInTemplates.standard(year).name());
        service.publish(standard.id());
        String branch = new RegistryService(store)
                .load().organizations().stream()
                        .filter(o -> o.kind() == org.taizhang.organization.model.OrganizationKind.BRANCH)
                        .findFirst()
                        .orElseThrow()
                        .id();
        service.startAssessment(branch, standard.id(), Round.SELF, year);
        vm.reload();
        vm.page().select(named(standard.name()));
        dialogs.shown.clear();

        vm.page().delete();

        assertThat(dialogs.shown).noneMatch(s -> s.startsWith("confirm"));
        assertThat(dialogs.shown).anyMatch(s -> s.contains("已用于评估"));
        assertThat(service.template(standard.id())).isPresent();
    }

    @Test
    void aDeletedDraftStaysReadOnlyUntilRestored() {
        typeSmallStandard();
        vm.page().save();
        ChecklistTemplate saved = named("星级党支部评定细则");
        vm.page().select(saved);

        vm.page().delete();

        assertThat(service.template(saved.id())).isEmpty();
        assertThat(form.deletedProperty().get()).isTrue();
        vm.page().restore();
        assertThat(service.template(saved.id())).isPresent();
        assertThat(form.deletedProperty().get()).isFalse();
    }

    @Test
    void aTemplateGoesToExcelAndComesBackAsTheNextDraft() throws Exception {
        ChecklistTemplate standard = named(BuiltInTemplates.standard(year).name());
        service.publish(standard.id());
        vm.reload();
        vm.page().select(named(standard.name()));
        Path file = dir.resolve("细则.xlsx");

        vm.exportTemplate(file);
        vm.importTemplate(file);

        ChecklistTemplate shown = vm.page().selectedProperty().get();
        assertThat(shown.version()).isEqualTo(2);
        assertThat(shown.isPublished()).isFalse();
        assertThat(dialogs.shown).anyMatch(s -> s.startsWith("info: 导入测评细则") && s.contains("第 2 版"));

        java.nio.file.Files.writeString(dir.resolve("坏.xlsx"), "not a workbook");
        vm.importTemplate(dir.resolve("坏.xlsx"));
        assertThat(dialogs.shown).anyMatch(s -> s.startsWith("error: 导入测评细则"));
    }

    @Test
    void aNewVersionThatMergesTwoItemsNamesWhatItContinuesOrCannotBePublished() {
        ChecklistTemplate standard = named(BuiltInTemplates.standard(year).name());
        service.publish(standard.id());
        vm.reload();
        vm.page().select(named(standard.name()));
        vm.newVersion();
        ChecklistItem first = standard.items().get(0);
        ChecklistItem second = standard.items().get(1);
        // merge the second item into the first: its points move over, the second goes
        form.updateItem(
                first.key(),
                i -> new ChecklistItem(
                        i.key(),
                        i.number(),
                        i.text() + "；" + second.text(),
                        i.maxPoints().add(second.maxPoints()),
                        i.mode(),
                        i.deduction(),
                        i.floor(),
                        i.evidenceRequired(),
                        i.methods(),
                        i.veto(),
                        i.bonus(),
                        i.appliesTo(),
                        i.replaces()));
        form.remove(second.key());
        vm.page().save();
        ChecklistTemplate draft = vm.page().selectedProperty().get();

        vm.publish();
        assertThat(service.template(draft.id()).orElseThrow().isPublished()).isFalse();
        assertThat(dialogs.shown).anyMatch(s -> s.contains("丢掉了条目 " + second.number()));

        form.updateItem(
                first.key(),
                i -> new ChecklistItem(
                        i.key(),
                        i.number(),
                        i.text(),
                        i.maxPoints(),
                        i.mode(),
                        i.deduction(),
                        i.floor(),
                        i.evidenceRequired(),
                        i.methods(),
                        i.veto(),
                        i.bonus(),
                        i.appliesTo(),
                        TemplateFormModel.keys(first.key() + "、" + second.key())));
        vm.publish(); // saves the edit first, then publishes

        ChecklistTemplate published = service.template(draft.id()).orElseThrow();
        assertThat(published.isPublished()).isTrue();
        assertThat(published.previousKeysOf(first.key())).containsExactlyInAnyOrder(first.key(), second.key());
    }

    @Test
    void theKeysAnItemContinuesAreTypedAsClerksSeparateThings() {
        assertThat(TemplateFormModel.keys(" std-A1、std-A2，std-A3 std-A1 "))
                .containsExactly("std-A1", "std-A2", "std-A3");
        assertThat(TemplateFormModel.keys("  ")).isEmpty();
        assertThat(TemplateFormModel.keysText(java.util.List.of("std-A1", "std-A2")))
                .isEqualTo("std-A1、std-A2");
    }

    /** Issue 16: a template's field another device gave another value is named in the form, as the registry's are. */
    @Test
    void aTemplatesFieldAnotherDeviceGaveAnotherValueIsNamedInTheForm() {
        ChecklistTemplate draft = vm.templates().stream()
                .filter(t -> !t.isPublished())
                .findFirst()
                .orElseThrow();
        try (Store laptop = Store.openOrCreate(dir.resolve("laptop.db"))) {
            laptop.applyChanges(store.exportChanges(r -> true));
            service.saveDraft(draft.withPassScore(BigDecimal.valueOf(65)));
            new ChecklistService(laptop, new RegistryService(laptop))
                    .saveDraft(draft.withPassScore(BigDecimal.valueOf(70)));
            store.applyChanges(laptop.exportChanges(r -> true));
        }
        vm.reload();
        vm.page()
                .select(vm.templates().stream()
                        .filter(t -> t.id().equals(draft.id()))
                        .findFirst()
                        .orElseThrow());

        assertThat(vm.page().conflicts()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("达标分数");
            assertThat(List.of(c.before(), c.after())).containsExactlyInAnyOrder("65", "70");
        });
    }
}
