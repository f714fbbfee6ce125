package org.taizhang.inspection.view;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SearchableComboBox;
import org.controlsfx.control.textfield.TextFields;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.DateFields;
import org.taizhang.core.ui.FormDialog;
import org.taizhang.core.ui.HistoryText;
import org.taizhang.core.ui.Pickers;
import org.taizhang.core.ui.RecordPageView;
import org.taizhang.core.ui.RecordPageView.FormGrid;
import org.taizhang.core.ui.Tables;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.model.Inspection;
import org.taizhang.inspection.model.InspectionTeam;
import org.taizhang.inspection.model.Visit;
import org.taizhang.inspection.model.VisitMethod;
import org.taizhang.organization.model.Unit;

/**
 * 督查安排: the rounds (list + form + history), and under the form the chosen round's teams, the units in scope
 * and the visits with their photos.
 */
public final class InspectionsView {
    private final Node node;
    private final InspectionsViewModel vm;
    private final Messages m;

    public InspectionsView(InspectionsViewModel vm) {
        this.vm = vm;
        this.m = vm.messages();
        InspectionFormModel f = vm.form;
        TableView<Inspection> table = new TableView<>();
        table.setId("inspectionTable");
        table.setPlaceholder(new Label(m.get("inspection.table.empty")));
        table.getColumns()
                .setAll(List.of(
                        Tables.textColumn(m.get("inspection.form.title"), 200, Inspection::title),
                        Tables.textColumn(m.get("inspection.form.kind"), 100, Inspection::kind),
                        Tables.valueColumn(m.get("inspection.form.year"), 60, Inspection::year, String::valueOf),
                        Tables.textColumn(m.get("inspection.column.period"), 170, InspectionsView::period)));
        TextField search = TextFields.createClearableTextField();
        search.setId("inspectionSearch");
        search.setPromptText(m.get("inspection.search.prompt"));
        Tables.searchable(table, vm.rounds, search, i -> i.title() + " " + i.kind() + " " + i.year());
        RecordPageView.follow(table, vm.page);

        ComboBox<String> kind =
                new ComboBox<>(javafx.collections.FXCollections.observableArrayList(Inspection.COMMON_KINDS));
        kind.setId("inspectionKind");
        kind.setEditable(true);
        kind.valueProperty().bindBidirectional(f.kind);
        TextArea notes = new TextArea();
        notes.setId("inspectionNotes");
        notes.setPrefRowCount(2);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(f.notes);
        FormGrid grid = new FormGrid(f)
                .field(m.get("inspection.form.title"), RecordPageView.text("inspectionTitle", f.title), "title")
                .field(m.get("inspection.form.kind"), kind, "kind")
                .field(m.get("inspection.form.year"), RecordPageView.text("inspectionYear", f.year), "year")
                .field(
                        m.get("inspection.form.startsOn"),
                        DateFields.picker("inspectionStartsOn", f.startsOn, m.get("inspection.form.datePrompt"), m),
                        "startsOn")
                .field(
                        m.get("inspection.form.endsOn"),
                        DateFields.picker("inspectionEndsOn", f.endsOn, m.get("inspection.form.datePrompt"), m),
                        "endsOn")
                .field(m.get("inspection.form.notes"), notes, null);
        Node form = RecordPageView.formPane(
                vm.page,
                m,
                "inspection",
                m.get("inspection.form.newTitle"),
                m.get("inspection.form.editTitle"),
                grid,
                h -> HistoryText.describe(h, vm.readableChanges(h), m, java.time.ZoneId.systemDefault()));

        TabPane details = new TabPane(
                tab("inspection.tab.teams", teams()),
                tab("inspection.tab.scope", scope()),
                tab("inspection.tab.visits", visits()));
        details.setId("inspectionDetails");
        SplitPane right = new SplitPane(form, details);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.5);

        VBox left = new VBox(6, search, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        left.setPadding(new Insets(6));
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.45);
        node = split;
    }

    public Node node() {
        return node;
    }

    private Tab tab(String key, Node content) {
        Tab t = new Tab(m.get(key), content);
        t.setClosable(false);
        return t;
    }

    static String period(Inspection i) {
        if (i.startsOn() == null && i.endsOn() == null) {
            return "";
        }
        return (i.startsOn() == null ? "" : i.startsOn().toString()) + " — "
                + (i.endsOn() == null ? "" : i.endsOn().toString());
    }

    // ---- 检查组

    private Node teams() {
        TableView<InspectionTeam> table = new TableView<>(vm.teams);
        table.setId("teamTable");
        table.setPlaceholder(new Label(m.get("inspection.teams.empty")));
        table.getColumns()
                .setAll(List.of(
                        Tables.textColumn(m.get("inspection.team.name"), 120, InspectionTeam::name),
                        Tables.textColumn(m.get("inspection.team.leader"), 90, InspectionTeam::leader),
                        Tables.textColumn(m.get("inspection.team.members"), 220, InspectionTeam::members)));
        Button add = button("teamAdd", "inspection.team.add", () -> editTeam(null));
        Button edit = button("teamEdit", "inspection.team.edit", () -> editTeam(selected(table)));
        Button remove = button("teamRemove", "inspection.team.remove", () -> {
            if (selected(table) != null) {
                vm.removeTeam(selected(table));
            }
        });
        edit.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        return box(table, new HBox(6, add, edit, remove));
    }

    private void editTeam(InspectionTeam t) {
        TextField name = new TextField(t == null ? "" : t.name());
        name.setId("teamName");
        TextField leader = new TextField(t == null || t.leader() == null ? "" : t.leader());
        leader.setId("teamLeader");
        TextField members = new TextField(t == null || t.members() == null ? "" : t.members());
        members.setId("teamMembers");
        members.setPromptText(m.get("inspection.team.membersPrompt"));
        GridPane g = grid();
        g.addRow(0, new Label(m.get("inspection.team.name")), name);
        g.addRow(1, new Label(m.get("inspection.team.leader")), leader);
        g.addRow(2, new Label(m.get("inspection.team.members")), members);
        if (ask("teamDialog", t == null ? "inspection.team.add" : "inspection.team.edit", g, name)) {
            vm.saveTeam(t, name.getText(), leader.getText(), members.getText());
        }
    }

    // ---- 检查范围

    private Node scope() {
        TableView<InspectionsViewModel.ScopeRow> table = new TableView<>(vm.scope);
        table.setId("scopeTable");
        table.setPlaceholder(new Label(m.get("inspection.scope.empty")));
        table.getColumns()
                .setAll(List.of(
                        Tables.textColumn(
                                m.get("inspection.scope.unit"),
                                220,
                                r -> r.unit().name()),
                        Tables.textColumn(
                                m.get("inspection.scope.team"),
                                120,
                                r -> r.team() == null ? "" : r.team().name())));
        SearchableComboBox<Unit> unit = new SearchableComboBox<>(vm.units);
        unit.setId("scopeUnit");
        unit.setConverter(Tables.converter(u -> u == null ? "" : u.name()));
        Pickers.pinyin(unit, m);
        unit.setPromptText(m.get("inspection.scope.unitPrompt"));
        ComboBox<InspectionTeam> team = new ComboBox<>(vm.teams);
        team.setId("scopeTeam");
        team.setConverter(Tables.converter(x -> x == null ? "" : x.name()));
        team.setPromptText(m.get("inspection.scope.team"));
        Button add = button("scopeAdd", "inspection.scope.add", () -> {
            vm.putInScope(unit.getValue(), team.getValue());
            unit.setValue(null);
        });
        add.disableProperty().bind(unit.valueProperty().isNull());
        Button remove = button("scopeRemove", "inspection.scope.remove", () -> {
            var row = table.getSelectionModel().getSelectedItem();
            if (row != null) {
                vm.removeFromScope(row);
            }
        });
        remove.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        HBox.setHgrow(unit, Priority.ALWAYS);
        unit.setMinWidth(120);
        team.setMinWidth(90);
        return box(table, new HBox(6, unit, team, add, remove));
    }

    // ---- 走访

    private Node visits() {
        TableView<Visit> table = new TableView<>(vm.visits);
        table.setId("visitTable");
        table.setPlaceholder(new Label(m.get("inspection.visits.empty")));
        table.getColumns()
                .setAll(List.of(
                        Tables.valueColumn(m.get("inspection.visit.day"), 90, Visit::visitedOn, String::valueOf),
                        Tables.textColumn(m.get("inspection.visit.unit"), 170, v -> vm.unitName(v.unitId())),
                        Tables.textColumn(m.get("inspection.visit.team"), 90, v -> vm.teamName(v.teamId())),
                        Tables.textColumn(m.get("inspection.visit.methods"), 140, vm::methods),
                        Tables.textColumn(m.get("inspection.visit.notes"), 200, Visit::notes)));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.showPhotos(now));
        Button add = button("visitAdd", "inspection.visit.add", () -> editVisit(null));
        Button edit = button("visitEdit", "inspection.visit.edit", () -> editVisit(selected(table)));
        Button remove = button("visitRemove", "inspection.visit.remove", () -> {
            if (selected(table) != null) {
                vm.removeVisit(selected(table));
            }
        });
        edit.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());

        ListView<FindingService.Evidence> photos = new ListView<>(vm.photos);
        photos.setId("visitPhotos");
        photos.setPrefHeight(90);
        Label noPhotos = new Label(m.get("inspection.photos.empty"));
        noPhotos.setId("visitPhotosEmpty");
        // with a visit chosen the list is that visit's: it has none yet, and 添加 is right below
        noPhotos.textProperty()
                .bind(javafx.beans.binding.Bindings.when(
                                table.getSelectionModel().selectedItemProperty().isNull())
                        .then(m.get("inspection.photos.empty"))
                        .otherwise(m.get("inspection.photos.none")));
        photos.setPlaceholder(noPhotos);
        photos.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(FindingService.Evidence e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.attachment().fileName());
            }
        });
        Button addPhoto = button("visitAddPhoto", "inspection.photo.add", () -> vm.addPhoto(selected(table)));
        addPhoto.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button removePhoto = button("visitRemovePhoto", "inspection.photo.remove", () -> {
            var e = photos.getSelectionModel().getSelectedItem();
            if (e != null) {
                vm.removePhoto(selected(table), e);
            }
        });
        removePhoto
                .disableProperty()
                .bind(photos.getSelectionModel().selectedItemProperty().isNull());
        VBox box = box(table, new HBox(6, add, edit, remove));
        box.getChildren().addAll(new Label(m.get("inspection.photos")), photos, new HBox(6, addPhoto, removePhoto));
        return box;
    }

    private void editVisit(Visit v) {
        SearchableComboBox<Unit> unit = new SearchableComboBox<>(vm.units);
        unit.setId("visitUnit");
        unit.setConverter(Tables.converter(u -> u == null ? "" : u.name()));
        Pickers.pinyin(unit, m);
        if (v != null) {
            vm.registryProperty().get().unit(v.unitId()).ifPresent(unit::setValue);
        }
        ComboBox<InspectionTeam> team = new ComboBox<>(vm.teams);
        team.setId("visitTeam");
        team.setConverter(Tables.converter(x -> x == null ? "" : x.name()));
        if (v != null) {
            vm.teams.stream().filter(t -> t.id().equals(v.teamId())).findFirst().ifPresent(team::setValue);
        }
        DatePicker day = DateFields.picker(
                "visitDay",
                new javafx.beans.property.SimpleObjectProperty<>(v == null ? LocalDate.now() : v.visitedOn()),
                m.get("inspection.form.datePrompt"),
                m);
        HBox methods = new HBox(8);
        for (VisitMethod method : VisitMethod.values()) {
            CheckBox c = new CheckBox(m.get(method.labelKey()));
            c.setId("visitMethod" + method.name());
            c.setUserData(method);
            c.setSelected(v == null || v.methods().contains(method));
            methods.getChildren().add(c);
        }
        TextArea notes = new TextArea(v == null || v.notes() == null ? "" : v.notes());
        notes.setId("visitNotes");
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        GridPane g = grid();
        g.addRow(0, new Label(m.get("inspection.visit.unit")), unit);
        g.addRow(1, new Label(m.get("inspection.visit.team")), team);
        g.addRow(2, new Label(m.get("inspection.visit.day")), day);
        g.addRow(3, new Label(m.get("inspection.visit.methods")), methods);
        g.addRow(4, new Label(m.get("inspection.visit.notes")), notes);
        if (ask("visitDialog", v == null ? "inspection.visit.titleNew" : "inspection.visit.titleEdit", g, unit)) {
            Set<VisitMethod> chosen = EnumSet.noneOf(VisitMethod.class);
            methods.getChildren().stream()
                    .map(n -> (CheckBox) n)
                    .filter(CheckBox::isSelected)
                    .forEach(c -> chosen.add((VisitMethod) c.getUserData()));
            // OK by Enter can come before the day was left: read what is on screen
            LocalDate visited = DateFields.commit(day).orElse(null);
            vm.saveVisit(v, unit.getValue(), team.getValue(), visited, chosen, notes.getText());
        }
    }

    // ---- small shared pieces

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(m.get(key));
        b.setId(id);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never cut to "…": the pickers beside give way
        b.setOnAction(e -> action.run());
        return b;
    }

    private static <T> T selected(TableView<T> table) {
        return table.getSelectionModel().getSelectedItem();
    }

    private static VBox box(Node table, Node buttons) {
        VBox box = new VBox(6, table, buttons);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(12));
        return g;
    }

    /** Shows a small form in a dialog (through the dialog service); true when 确定 was pressed. */
    private boolean ask(String id, String titleKey, Node content, Node focus) {
        return vm.dialogs().askForm(new FormDialog(id, m.get(titleKey), content).focus(focus));
    }
}
