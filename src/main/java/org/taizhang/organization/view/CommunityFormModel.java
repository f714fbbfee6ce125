package org.taizhang.organization.view;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taizhang.core.Ids;
import org.taizhang.core.Issue;
import org.taizhang.core.ui.FormModel;
import org.taizhang.organization.RegistryRules;
import org.taizhang.organization.model.Community;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

/** The 共同体 form: name, lead unit, liaison, remark, and (to read) its member organizations. */
public final class CommunityFormModel extends FormModel<Community> {
    final StringProperty name = new SimpleStringProperty("");
    final ObjectProperty<Unit> leadUnit = new SimpleObjectProperty<>();
    final StringProperty liaison = new SimpleStringProperty("");
    final StringProperty remark = new SimpleStringProperty("");
    final ObservableList<Unit> unitChoices = FXCollections.observableArrayList();
    final ObservableList<String> members = FXCollections.observableArrayList();
    private Registry registry = Registry.empty();
    private String id = Ids.newId();

    public CommunityFormModel() {
        track(name, leadUnit, liaison, remark);
    }

    void setContext(Registry r) {
        String leadId = leadUnit.get() == null ? null : leadUnit.get().id();
        registry = r;
        quietly(() -> {
            unitChoices.setAll(r.units());
            leadUnit.set(r.unit(leadId).orElse(leadUnit.get()));
            members.setAll(r.membersOf(id).stream().map(Organization::name).toList());
        });
        validate();
    }

    @Override
    protected Community blank() {
        return new Community(Ids.newId(), "", null, null, null);
    }

    @Override
    protected void fill(Community c) {
        id = c.id();
        name.set(c.name());
        leadUnit.set(registry.unit(c.leadUnitId()).orElse(null));
        liaison.set(c.liaison() == null ? "" : c.liaison());
        remark.set(c.remark() == null ? "" : c.remark());
        members.setAll(
                registry.membersOf(c.id()).stream().map(Organization::name).toList());
    }

    @Override
    public Community read() {
        return new Community(
                id,
                name.get() == null ? "" : name.get().strip(),
                leadUnit.get() == null ? null : leadUnit.get().id(),
                OrganizationFormModel.blankToNull(liaison.get()),
                OrganizationFormModel.blankToNull(remark.get()));
    }

    @Override
    protected List<Issue> check(Community c) {
        return RegistryRules.check(registry, c);
    }
}
