package org.taizhang.organization.view;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.taizhang.core.Ids;
import org.taizhang.core.Issue;
import org.taizhang.core.i18n.Messages;
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
    private Community editing;
    private String pendingId;

    public CommunitiesView(RegistryViewModel vm) {
        this.vm = vm;
        Messages m = vm.messages();
        editor = new SimpleRecordEditor<>(m, "community", Community::name);
        editor.column("community.column.name", 180, Community::name);
        editor.column("community.column.leadUnit", 200,
                c -> vm.registryProperty().get().unit(c.leadUnitId()).map(Unit::name).orElse(""));
        editor.column("community.column.liaison", 180, c -> c.liaison() == null ? "" : c.liaison());
        editor.column("community.column.members", 70,
                c -> String.valueOf(vm.registryProperty().get().membersOf(c.id()).size()));
        name.setId("communityName");
        lead.setConverter(RegistryView.converter(u -> u == null ? "" : u.name()));
        editor.field("community.form.name", name);
        editor.field("community.form.leadUnit", lead);
        editor.field("community.form.liaison", liaison);
        editor.field("community.form.remark", remark);
        members.setPrefHeight(200);
        editor.grid.add(new Label(m.get("community.form.members")), 0, 4);
        editor.grid.add(members, 1, 4);
        name.textProperty().addListener(o -> validate());
        liaison.textProperty().addListener(o -> validate());
        lead.valueProperty().addListener(o -> validate());
        vm.registryProperty().addListener((obs, old, r) -> {
            editor.items.setAll(r.communities());
            lead.getItems().setAll(r.units());
            editing = editing == null ? null : r.community(editing.id()).orElse(null);
            validate();
        });
        editor.table.getSelectionModel().selectedItemProperty().addListener((obs, old, c) -> {
            if (c != null) {
                edit(c);
            }
        });
        editor.create.setOnAction(e -> edit(null));
        editor.save.setOnAction(e -> save());
        editor.delete.setOnAction(e -> delete());
        edit(null);
    }

    private void edit(Community c) {
        editing = c;
        Registry r = vm.registryProperty().get();
        name.setText(c == null ? "" : c.name());
        lead.setValue(c == null ? null : r.unit(c.leadUnitId()).orElse(null));
        liaison.setText(c == null || c.liaison() == null ? "" : c.liaison());
        remark.setText(c == null || c.remark() == null ? "" : c.remark());
        members.getItems().setAll(c == null ? List.of()
                : r.membersOf(c.id()).stream().map(Organization::name).toList());
        editor.title.setText(vm.messages().get(c == null ? "community.form.newTitle" : "community.form.editTitle"));
        editor.delete.setDisable(c == null);
        validate();
    }

    private Community current() {
        if (editing == null && pendingId == null) {
            pendingId = Ids.newId();
        }
        return new Community(editing != null ? editing.id() : pendingId, name.getText().strip(),
                lead.getValue() == null ? null : lead.getValue().id(), blank(liaison), blank(remark));
    }

    private boolean validate() {
        List<Issue> issues = RegistryRules.check(vm.registryProperty().get(), current());
        return editor.showIssues(issues);
    }

    private void save() {
        if (!validate()) {
            return;
        }
        Community c = current();
        vm.tasks().run("registry.task.save", p -> vm.service().save(c), w -> {
            pendingId = null;
            editing = c;
            vm.reload(() -> editor.table.getItems().stream().filter(x -> x.id().equals(c.id())).findFirst()
                    .ifPresent(editor.table.getSelectionModel()::select));
        });
    }

    private void delete() {
        if (editing == null || !vm.dialogs().confirm(vm.messages().get("registry.delete.header", editing.name()),
                vm.messages().get("registry.delete.message"))) {
            return;
        }
        String id = editing.id();
        vm.tasks().run("registry.task.delete", p -> {
            vm.service().deleteCommunity(id);
            return id;
        }, x -> {
            edit(null);
            vm.reload(() -> {});
        });
    }

    public Node node() {
        return editor.node();
    }

    private static String blank(TextField t) {
        return t.getText() == null || t.getText().isBlank() ? null : t.getText().strip();
    }
}
