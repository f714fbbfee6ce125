package org.taizhang.organization.view;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taizhang.core.Ids;
import org.taizhang.core.Issue;
import org.taizhang.core.text.CellValues;
import org.taizhang.organization.Community;
import org.taizhang.organization.Organization;
import org.taizhang.organization.OrganizationKind;
import org.taizhang.organization.Registry;
import org.taizhang.organization.RegistryColumns;
import org.taizhang.organization.RegistryRules;
import org.taizhang.organization.Unit;

/**
 * The organization form's state and its live checks (the same {@link RegistryRules} the save uses), with no
 * controls in it. The view binds its fields to these properties.
 */
public final class OrganizationFormModel {
    final StringProperty name = new SimpleStringProperty("");
    final ObjectProperty<OrganizationKind> kind = new SimpleObjectProperty<>(OrganizationKind.BRANCH);
    final ObjectProperty<Unit> unit = new SimpleObjectProperty<>();
    final ObjectProperty<Organization> parent = new SimpleObjectProperty<>();
    final StringProperty secretary = new SimpleStringProperty("");
    final StringProperty deputy = new SimpleStringProperty("");
    final StringProperty members = new SimpleStringProperty("");
    final BooleanProperty committee = new SimpleBooleanProperty();
    final ObjectProperty<LocalDate> termStart = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> termEnd = new SimpleObjectProperty<>();
    final ObjectProperty<Community> community = new SimpleObjectProperty<>();
    final StringProperty contactPerson = new SimpleStringProperty("");
    final StringProperty contactPhone = new SimpleStringProperty("");
    final StringProperty remark = new SimpleStringProperty("");

    final ObservableList<Issue> issues = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper hasErrors = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper isNew = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();

    private Registry registry = Registry.empty();
    private LocalDate today = LocalDate.now();
    private String id = Ids.newId();
    private int sortOrder;
    private boolean loading;

    public OrganizationFormModel() {
        Observable[] fields = {
            name,
            kind,
            unit,
            parent,
            secretary,
            deputy,
            members,
            committee,
            termStart,
            termEnd,
            community,
            contactPerson,
            contactPhone,
            remark
        };
        for (Observable f : fields) {
            f.addListener(o -> {
                if (!loading) {
                    dirty.set(true);
                    validate();
                }
            });
        }
        // a parent from another unit makes no sense; clear it when the unit changes
        unit.addListener((obs, old, now) -> {
            if (!loading
                    && parent.get() != null
                    && (now == null || !parent.get().unitId().equals(now.id()))) {
                parent.set(null);
            }
        });
    }

    void setContext(Registry registry, LocalDate today) {
        this.registry = registry;
        this.today = today;
        validate();
    }

    Registry registry() {
        return registry;
    }

    void edit(Organization o) {
        loading = true;
        try {
            id = o.id();
            sortOrder = o.sortOrder();
            name.set(o.name());
            kind.set(o.kind());
            unit.set(registry.unit(o.unitId()).orElse(null));
            parent.set(registry.organization(o.parentId()).orElse(null));
            secretary.set(nz(o.secretary()));
            deputy.set(nz(o.fullTimeDeputy()));
            members.set(o.memberCount() == null ? "" : o.memberCount().toString());
            committee.set(o.hasCommittee());
            termStart.set(o.termStart());
            termEnd.set(o.termEnd());
            community.set(registry.community(o.communityId()).orElse(null));
            contactPerson.set(nz(o.contactPerson()));
            contactPhone.set(nz(o.contactPhone()));
            remark.set(nz(o.remark()));
            isNew.set(registry.organization(o.id()).isEmpty());
        } finally {
            loading = false;
        }
        dirty.set(false);
        validate();
    }

    /** A new organization under {@code parentOrNull} (or at the top of {@code unitOrNull}). */
    void startNew(Unit unitOrNull, Organization parentOrNull) {
        loading = true;
        try {
            id = Ids.newId();
            sortOrder = Integer.MAX_VALUE / 2;
            name.set("");
            kind.set(parentOrNull == null ? OrganizationKind.PARTY_COMMITTEE : OrganizationKind.BRANCH);
            unit.set(unitOrNull);
            parent.set(parentOrNull);
            for (StringProperty s : List.of(secretary, deputy, members, contactPerson, contactPhone, remark)) {
                s.set("");
            }
            committee.set(false);
            termStart.set(null);
            termEnd.set(null);
            community.set(null);
            isNew.set(true);
        } finally {
            loading = false;
        }
        dirty.set(false);
        validate();
    }

    /** The organization as entered; the member count is null when it is not a whole number (see issues). */
    Organization toOrganization() {
        Integer count = members.get() == null || members.get().isBlank()
                ? null
                : CellValues.wholeNumber(members.get()).orElse(null);
        return new Organization(
                id,
                unit.get() == null ? null : unit.get().id(),
                parent.get() == null ? null : parent.get().id(),
                name.get() == null ? "" : name.get().strip(),
                kind.get(),
                blankToNull(secretary.get()),
                blankToNull(deputy.get()),
                count,
                committee.get(),
                termStart.get(),
                termEnd.get(),
                community.get() == null ? null : community.get().id(),
                blankToNull(contactPerson.get()),
                blankToNull(contactPhone.get()),
                blankToNull(remark.get()),
                sortOrder);
    }

    void validate() {
        List<Issue> list = new ArrayList<>();
        String m = members.get();
        if (m != null && !m.isBlank() && CellValues.wholeNumber(m).isEmpty()) {
            list.add(Issue.error(RegistryColumns.ORG_MEMBERS, "import.error.notWholeNumber", m));
        }
        Organization o = toOrganization();
        list.addAll(RegistryRules.check(registry, o, today).stream()
                .filter(i -> !(o.unitId() == null
                        && RegistryColumns.ORG_UNIT.equals(i.field())
                        && i.messageKey().equals("organization.error.unitNotFound")))
                .toList());
        issues.setAll(list);
        hasErrors.set(list.stream().anyMatch(Issue::isError));
    }

    /** Whether the field (a {@link RegistryColumns} name) has an error now. */
    boolean fieldHasError(String field) {
        return issues.stream().anyMatch(i -> i.isError() && field.equals(i.field()));
    }

    String id() {
        return id;
    }

    public ReadOnlyBooleanProperty hasErrorsProperty() {
        return hasErrors.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty isNewProperty() {
        return isNew.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    void markSaved() {
        dirty.set(false);
        isNew.set(false);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
