package org.taizhang.organization.view;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taizhang.core.Ids;
import org.taizhang.core.Issue;
import org.taizhang.core.text.CellValues;
import org.taizhang.core.ui.DateFields;
import org.taizhang.core.ui.FormModel;
import org.taizhang.organization.RegistryRules;
import org.taizhang.organization.files.RegistryColumns;
import org.taizhang.organization.model.Community;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

/**
 * The organization form's state, its choices (units, possible parents, communities: always those of the
 * registry on screen) and its live checks (the same {@link RegistryRules} the save uses), with no controls in it.
 * Dates are kept as the text typed, so an unreadable one is named, not dropped.
 */
public final class OrganizationFormModel extends FormModel<Organization> {
    final StringProperty name = new SimpleStringProperty("");
    final ObjectProperty<OrganizationKind> kind = new SimpleObjectProperty<>(OrganizationKind.BRANCH);
    final ObjectProperty<Unit> unit = new SimpleObjectProperty<>();
    final ObjectProperty<Organization> parent = new SimpleObjectProperty<>();
    final StringProperty secretary = new SimpleStringProperty("");
    final StringProperty deputy = new SimpleStringProperty("");
    final StringProperty members = new SimpleStringProperty("");
    final BooleanProperty committee = new SimpleBooleanProperty();
    final StringProperty termStart = new SimpleStringProperty("");
    final StringProperty termEnd = new SimpleStringProperty("");
    final ObjectProperty<Community> community = new SimpleObjectProperty<>();
    final StringProperty contactPerson = new SimpleStringProperty("");
    final StringProperty contactPhone = new SimpleStringProperty("");
    final StringProperty remark = new SimpleStringProperty("");

    /** The choices of the three lists; null first where "none" is a choice. */
    final ObservableList<Unit> unitChoices = FXCollections.observableArrayList();

    final ObservableList<Organization> parentChoices = FXCollections.observableArrayList();
    final ObservableList<Community> communityChoices = FXCollections.observableArrayList();

    private Registry registry = Registry.empty();
    private LocalDate today = LocalDate.now();
    private String id = Ids.newId();
    private int sortOrder;
    /** Where 新增 puts the new organization: the unit and parent chosen in the tree (either may be null). */
    private Unit newUnit;

    private Organization newParent;

    public OrganizationFormModel() {
        track(
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
                remark);
        unit.addListener((obs, old, now) -> {
            quietly(this::refreshParents);
            // a parent from another unit makes no sense: the unit's top-level organization instead
            if (parent.get() != null && (now == null || !parent.get().unitId().equals(now.id()))) {
                parent.set(defaultParent(now));
            }
        });
    }

    /**
     * The registry on screen and today's date. The choices are refilled first and the chosen values found again
     * by id, so a reload never blanks 上级组织 or 所属共同体 (nor turns the form dirty).
     */
    void setContext(Registry r, LocalDate day) {
        String unitId = unit.get() == null ? null : unit.get().id();
        String parentId = parent.get() == null ? null : parent.get().id();
        String communityId = community.get() == null ? null : community.get().id();
        this.registry = r;
        this.today = day;
        quietly(() -> {
            unitChoices.setAll(r.units());
            List<Community> communities = new ArrayList<>();
            communities.add(null);
            communities.addAll(r.communities());
            communityChoices.setAll(communities);
            unit.set(r.unit(unitId).orElse(unit.get()));
            refreshParents();
            parent.set(r.organization(parentId).orElse(parent.get()));
            community.set(r.community(communityId).orElse(community.get()));
        });
        validate();
    }

    private void refreshParents() {
        List<Organization> list = new ArrayList<>();
        list.add(null);
        Unit u = unit.get();
        if (u != null) {
            registry.ofUnit(u.id()).stream()
                    .filter(o -> o.kind().canHaveChildren() && !o.id().equals(id))
                    .forEach(list::add);
        }
        Organization keep = parent.get();
        parentChoices.setAll(list);
        parent.set(keep);
    }

    Registry registry() {
        return registry;
    }

    /** Where the next 新增 starts: the unit and (or) parent chosen in the tree. */
    void prepareNew(Unit unitOrNull, Organization parentOrNull) {
        this.newUnit = unitOrNull;
        this.newParent = parentOrNull;
    }

    /** A branch goes under the unit's top-level organization: that is where nearly every new one belongs. */
    private Organization defaultParent(Unit u) {
        if (u == null) {
            return null;
        }
        return registry.topLevel(u.id()).stream()
                .filter(o -> o.kind().canHaveChildren())
                .findFirst()
                .orElse(null);
    }

    @Override
    protected Organization blank() {
        Organization parentOrTop = newParent != null ? newParent : defaultParent(newUnit);
        // a unit with no organization yet starts with its 机关党委; everywhere else a branch is meant
        OrganizationKind k = newUnit != null
                        && parentOrTop == null
                        && registry.ofUnit(newUnit.id()).isEmpty()
                ? OrganizationKind.PARTY_COMMITTEE
                : OrganizationKind.BRANCH;
        return new Organization(
                Ids.newId(),
                newUnit == null ? null : newUnit.id(),
                parentOrTop == null ? null : parentOrTop.id(),
                "",
                k,
                null,
                null,
                null,
                false,
                null,
                null,
                parentOrTop == null ? null : parentOrTop.communityId(),
                null,
                null,
                null,
                Integer.MAX_VALUE / 2);
    }

    @Override
    protected void fill(Organization o) {
        id = o.id();
        sortOrder = o.sortOrder();
        name.set(o.name());
        kind.set(o.kind());
        unit.set(registry.unit(o.unitId()).orElse(null));
        refreshParents();
        parent.set(registry.organization(o.parentId()).orElse(null));
        secretary.set(nz(o.secretary()));
        deputy.set(nz(o.fullTimeDeputy()));
        members.set(o.memberCount() == null ? "" : o.memberCount().toString());
        committee.set(o.hasCommittee());
        termStart.set(o.termStart() == null ? "" : o.termStart().toString());
        termEnd.set(o.termEnd() == null ? "" : o.termEnd().toString());
        community.set(registry.community(o.communityId()).orElse(null));
        contactPerson.set(nz(o.contactPerson()));
        contactPhone.set(nz(o.contactPhone()));
        remark.set(nz(o.remark()));
    }

    /** The organization as entered; a member count or date that cannot be read is null (see the issues). */
    @Override
    public Organization read() {
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
                DateFields.parse(termStart.get()).orElse(null),
                DateFields.parse(termEnd.get()).orElse(null),
                community.get() == null ? null : community.get().id(),
                blankToNull(contactPerson.get()),
                blankToNull(contactPhone.get()),
                blankToNull(remark.get()),
                sortOrder);
    }

    @Override
    protected List<Issue> check(Organization o) {
        List<Issue> list = new ArrayList<>();
        String m = members.get();
        if (m != null && !m.isBlank() && CellValues.wholeNumber(m).isEmpty()) {
            list.add(Issue.error(RegistryColumns.ORG_MEMBERS, "import.error.notWholeNumber", m));
        }
        if (DateFields.unreadable(termStart.get())) {
            list.add(Issue.error(RegistryColumns.ORG_TERM_START, "import.error.notDate", termStart.get()));
        }
        if (DateFields.unreadable(termEnd.get())) {
            list.add(Issue.error(RegistryColumns.ORG_TERM_END, "import.error.notDate", termEnd.get()));
        }
        list.addAll(RegistryRules.check(registry, o, today).stream()
                .filter(i -> !(o.unitId() == null
                        && RegistryColumns.ORG_UNIT.equals(i.field())
                        && i.messageKey().equals("organization.error.unitNotFound")))
                .toList());
        return list;
    }

    String id() {
        return id;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static boolean same(Object a, Object b) {
        return Objects.equals(a, b);
    }
}
