package org.taizhang.organization.view;

import java.time.ZoneId;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.HistoryText;
import org.taizhang.core.ui.RecordPageView;
import org.taizhang.core.ui.RecordPageView.FormGrid;
import org.taizhang.core.ui.Tables;
import org.taizhang.organization.RegistryHistory;
import org.taizhang.organization.files.RegistryColumns;
import org.taizhang.organization.model.Unit;

/** The 单位 tab: the units with their short names and contacts, on the shared list + form + history page. */
public final class UnitsView {
    private final Node node;

    public UnitsView(RegistryViewModel vm) {
        Messages m = vm.messages();
        UnitFormModel f = vm.unitForm;
        TableView<Unit> table = new TableView<>();
        table.setId("unitTable");
        table.setPlaceholder(new Label(m.get("registry.table.empty")));
        table.getColumns()
                .setAll(java.util.List.of(
                        Tables.textColumn(m.get("unit.column.name"), 240, Unit::name),
                        Tables.textColumn(m.get("unit.column.shortName"), 110, Unit::shortName),
                        Tables.valueColumn(
                                m.get("unit.column.organizations"),
                                80,
                                u -> vm.registryProperty().get().ofUnit(u.id()).size(),
                                String::valueOf),
                        Tables.textColumn(m.get("unit.column.contact"), 90, Unit::contactPerson),
                        Tables.textColumn(m.get("unit.column.phone"), 120, Unit::contactPhone)));
        TextField search = TextFields.createClearableTextField();
        search.setId("unitSearch");
        search.setPromptText(m.get("unit.search.prompt"));
        Tables.searchable(
                table, vm.unitItems, search, u -> u.name() + " " + (u.shortName() == null ? "" : u.shortName()));
        RecordPageView.follow(table, vm.units);

        FormGrid grid = new FormGrid(f)
                .field(m.get("unit.form.name"), RecordPageView.text("unitName", f.name), RegistryColumns.UNIT_NAME)
                .field(m.get("unit.form.shortName"), RecordPageView.text("unitShortName", f.shortName), null)
                .field(
                        m.get("unit.form.contactPerson"),
                        RecordPageView.text("unitContactPerson", f.contactPerson),
                        RegistryColumns.CONTACT_PERSON)
                .field(
                        m.get("unit.form.contactPhone"),
                        RecordPageView.text("unitContactPhone", f.contactPhone),
                        RegistryColumns.CONTACT_PHONE)
                .field(m.get("unit.form.remark"), RecordPageView.text("unitRemark", f.remark), RegistryColumns.REMARK);
        Node form = RecordPageView.formPane(
                vm.units,
                m,
                "unit",
                m.get("unit.form.newTitle"),
                m.get("unit.form.editTitle"),
                grid,
                h -> HistoryText.describe(
                        h, RegistryHistory.ofUnit(h, vm.registryProperty().get()), m, ZoneId.systemDefault()));
        VBox left = new VBox(6, search, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        left.setPadding(new Insets(6));
        SplitPane split = new SplitPane(left, form);
        split.setDividerPositions(0.62);
        node = split;
    }

    public Node node() {
        return node;
    }
}
