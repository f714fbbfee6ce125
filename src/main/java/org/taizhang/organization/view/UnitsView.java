package org.taizhang.organization.view;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import org.taizhang.core.Issue;
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

    public UnitsView(RegistryViewModel vm) {
        this.vm = vm;
        editor = new SimpleRecordEditor<>(vm, "unit", "unit.search.prompt", u -> u.name() + " " + nz(u.shortName()));
        editor.column("unit.column.name", 240, Unit::name);
        editor.column("unit.column.shortName", 110, u -> nz(u.shortName()));
        editor.column(
                "unit.column.organizations",
                80,
                u -> String.valueOf(vm.registryProperty().get().ofUnit(u.id()).size()));
        editor.column("unit.column.contact", 90, u -> nz(u.contactPerson()));
        editor.column("unit.column.phone", 120, u -> nz(u.contactPhone()));
        name.setId("unitName");
        editor.field("unit.form.name", name);
        editor.field("unit.form.shortName", shortName);
        editor.field("unit.form.contactPerson", person);
        editor.field("unit.form.contactPhone", phone);
        editor.field("unit.form.remark", remark);
        editor.bind(
                new Form(),
                "unit.form.newTitle",
                "unit.form.editTitle",
                name.textProperty(),
                shortName.textProperty(),
                person.textProperty(),
                phone.textProperty(),
                remark.textProperty());
    }

    private final class Form implements SimpleRecordEditor.Form<Unit> {
        @Override
        public String id(Unit u) {
            return u.id();
        }

        @Override
        public String name(Unit u) {
            return u.name();
        }

        @Override
        public List<Unit> all(Registry r) {
            return r.units();
        }

        @Override
        public Optional<Unit> current(Registry r, String id) {
            return r.unit(id);
        }

        @Override
        public void fill(Unit u) {
            name.setText(u == null ? "" : u.name());
            shortName.setText(u == null ? "" : nz(u.shortName()));
            person.setText(u == null ? "" : nz(u.contactPerson()));
            phone.setText(u == null ? "" : nz(u.contactPhone()));
            remark.setText(u == null ? "" : nz(u.remark()));
        }

        @Override
        public Unit read(String id, Unit editing) {
            int order = editing != null
                    ? editing.sortOrder()
                    : vm.registryProperty().get().units().size() + 1;
            return new Unit(
                    id,
                    name.getText().strip(),
                    SimpleRecordEditor.value(shortName),
                    SimpleRecordEditor.value(person),
                    SimpleRecordEditor.value(phone),
                    SimpleRecordEditor.value(remark),
                    order);
        }

        @Override
        public List<Issue> check(Registry r, Unit u) {
            return RegistryRules.check(r, u);
        }

        @Override
        public void save(Unit u) {
            vm.service().save(u);
        }

        @Override
        public void delete(String id) {
            vm.service().deleteUnit(id);
        }
    }

    public Node node() {
        return editor.node();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
