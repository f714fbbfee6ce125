package org.taizhang.inspection.view;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.TraversalDirection;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SearchableComboBox;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.DateFields;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.FormDialog;
import org.taizhang.core.ui.FormModel;
import org.taizhang.core.ui.Pickers;
import org.taizhang.core.ui.RecordPageView;
import org.taizhang.core.ui.RecordPageView.FormGrid;
import org.taizhang.core.ui.Tables;
import org.taizhang.inspection.model.Escalation;
import org.taizhang.inspection.model.FindingSource;
import org.taizhang.inspection.model.Inspection;
import org.taizhang.inspection.model.Measure;
import org.taizhang.inspection.model.RectificationType;
import org.taizhang.inspection.model.Severity;
import org.taizhang.inspection.model.StepKind;
import org.taizhang.inspection.model.Verdict;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.Unit;

/**
 * The small forms of the ledger, each in a dialog over the window: a step of a finding's life, a new finding, a
 * measure. The form models check as the clerk types (the OK button waits for them); the dialog closes only once
 * the service has written the step, so a refusal leaves what was typed on screen.
 */
final class LedgerForms {
    private final Messages m;
    private final DialogService dialogs;

    LedgerForms(Messages m, DialogService dialogs) {
        this.m = m;
        this.dialogs = dialogs;
    }

    /**
     * Shows a form in a dialog through the dialog service; {@code onOk} gets a callback that closes it (call it once
     * the work is written).
     *
     * @param extra a second button that also submits (保存并新增), or null
     */
    Dialog<ButtonType> show(
            String id,
            String title,
            FormModel<?> form,
            Node body,
            String okText,
            Consumer<Runnable> onOk,
            String extraText,
            Consumer<Runnable> extra) {
        FormDialog dialog =
                new FormDialog(id, title, body).checkedBy(form, m).buttons(okText, m.get("ledger.form.cancel"));
        if (extraText != null) {
            dialog.more(extraText, extra);
        }
        Dialog<ButtonType> d = dialogs.showForm(dialog, onOk);
        enterMovesOn(d.getDialogPane());
        return d;
    }

    /**
     * Enter in a field goes to the next one, as Tab does (a clerk types a finding with one hand on the keys); in a
     * text area Shift+Enter keeps a line break. On a button Enter presses it.
     */
    static void enterMovesOn(Node pane) {
        pane.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ENTER || e.isControlDown() || e.isAltDown()) {
                return;
            }
            if (!(e.getTarget() instanceof Node target)) {
                return;
            }
            boolean field = target instanceof TextField
                    || target instanceof DatePicker
                    || (target instanceof TextArea && !e.isShiftDown())
                    || (target instanceof ComboBox<?> c && !c.isShowing());
            if (field && !(target.getParent() instanceof SearchableComboBox<?>)) {
                e.consume();
                target.requestFocusTraversal(TraversalDirection.NEXT);
            }
        });
    }

    // ---- a step of the finding's life

    /**
     * @param findingName the chosen finding's number, or null for a notice to a whole unit
     * @param countOf how many findings a notice to the unit would send
     */
    Dialog<ButtonType> action(
            ActionForm f,
            String findingName,
            java.util.function.ToLongFunction<Unit> countOf,
            Consumer<Runnable> onOk) {
        StepKind kind = f.kind();
        String prompt = m.get("ledger.form.datePrompt");
        FormGrid grid = new FormGrid(f);
        for (ActionForm.Field field : f.fields()) {
            switch (field) {
                case UNIT -> {
                    SearchableComboBox<Unit> unit = new SearchableComboBox<>(f.unitChoices);
                    unit.setId("actionUnit");
                    unit.setConverter(Tables.converter(u -> u == null ? "" : u.name()));
                    Pickers.pinyin(unit, m);
                    unit.valueProperty().bindBidirectional(f.unit);
                    grid.field(m.get("ledger.form.unit"), unit, "unit");
                }
                case DATE -> grid.field(label(kind), DateFields.picker("actionDate", f.on, prompt, m), "on");
                case DEADLINE ->
                    grid.field(
                            m.get(kind == StepKind.NOTIFY ? "ledger.form.deadline" : "ledger.form.newDeadline"),
                            DateFields.picker("actionDeadline", f.deadline, prompt, m),
                            "deadline");
                case VERDICT -> {
                    ComboBox<Verdict> v = new ComboBox<>(f.verdictChoices);
                    v.setId("actionVerdict");
                    v.setConverter(Tables.converter(x -> x == null ? "" : m.get(x.labelKey())));
                    v.valueProperty().bindBidirectional(f.verdict);
                    grid.field(m.get("ledger.form.verdict"), v, "verdict");
                }
                case ESCALATION -> {
                    ComboBox<Escalation> esc = new ComboBox<>();
                    esc.getItems().setAll(Escalation.values());
                    esc.setId("actionEscalation");
                    esc.setConverter(Tables.converter(x -> x == null ? "" : m.get(x.labelKey())));
                    esc.valueProperty().bindBidirectional(f.escalation);
                    grid.field(m.get("ledger.form.escalation"), esc, "escalation");
                }
                case LEADER ->
                    grid.field(m.get("ledger.form.leader"), RecordPageView.text("actionLeader", f.leader), null);
                case DEPARTMENT ->
                    grid.field(
                            m.get("ledger.form.department"),
                            RecordPageView.text("actionDepartment", f.department),
                            null);
                case PERSON ->
                    grid.field(m.get("ledger.form.person"), RecordPageView.text("actionPerson", f.person), null);
                case APPROVER ->
                    grid.field(
                            m.get("ledger.form.approver"),
                            RecordPageView.text("actionApprover", f.approver),
                            "approver");
                case MEASURE -> {
                    List<Measure> choices = new ArrayList<>();
                    choices.add(null);
                    choices.addAll(f.measureChoices);
                    ComboBox<Measure> measure = new ComboBox<>();
                    measure.getItems().setAll(choices);
                    measure.setId("actionMeasure");
                    measure.setConverter(
                            Tables.converter(x -> x == null ? m.get("ledger.form.wholeFinding") : x.text()));
                    measure.valueProperty().bindBidirectional(f.measure);
                    grid.field(m.get("ledger.form.measure"), measure, null);
                }
                case TEXT -> {
                    TextArea text = new TextArea();
                    text.setId("actionText");
                    text.setWrapText(true);
                    text.setPrefRowCount(3);
                    text.textProperty().bindBidirectional(f.text);
                    grid.field(textLabel(kind), text, "text");
                }
                case EVIDENCE -> files(grid, m.get("ledger.form.evidence"), "action", f.evidence);
            }
        }
        Node body = grid.node();
        if (f.isBatch()) {
            Label count = new Label();
            count.setId("actionUnitCount");
            count.setWrapText(true);
            count.textProperty()
                    .bind(Bindings.createStringBinding(
                            () -> f.unit.get() == null
                                    ? ""
                                    : m.get("ledger.form.unitCount", countOf.applyAsLong(f.unit.get())),
                            f.unit));
            body = new VBox(6, grid.node(), count);
        }
        String title = f.isBatch()
                ? m.get("ledger.action.notifyUnit")
                : m.get("ledger.form.actionTitle", m.get(kind.labelKey()), findingName);
        return show("actionDialog", title, f, body, okText(kind), onOk, null, null);
    }

    private String label(StepKind kind) {
        return switch (kind) {
            case NOTIFY -> m.get("ledger.form.notifiedOn");
            case RECEIPT -> m.get("ledger.form.receivedOn");
            default -> m.get("ledger.form.date");
        };
    }

    private String textLabel(StepKind kind) {
        return switch (kind) {
            case NOTIFY -> m.get("ledger.form.noticeText");
            case PROGRESS -> m.get("ledger.form.progressText");
            case CLOSE, REWORK -> m.get("ledger.form.opinion");
            case REJECT -> m.get("ledger.form.reason");
            case EXTEND -> m.get("ledger.form.extensionReason");
            case FOLLOW_UP -> m.get("ledger.form.followUpText");
            default -> m.get("ledger.form.text");
        };
    }

    /** Adds a list of files to the grid, with 添加… / 移除 under it (evidence, photos). */
    private void files(FormGrid grid, String label, String prefix, javafx.collections.ObservableList<Path> list) {
        ListView<Path> view = new ListView<>(list);
        view.setId(prefix + "Files");
        view.setPrefHeight(56);
        view.setPlaceholder(new Label(m.get("ledger.form.noFiles")));
        view.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Path p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.getFileName().toString());
            }
        });
        Button add = new Button(m.get("ledger.action.addFile"));
        add.setId(prefix + "AddFile");
        add.setOnAction(
                e -> dialogs.chooseFileToOpen(m.get("ledger.action.addFile"), m.get("ledger.form.anyFile"), "*.*")
                        .ifPresent(list::add));
        Button remove = new Button(m.get("ledger.action.removeFile"));
        remove.setId(prefix + "RemoveFile");
        remove.disableProperty()
                .bind(view.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> list.remove(view.getSelectionModel().getSelectedItem()));
        grid.field(label, view, null).unlabelled(new HBox(6, add, remove));
    }

    // ---- a new finding

    Dialog<ButtonType> finding(FindingFormModel f, Consumer<Runnable> save, Consumer<Runnable> saveNext) {
        return finding(f, m.get("ledger.action.newFinding"), save, saveNext);
    }

    /** The OK button says what it does: a verb (交办, 销号) is its own; 整改进展 and 备注 are saved. */
    private String okText(StepKind kind) {
        return switch (kind) {
            case PROGRESS -> m.get("ledger.form.okProgress");
            case NOTE -> m.get("ledger.form.okNote");
            default -> m.get(kind.labelKey());
        };
    }

    /** The finding form; {@code saveNext} null: no 保存并继续 (changing a finding recorded before). */
    Dialog<ButtonType> finding(FindingFormModel f, String title, Consumer<Runnable> save, Consumer<Runnable> saveNext) {
        SearchableComboBox<Unit> unit = new SearchableComboBox<>(f.unitChoices);
        unit.setId("findingUnit");
        unit.setConverter(Tables.converter(u -> u == null ? "" : u.name()));
        Pickers.pinyin(unit, m);
        unit.valueProperty().bindBidirectional(f.unit);
        SearchableComboBox<Organization> org = new SearchableComboBox<>(f.organizationChoices);
        org.setId("findingOrganization");
        org.setConverter(Tables.converter(o -> o == null ? m.get("ledger.form.wholeUnit") : o.name()));
        Pickers.pinyin(org, m);
        org.valueProperty().bindBidirectional(f.organization);
        ComboBox<String> category = new ComboBox<>(f.categoryChoices);
        category.setId("findingCategory");
        category.setEditable(true);
        category.getEditor().textProperty().bindBidirectional(f.category);
        category.valueProperty().addListener((o, a, v) -> {
            if (v != null) {
                f.category.set(v);
            }
        });
        TextArea description = new TextArea();
        description.setId("findingDescription");
        description.setWrapText(true);
        description.setPrefRowCount(3);
        description.textProperty().bindBidirectional(f.description);
        ComboBox<Severity> severity = new ComboBox<>();
        severity.getItems().setAll(Severity.values());
        severity.setId("findingSeverity");
        severity.setConverter(Tables.converter(x -> x == null ? "" : m.get(x.labelKey())));
        severity.valueProperty().bindBidirectional(f.severity);
        ComboBox<RectificationType> type = new ComboBox<>();
        type.getItems().setAll(RectificationType.values());
        type.setId("findingType");
        type.setConverter(Tables.converter(x -> x == null ? "" : m.get(x.labelKey())));
        type.valueProperty().bindBidirectional(f.type);
        ComboBox<FindingSource> source = new ComboBox<>();
        source.getItems().setAll(FindingSource.values());
        source.setId("findingSource");
        source.setConverter(Tables.converter(x -> x == null ? "" : m.get(x.labelKey())));
        source.valueProperty().bindBidirectional(f.source);
        ComboBox<Inspection> round = new ComboBox<>(f.roundChoices);
        round.setId("findingRound");
        round.setConverter(Tables.converter(x -> x == null ? m.get("ledger.form.noRound") : x.title()));
        round.valueProperty().bindBidirectional(f.round);
        FormGrid grid = new FormGrid(f)
                .field(m.get("ledger.form.unit"), unit, "unit")
                .field(m.get("ledger.form.organization"), org, "organization")
                .field(m.get("ledger.form.category"), category, "category")
                .field(m.get("ledger.form.description"), description, "description")
                .field(m.get("ledger.form.basis"), RecordPageView.text("findingBasis", f.basis), "basis")
                .field(m.get("ledger.form.severity"), severity, null)
                .field(m.get("ledger.form.type"), type, null)
                .field(m.get("ledger.form.source"), source, null)
                .field(m.get("ledger.form.round"), round, null)
                .field(
                        m.get("ledger.form.foundOn"),
                        DateFields.picker("findingFoundOn", f.foundOn, m.get("ledger.form.datePrompt"), m),
                        "foundOn");
        files(grid, m.get("ledger.form.photos"), "finding", f.photos);
        Label hint = new Label(m.get("ledger.form.findingHint"));
        hint.getStyleClass().add("count-label");
        hint.setWrapText(true);
        hint.setPrefWidth(440); // wraps instead of widening the dialog
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Dialog<ButtonType> d = show(
                "findingDialog",
                title,
                f,
                new VBox(6, grid.node(), hint),
                m.get("ledger.form.save"),
                save,
                saveNext == null ? null : m.get("ledger.form.saveNext"),
                saveNext == null
                        ? null
                        : next -> saveNext.accept(() -> {
                            next.run();
                            unit.requestFocus();
                        }));
        javafx.application.Platform.runLater(unit::requestFocus);
        return d;
    }

    // ---- a measure

    Dialog<ButtonType> measure(MeasureForm f, boolean isNew, Consumer<Runnable> onOk) {
        TextArea text = new TextArea();
        text.setId("measureText");
        text.setWrapText(true);
        text.setPrefRowCount(2);
        text.textProperty().bindBidirectional(f.text);
        CheckBox done = new CheckBox(m.get("ledger.form.measureDone"));
        done.setId("measureDone");
        done.selectedProperty().bindBidirectional(f.done);
        DatePicker doneOn = DateFields.picker("measureDoneOn", f.doneOn, m.get("ledger.form.datePrompt"), m);
        doneOn.disableProperty().bind(f.done.not());
        FormGrid grid = new FormGrid(f)
                .field(m.get("ledger.form.measureText"), text, "text")
                .field(m.get("ledger.form.measureOwner"), RecordPageView.text("measureOwner", f.owner), null)
                .field(
                        m.get("ledger.form.measureDeadline"),
                        DateFields.picker("measureDeadline", f.deadline, m.get("ledger.form.datePrompt"), m),
                        "deadline")
                .unlabelled(done)
                .field(m.get("ledger.form.measureDoneOn"), doneOn, "doneOn");
        return show(
                "measureDialog",
                m.get(isNew ? "ledger.action.addMeasure" : "ledger.action.editMeasure"),
                f,
                grid.node(),
                m.get("ledger.form.save"),
                onOk,
                null,
                null);
    }
}
