package org.taizhang.checklist.view;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.taizhang.checklist.model.Evidence;
import org.taizhang.checklist.view.AssessmentsViewModel.ItemRow;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.DialogService;

/**
 * 支部测评's entry under the scoring sheet, where the sheet is filled by keyboard alone: the chosen item in full, what
 * to type for its mode, the answer and the note, and the item's evidence. Enter saves and moves on.
 */
final class AnswerEntry {
    private final AssessmentsViewModel vm;
    private final TableView<ItemRow> sheet;
    private final DialogService dialogs;
    private final Messages m;
    private final TextField answerField = new TextField();
    private final TextField noteField = new TextField();

    AnswerEntry(AssessmentsViewModel vm, TableView<ItemRow> sheet, DialogService dialogs, Messages messages) {
        this.vm = vm;
        this.sheet = sheet;
        this.dialogs = dialogs;
        this.m = messages;
    }

    /** Puts the caret in the answer field (Enter or F2 on the sheet). */
    void focus() {
        answerField.requestFocus();
    }

    /** Moves to row {@code index} and puts the caret in its answer field. */
    void goTo(int index) {
        if (index < 0 || index >= sheet.getItems().size()) {
            return;
        }
        sheet.getSelectionModel().select(index);
        sheet.scrollTo(Math.max(0, index - 3));
        answerField.requestFocus();
        answerField.selectAll();
    }

    /** Ctrl+N: the next item not scored yet. */
    void jumpToUnscored() {
        vm.nextUnscored(sheet.getSelectionModel().getSelectedItem())
                .ifPresent(r -> goTo(sheet.getItems().indexOf(r)));
    }

    /**
     * The entry under the sheet: the chosen item in full, what to type for its mode, the answer and the note.
     * Enter saves (autosave) and moves on to the next item with the caret in place, so a whole sheet is scored
     * as 是 ⏎ 8 ⏎ 2 ⏎ …; ↑/↓ move between items without saving.
     */
    Node node() {
        Label itemText = new Label();
        itemText.setId("entryItem");
        itemText.setWrapText(true);
        itemText.getStyleClass().add("form-title");
        // no line for it until an item is chosen: the sheet above gets the room
        itemText.managedProperty().bind(itemText.textProperty().isNotEmpty());
        Label hint = new Label();
        hint.setId("entryHint");
        hint.getStyleClass().add("count-label");
        hint.setWrapText(true);
        answerField.setId("answerField");
        answerField.setPrefColumnCount(6);
        noteField.setId("noteField");
        noteField.setPromptText(m.get("checklist.view.notePrompt"));
        // the note as last filled in from the stored answer: anything else in the field is typed and not yet saved
        String[] filledNote = {""};
        Runnable fill = () -> {
            ItemRow r = sheet.getSelectionModel().getSelectedItem();
            if (r == null) {
                itemText.setText("");
                hint.setText("");
                answerField.setText("");
                noteField.setText("");
                filledNote[0] = "";
                return;
            }
            itemText.setText(r.item().number() + "  " + r.item().text());
            hint.setText(hintOf(r));
            answerField.setText(vm.inputText(r));
            filledNote[0] = r.answer() == null || r.answer().note() == null
                    ? ""
                    : r.answer().note();
            noteField.setText(filledNote[0]);
            answerField.selectAll();
        };
        java.util.function.Predicate<String> typedNote = text -> !text.strip().equals(filledNote[0].strip());
        // a note typed and left (another item, another field) is saved, never dropped; saving re-reads the rows
        // and the table drops the selection of a row that changed, so the row is chosen again
        sheet.getSelectionModel().selectedItemProperty().addListener((o, left, r) -> {
            if (left != null
                    && r != null
                    && typedNote.test(noteField.getText())
                    && !vm.readOnlyProperty().get()) {
                int to = sheet.getItems().indexOf(r);
                vm.note(left, noteField.getText());
                if (sheet.getSelectionModel().getSelectedIndex() != to) {
                    sheet.getSelectionModel().select(to); // its own change fills the entry
                    return;
                }
            }
            fill.run();
        });
        noteField.focusedProperty().addListener((o, had, has) -> {
            int at = sheet.getSelectionModel().getSelectedIndex();
            ItemRow r = sheet.getSelectionModel().getSelectedItem();
            if (!has
                    && r != null
                    && typedNote.test(noteField.getText())
                    && !vm.readOnlyProperty().get()) {
                vm.note(r, noteField.getText());
                if (sheet.getSelectionModel().getSelectedIndex() != at) {
                    sheet.getSelectionModel().select(at);
                }
            }
        });
        answerField.setOnKeyPressed(e -> {
            int index = sheet.getSelectionModel().getSelectedIndex();
            ItemRow r = sheet.getSelectionModel().getSelectedItem();
            if (r == null) {
                return;
            }
            switch (e.getCode()) {
                case ENTER -> {
                    e.consume();
                    boolean unchanged = answerField.getText().strip().equals(vm.inputText(r))
                            && !typedNote.test(noteField.getText());
                    if (unchanged || vm.answer(r, answerField.getText(), noteField.getText())) {
                        goTo(Math.min(index + 1, sheet.getItems().size() - 1));
                    } else {
                        answerField.selectAll(); // refused: the dialog said why; type it again
                    }
                }
                case DOWN -> {
                    e.consume();
                    goTo(index + 1);
                }
                case UP -> {
                    e.consume();
                    goTo(index - 1);
                }
                default -> {}
            }
        });
        noteField.setOnAction(e -> {
            int index = sheet.getSelectionModel().getSelectedIndex();
            ItemRow r = sheet.getSelectionModel().getSelectedItem();
            if (r != null && vm.note(r, noteField.getText())) {
                goTo(index);
            }
        });
        answerField
                .disableProperty()
                .bind(vm.readOnlyProperty()
                        .or(sheet.getSelectionModel().selectedItemProperty().isNull()));
        noteField.disableProperty().bind(answerField.disableProperty());
        Label answerLabel = new Label(m.get("checklist.view.input"));
        answerLabel.setLabelFor(answerField);
        Label noteLabel = new Label(m.get("checklist.view.note"));
        noteLabel.setLabelFor(noteField);
        HBox fields = new HBox(6, answerLabel, answerField, hint, noteLabel, noteField);
        FlowPane files = new FlowPane(8, 2);
        files.setId("evidenceFiles");
        Button attach = new Button(m.get("checklist.action.attachEvidence"));
        attach.setId("attachEvidence");
        attach.disableProperty().bind(answerField.disableProperty());
        attach.setOnAction(e -> {
            ItemRow r = sheet.getSelectionModel().getSelectedItem();
            if (r != null) {
                dialogs.chooseFileToOpen(
                                m.get("checklist.action.attachEvidence"),
                                m.get("checklist.view.evidenceFilter"),
                                "*.jpg",
                                "*.jpeg",
                                "*.png",
                                "*.heic",
                                "*.pdf",
                                "*.doc",
                                "*.docx",
                                "*.xls",
                                "*.xlsx")
                        .ifPresent(f -> vm.attachEvidence(r, f));
            }
        });
        Runnable showFiles = () -> {
            files.getChildren().clear();
            ItemRow r = sheet.getSelectionModel().getSelectedItem();
            if (r == null) {
                return;
            }
            for (Evidence ev : r.evidence()) {
                Hyperlink open = new Hyperlink(ev.attachment().fileName());
                open.setOnAction(e -> vm.openEvidence(ev));
                Button remove = new Button("×");
                remove.getStyleClass().add("evidence-remove");
                remove.setTooltip(new Tooltip(m.get("checklist.action.removeEvidence")));
                remove.disableProperty().bind(vm.readOnlyProperty());
                remove.setOnAction(e -> vm.removeEvidence(ev));
                files.getChildren().add(new HBox(0, open, remove));
            }
            if (r.lacksEvidence()) {
                Label missing = new Label(m.get("checklist.view.evidenceNeeded"));
                missing.getStyleClass().add("issue-warning");
                files.getChildren().add(missing);
            }
        };
        sheet.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> showFiles.run());
        vm.items().addListener((javafx.collections.ListChangeListener<ItemRow>) c -> showFiles.run());
        Label evidenceLabel = new Label(m.get("checklist.view.evidence"));
        for (Label l : List.of(answerLabel, noteLabel, evidenceLabel)) {
            l.setMinWidth(Region.USE_PREF_SIZE); // a label gives no room: the fields do
        }
        attach.setMinWidth(Region.USE_PREF_SIZE);
        HBox evidenceRow = new HBox(6, evidenceLabel, attach, files);
        evidenceRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(files, Priority.ALWAYS);
        fields.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(noteField, Priority.ALWAYS);
        HBox.setHgrow(hint, Priority.SOMETIMES);
        VBox box = new VBox(4, itemText, fields, evidenceRow);
        box.setPadding(new Insets(6, 8, 0, 8));
        box.setId("entryPane");
        box.visibleProperty().bind(vm.assessmentProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        // a new answer re-reads the rows: keep the entry on the chosen item
        vm.items().addListener((javafx.collections.ListChangeListener<ItemRow>) c -> {
            if (sheet.getSelectionModel().getSelectedItem() != null) {
                // evidence loaded or attached meanwhile: a note being typed stays as typed
                String typed = noteField.getText();
                boolean typing = typedNote.test(typed);
                fill.run();
                if (typing) {
                    noteField.setText(typed);
                }
            }
        });
        return box;
    }

    private String hintOf(ItemRow r) {
        var i = r.item();
        return switch (i.mode()) {
            case YES_NO -> m.get("checklist.view.hintYesNo", TemplateFormModel.plain(i.maxPoints()));
            case GRADED -> m.get("checklist.view.hintGraded", TemplateFormModel.plain(i.maxPoints()));
            case DEDUCTION ->
                m.get(
                        "checklist.view.hintDeduction",
                        TemplateFormModel.plain(i.deduction()),
                        TemplateFormModel.plain(i.floor() == null ? java.math.BigDecimal.ZERO : i.floor()));
        };
    }
}
