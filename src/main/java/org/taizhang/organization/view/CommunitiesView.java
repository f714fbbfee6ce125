package org.taizhang.organization.view;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.taizhang.core.Issue;
import org.taizhang.organization.Community;
import org.taizhang.organization.Organization;
import org.taizhang.organization.Registry;
import org.taizhang.organization.RegistryRules;
import org.taizhang.organization.Unit;

/** The 共同体 tab: communities with their lead unit, liaison 工委委员 and member organizations. */
public final class CommunitiesView {
    private final SimpleRecordEditor<Community> editor;
    private final RegistryViewModel vm;
    private final TextField name = new TextField();
    private final ComboBox<Unit> lead = new ComboBox<>();
    private final TextField liaison = new TextField();
    private final TextField remark = new TextField();
    private final ListView<String> members = new ListView<>();

    public CommunitiesView(RegistryViewModel vm) {
        this.vm = vm;
        editor = new SimpleRecordEditor<>(vm, "community", "community.search.prompt", Community::name);
        editor.column("community.column.name", 180, Community::name);
        editor.column(
                "community.column.leadUnit",
                200,
                c -> vm.registryProperty()
                        .get()
                        .unit(c.leadUnitId())
                        .map(Unit::name)
                        .orElse(""));
        editor.column("community.column.liaison", 180, c -> c.liaison() == null ? "" : c.liaison());
        editor.column(
                "community.column.members",
                70,
                c -> String.valueOf(
                        vm.registryProperty().get().membersOf(c.id()).size()));
        name.setId("communityName");
        lead.setConverter(RegistryView.converter(u -> u == null ? "" : u.name()));
        editor.field("community.form.name", name);
        editor.field("community.form.leadUnit", lead);
        editor.field("community.form.liaison", liaison);
        editor.field("community.form.remark", remark);
        members.setPrefHeight(200);
        editor.grid.add(new Label(vm.messages().get("community.form.members")), 0, 4);
        editor.grid.add(members, 1, 4);
        // the lead unit's choices follow the registry; registered before bind, so they are there when it refills
        vm.registryProperty().addListener((obs, old, r) -> lead.getItems().setAll(r.units()));
        editor.bind(
                new Form(),
                "community.form.newTitle",
                "community.form.editTitle",
                name.textProperty(),
                liaison.textProperty(),
                lead.valueProperty());
    }

    private final class Form implements SimpleRecordEditor.Form<Community> {
        @Override
        public String id(Community c) {
            return c.id();
        }

        @Override
        public String name(Community c) {
            return c.name();
        }

        @Override
        public List<Community> all(Registry r) {
            return r.communities();
        }

        @Override
        public Optional<Community> current(Registry r, String id) {
            return r.community(id);
        }

        @Override
        public void fill(Community c) {
            Registry r = vm.registryProperty().get();
            name.setText(c == null ? "" : c.name());
            lead.setValue(c == null ? null : r.unit(c.leadUnitId()).orElse(null));
            liaison.setText(c == null || c.liaison() == null ? "" : c.liaison());
            remark.setText(c == null || c.remark() == null ? "" : c.remark());
            members.getItems()
                    .setAll(
                            c == null
                                    ? List.of()
                                    : r.membersOf(c.id()).stream()
                                            .map(Organization::name)
                                            .toList());
        }

        @Override
        public Community read(String id, Community editing) {
            return new Community(
                    id,
                    name.getText().strip(),
                    lead.getValue() == null ? null : lead.getValue().id(),
                    SimpleRecordEditor.value(liaison),
                    SimpleRecordEditor.value(remark));
        }

        @Override
        public List<Issue> check(Registry r, Community c) {
            return RegistryRules.check(r, c);
        }

        @Override
        public void save(Community c) {
            vm.service().save(c);
        }

        @Override
        public void delete(String id) {
            vm.service().deleteCommunity(id);
        }
    }

    public Node node() {
        return editor.node();
    }
}
