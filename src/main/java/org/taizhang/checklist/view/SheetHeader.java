package org.taizhang.checklist.view;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.taizhang.checklist.Scoring;
import org.taizhang.checklist.model.Assessment;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.view.AssessmentsViewModel.BranchRow;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.Tables;

/**
 * The head of 支部测评's scoring sheet: the branch and template, the score and result as typed, a veto, the state
 * (公示 dates, the reason it was reopened), the menu 测评表与定级 and 支部档案…, and the branch's other assessments of the
 * round to switch to.
 */
final class SheetHeader {
    private final AssessmentsViewModel vm;
    private final DialogService dialogs;
    private final Messages m;

    SheetHeader(AssessmentsViewModel vm, DialogService dialogs, Messages messages) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.m = messages;
    }

    Node node() {
        Label title = new Label();
        title.getStyleClass().add("form-title");
        title.setId("sheetTitle");
        Label summary = new Label();
        summary.setId("scoreSummary");
        summary.getStyleClass().add("score-summary");
        Label veto = new Label();
        veto.setId("vetoNote");
        veto.getStyleClass().add("issue-error");
        veto.setWrapText(true);
        Label state = new Label();
        state.setId("assessmentState");
        state.getStyleClass().add("count-label");
        state.setWrapText(true);
        Runnable describe = () -> {
            BranchRow b = vm.branchProperty().get();
            Assessment a = vm.assessmentProperty().get();
            ChecklistTemplate t = vm.templateProperty().get();
            title.setText(
                    b == null
                            ? m.get("checklist.view.chooseBranch")
                            : b.unitName() + " · " + b.organization().name()
                                    + (t == null
                                            ? ""
                                            : " · " + t.name() + m.get("checklist.view.version", t.version())));
            Scoring.Score s = vm.scoreProperty().get();
            if (s == null) {
                summary.setText("");
                veto.setText("");
            } else {
                summary.setText(vm.summaryOf(s, t));
                veto.setText(
                        s.vetoed()
                                ? m.get(
                                        "checklist.view.vetoed",
                                        String.join(
                                                "、",
                                                s.vetoedBy().stream()
                                                        .map(k -> t.item(k)
                                                                .map(i -> i.number())
                                                                .orElse(k))
                                                        .toList()))
                                : "");
            }
            state.setText(a == null ? "" : stateText(a));
        };
        vm.branchProperty().addListener(o -> describe.run());
        vm.assessmentProperty().addListener(o -> describe.run());
        vm.scoreProperty().addListener(o -> describe.run());
        describe.run();

        Button record = new Button(m.get("checklist.action.branchRecord"));
        record.setId("branchRecordButton");
        record.disableProperty().bind(vm.branchProperty().isNull());
        record.setOnAction(e -> vm.branchRecord(r -> {
            BranchRow b = vm.branchProperty().get();
            BranchRecordView.show(dialogs, r, b == null ? "" : b.unitName(), b == null ? "" : b.communityName(), m);
        }));
        Region titleGap = new Region();
        HBox.setHgrow(titleGap, Priority.ALWAYS);
        javafx.scene.control.MenuItem exportForm =
                new javafx.scene.control.MenuItem(m.get("checklist.action.exportForm"));
        exportForm.setId("exportForm");
        exportForm
                .disableProperty()
                .bind(vm.branchProperty()
                        .isNull()
                        .or(vm.readOnlyProperty().and(vm.assessmentProperty().isNotNull())));
        exportForm.setOnAction(e -> {
            BranchRow b = vm.branchProperty().get();
            dialogs.chooseFileToSave(
                            m.get("checklist.action.exportForm"),
                            m.get(
                                            "checklist.view.formFileName",
                                            b.unitName(),
                                            b.organization().name(),
                                            m.get(vm.roundProperty().get().messageKey()))
                                    + ".xlsx",
                            "Excel",
                            "*.xlsx")
                    .ifPresent(vm::exportForm);
        });
        javafx.scene.control.MenuItem importForm =
                new javafx.scene.control.MenuItem(m.get("checklist.action.importForm"));
        importForm.setId("importForm");
        importForm.disableProperty().bind(exportForm.disableProperty());
        importForm.setOnAction(
                e -> dialogs.chooseFileToOpen(m.get("checklist.action.importForm"), "Excel", "*.xlsx", "*.xls")
                        .ifPresent(vm::importForm));
        javafx.scene.control.MenuItem direct =
                new javafx.scene.control.MenuItem(m.get("checklist.action.directRating"));
        direct.setId("directRating");
        direct.disableProperty().bind(vm.branchProperty().isNull());
        direct.setOnAction(e -> vm.directRating());
        // four buttons were cut to "…" beside a long title (all four at 125%): the form's way out and back and
        // 直接定级 sit in one menu, 支部档案 stays a button; neither is ever narrower than its text
        javafx.scene.control.MenuButton more = new javafx.scene.control.MenuButton(
                m.get("checklist.action.more"), null, exportForm, importForm, direct);
        more.setId("sheetMenu");
        more.setTooltip(new Tooltip(m.get("checklist.view.formHint") + "\n" + m.get("checklist.view.directHint")));
        more.setMinWidth(Region.USE_PREF_SIZE);
        record.setMinWidth(Region.USE_PREF_SIZE);
        title.setMinWidth(0); // the title gives way (it is also in the list on the left), never a button
        HBox titleRow = new HBox(6, title, titleGap, more, record);
        titleRow.setId("sheetTitleRow");
        titleRow.setAlignment(Pos.CENTER_LEFT);
        // a branch with several assessments in this round (one per template): the page shows one, in order, and
        // names the others here to switch to
        ComboBox<Assessment> others = new ComboBox<>(vm.inRound());
        others.setId("roundAssessments");
        others.setConverter(Tables.converter(vm::describe));
        others.visibleProperty()
                .bind(javafx.beans.binding.Bindings.size(vm.inRound()).greaterThan(1));
        others.managedProperty().bind(others.visibleProperty());
        vm.assessmentProperty().addListener((o, was, now) -> others.setValue(now));
        others.setOnAction(e -> {
            Assessment chosen = others.getValue();
            if (chosen != null
                    && (vm.assessmentProperty().get() == null
                            || !chosen.id().equals(vm.assessmentProperty().get().id()))) {
                vm.switchTo(chosen);
            }
        });
        Label othersLabel = new Label(m.get("checklist.view.severalInRound"));
        othersLabel.visibleProperty().bind(others.visibleProperty());
        othersLabel.managedProperty().bind(others.visibleProperty());
        HBox switchRow = new HBox(6, othersLabel, others);
        switchRow.setAlignment(Pos.CENTER_LEFT);
        switchRow.managedProperty().bind(others.visibleProperty());
        // the rows take room only when they say something: the items below are what the inspector works in (at 125 %
        // an empty 否决 line and a line of its own for the state cost two item rows)
        veto.managedProperty().bind(veto.textProperty().isNotEmpty());
        veto.visibleProperty().bind(veto.managedProperty());
        state.setWrapText(false);
        state.setMinWidth(0); // a long 公示 line gives way, never the score
        summary.setMinWidth(Region.USE_PREF_SIZE);
        HBox summaryRow = new HBox(16, summary, state);
        summaryRow.setAlignment(Pos.CENTER_LEFT);
        VBox head = new VBox(2, titleRow, switchRow, summaryRow, veto);
        head.setPadding(new Insets(6, 8, 4, 8));
        return head;
    }

    private String stateText(Assessment a) {
        String s = m.get(a.status().messageKey());
        if (a.status() == Assessment.Status.PUBLICITY && a.publicityStart() != null) {
            s = m.get(
                    "checklist.view.publicity",
                    a.publicityStart().toString(),
                    a.publicityEnd().toString());
        }
        if (a.reopenReason() != null && a.status() == Assessment.Status.SCORING) {
            s = s + " · " + m.get("checklist.view.reopened", a.reopenReason());
        }
        return s;
    }
}
