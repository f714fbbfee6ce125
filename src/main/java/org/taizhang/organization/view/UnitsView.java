package org.taizhang.organization.view;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import org.taizhang.core.Ids;
import org.taizhang.core.Issue;
import org.taizhang.core.i18n.Messages;
import org.taizhang.organization.Registry;
import org.taizhang.organization.RegistryRules;
import org.taizhang.organization.Unit;

/** The 单位 tab: the units with their short names and contacts. */
public final class UnitsView {
    private final SimpleRecordEditor<Unit> editor;
    private final RegistryViewModel vm;
    private final TextField name = new TextField();
    private final TextField shortName = new TextField();
    private final TextField person = new TextField();
    private final TextField phone = new TextField();
    private final TextField remark = new TextField();
    private Unit editing;

    public UnitsView(RegistryViewModel vm) {
        this.vm = vm;
        Messages m = vm.messages();
        editor = new SimpleRecordEditor<>(vm, "unit", "unit.search.prompt", u -> u.name() + " " + (u.shortName() == null ? "" : u.shortName()));
        editor.column("unit.column.name", 240, Unit::name);
        editor.column("unit.column.shortName", 110, u -> nz(u.shortName()));
        editor.column("unit.column.organizations", 80,
                u -> String.valueOf(vm.registryProperty().get().ofUnit(u.id()).size()));
        editor.column("unit.column.contact", 90, u -> nz(u.contactPerson()));
        editor.column("unit.column.phone", 120, u -> nz(u.contactPhone()));
        name.setId("unitName");
        editor.field("unit.form.name", name);
        editor.field("unit.form.shortName", shortName);
        editor.field("unit.form.contactPerson", person);
        editor.field("unit.form.contactPhone", phone);
        editor.field("unit.form.remark", remark);
        for (TextField t : List.of(name, shortName, person, phone, remark)) {
            t.textProperty().addListener(o -> editor.typed(this::validate));
        }
        vm.registryProperty().addListener((obs, old, r) -> {
            editor.items.setAll(r.units());
            editing = editing == null ? null : r.unit(editing.id()).orElse(null);
            validate();
        });
        editor.table.getSelectionModel().selectedItemProperty().addListener((obs, old, u) -> {
            if (u != null) {
                edit(u);
            }
        });
        editor.create.setOnAction(e -> edit(null));
        editor.save.setOnAction(e -> save());
        editor.delete.setOnAction(e -> delete());
        edit(null);
    }

    private void edit(Unit u) {
        editing = u;
        editor.load(u == null, () -> {
            name.setText(u == null ? "" : u.name());
            shortName.setText(u == null ? "" : nz(u.shortName()));
            person.setText(u == null ? "" : nz(u.contactPerson()));
            phone.setText(u == null ? "" : nz(u.contactPhone()));
            remark.setText(u == null ? "" : nz(u.remark()));
        }, this::validate);
        editor.title.setText(vm.messages().get(u == null ? "unit.form.newTitle" : "unit.form.editTitle"));
        editor.delete.setDisable(u == null);
    }

    private Unit current() {
        Registry r = vm.registryProperty().get();
        int order = editing != null ? editing.sortOrder() : r.units().size() + 1;
        return new Unit(editing != null ? editing.id() : pendingId(), name.getText().strip(), SimpleRecordEditor.value(shortName),
                SimpleRecordEditor.value(person), SimpleRecordEditor.value(phone), SimpleRecordEditor.value(remark), order);
    }

    private String pendingId;

    private String pendingId() {
        if (pendingId == null) {
            pendingId = Ids.newId();
        }
        return pendingId;
    }

    private boolean validate() {
        List<Issue> issues = RegistryRules.check(vm.registryProperty().get(), current());
        return editor.showIssues(issues);
    }

    private void save() {
        editor.quiet = false;
        if (!validate()) {
            return;
        }
        Unit u = current();
        editor.save(u, Unit::id, x -> vm.service().save(x), () -> {
            pendingId = null;
            editing = u;
        });
    }

    private void delete() {
        if (editing != null) {
            editor.delete(editing.name(), editing.id(), vm.service()::deleteUnit, () -> edit(null));
        }
    }

    public Node node() {
        return editor.node();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
