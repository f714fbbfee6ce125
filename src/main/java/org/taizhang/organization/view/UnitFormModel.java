package org.taizhang.organization.view;

import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.taizhang.core.Ids;
import org.taizhang.core.Issue;
import org.taizhang.core.ui.FormModel;
import org.taizhang.organization.RegistryRules;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

/** The 单位 form: name, short name, contact, remark; checked with {@link RegistryRules}. */
public final class UnitFormModel extends FormModel<Unit> {
    final StringProperty name = new SimpleStringProperty("");
    final StringProperty shortName = new SimpleStringProperty("");
    final StringProperty contactPerson = new SimpleStringProperty("");
    final StringProperty contactPhone = new SimpleStringProperty("");
    final StringProperty remark = new SimpleStringProperty("");
    private Registry registry = Registry.empty();
    private String id = Ids.newId();
    private int sortOrder;

    public UnitFormModel() {
        track(name, shortName, contactPerson, contactPhone, remark);
    }

    void setContext(Registry r) {
        registry = r;
        validate();
    }

    @Override
    protected Unit blank() {
        // a new unit goes after every other one, in the tree and in the printed table
        int last = registry.units().stream().mapToInt(Unit::sortOrder).max().orElse(0);
        return new Unit(Ids.newId(), "", null, null, null, null, last + 1);
    }

    @Override
    protected void fill(Unit u) {
        id = u.id();
        sortOrder = u.sortOrder();
        name.set(u.name());
        shortName.set(nz(u.shortName()));
        contactPerson.set(nz(u.contactPerson()));
        contactPhone.set(nz(u.contactPhone()));
        remark.set(nz(u.remark()));
    }

    @Override
    public Unit read() {
        return new Unit(
                id,
                name.get() == null ? "" : name.get().strip(),
                OrganizationFormModel.blankToNull(shortName.get()),
                OrganizationFormModel.blankToNull(contactPerson.get()),
                OrganizationFormModel.blankToNull(contactPhone.get()),
                OrganizationFormModel.blankToNull(remark.get()),
                sortOrder);
    }

    @Override
    protected List<Issue> check(Unit u) {
        return RegistryRules.check(registry, u);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
