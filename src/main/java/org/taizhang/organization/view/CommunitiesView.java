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
        editor = new SimpleRecordEditor<>(vm, "community", "community.search.prompt", Community::name);
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
        name.textProperty().addListener(o -> editor.typed(this::validate));
        liaison.textProperty().addListener(o -> editor.typed(this::validate));
        lead.valueProperty().addListener(o -> editor.typed(this::validate));
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
        editor.load(c == null, () -> {
            name.setText(c == null ? "" : c.name());
            lead.setValue(c == null ? null : r.unit(c.leadUnitId()).orElse(null));
            liaison.setText(c == null || c.liaison() == null ? "" : c.liaison());
            remark.setText(c == null || c.remark() == null ? "" : c.remark());
            members.getItems().setAll(c == null ? List.of()
                    : r.membersOf(c.id()).stream().map(Organization::name).toList());
        }, this::validate);
        editor.title.setText(vm.messages().get(c == null ? "community.form.newTitle" : "community.form.editTitle"));
        editor.delete.setDisable(c == null);
    }

    private Community current() {
        if (editing == null && pendingId == null) {
            pendingId = Ids.newId();
        }
        return new Community(editing != null ? editing.id() : pendingId, name.getText().strip(),
                lead.getValue() == null ? null : lead.getValue().id(), SimpleRecordEditor.value(liaison), SimpleRecordEditor.value(remark));
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
        Community c = current();
        editor.save(c, Community::id, x -> vm.service().save(x), () -> {
            pendingId = null;
            editing = c;
        });
    }

    private void delete() {
        if (editing != null) {
            editor.delete(editing.name(), editing.id(), vm.service()::deleteCommunity, () -> edit(null));
        }
    }

    public Node node() {
        return editor.node();
    }
}
