package org.taizhang.inspection.view;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taizhang.core.Ids;
import org.taizhang.core.Issue;
import org.taizhang.core.ui.DateFields;
import org.taizhang.core.ui.FormModel;
import org.taizhang.inspection.FindingRules;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingSource;
import org.taizhang.inspection.model.Inspection;
import org.taizhang.inspection.model.RectificationType;
import org.taizhang.inspection.model.Severity;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

/**
 * A new finding as typed during a visit, with no controls: the live checks are {@link FindingRules#check}, the
 * same the service runs. {@link #startNew()} for the next one keeps the unit, round, source, type and day, which
 * stay the same through a visit.
 */
public final class FindingFormModel extends FormModel<Finding> {
    public final ObjectProperty<Unit> unit = new SimpleObjectProperty<>();
    public final ObjectProperty<Organization> organization = new SimpleObjectProperty<>();
    public final StringProperty category = new SimpleStringProperty("");
    public final StringProperty description = new SimpleStringProperty("");
    public final StringProperty basis = new SimpleStringProperty("");
    public final ObjectProperty<Severity> severity = new SimpleObjectProperty<>(Severity.ORDINARY);
    public final ObjectProperty<RectificationType> type = new SimpleObjectProperty<>(RectificationType.DEADLINE);
    public final ObjectProperty<FindingSource> source = new SimpleObjectProperty<>(FindingSource.VISIT);
    public final ObjectProperty<Inspection> round = new SimpleObjectProperty<>();
    public final StringProperty foundOn = new SimpleStringProperty("");
    public final ObservableList<Path> photos = FXCollections.observableArrayList();

    public final ObservableList<Unit> unitChoices = FXCollections.observableArrayList();
    /** The unit's organizations, with null first (the finding is the unit's as a whole). */
    public final ObservableList<Organization> organizationChoices = FXCollections.observableArrayList();

    public final ObservableList<String> categoryChoices = FXCollections.observableArrayList();
    /** The rounds, with null first (a finding outside any round: 述职, 自查 …). */
    public final ObservableList<Inspection> roundChoices = FXCollections.observableArrayList();

    private Registry registry = Registry.empty();
    private LocalDate today = LocalDate.now();
    private String id = Ids.newId();

    public FindingFormModel() {
        track(unit, organization, category, description, basis, severity, type, source, round, foundOn, photos);
        unit.addListener((o, a, u) -> quietly(this::fillOrganizations));
    }

    /** The registry, dictionary and rounds the choices come from, and the day a new finding defaults to. */
    void setContext(Registry r, List<String> categories, List<Inspection> rounds, LocalDate day) {
        quietly(() -> {
            registry = r;
            today = day;
            Unit chosen = unit.get();
            unitChoices.setAll(r.units());
            unit.set(chosen == null ? null : r.unit(chosen.id()).orElse(null));
            fillOrganizations();
            categoryChoices.setAll(categories);
            Inspection round0 = round.get();
            List<Inspection> withNone = new ArrayList<>();
            withNone.add(null);
            withNone.addAll(rounds);
            roundChoices.setAll(withNone);
            round.set(
                    round0 == null
                            ? null
                            : rounds.stream()
                                    .filter(i -> i.id().equals(round0.id()))
                                    .findFirst()
                                    .orElse(null));
        });
    }

    private void fillOrganizations() {
        Unit u = unit.get();
        Organization chosen = organization.get();
        List<Organization> orgs = new ArrayList<>();
        orgs.add(null);
        if (u != null) {
            orgs.addAll(registry.ofUnit(u.id()));
        }
        organizationChoices.setAll(orgs);
        organization.set(chosen != null && orgs.contains(chosen) ? chosen : null);
    }

    @Override
    protected void fill(Finding f) {
        id = f.id();
        unit.set(f.unitId() == null ? null : registry.unit(f.unitId()).orElse(null));
        fillOrganizations();
        organization.set(
                f.organizationId() == null
                        ? null
                        : registry.organization(f.organizationId()).orElse(null));
        category.set(nz(f.category()));
        description.set(nz(f.description()));
        basis.set(nz(f.basis()));
        severity.set(f.severity());
        type.set(f.type());
        source.set(f.source());
        round.set(
                f.inspectionId() == null
                        ? null
                        : roundChoices.stream()
                                .filter(i -> i != null && i.id().equals(f.inspectionId()))
                                .findFirst()
                                .orElse(null));
        foundOn.set(f.foundOn() == null ? "" : f.foundOn().toString());
        photos.clear();
    }

    @Override
    public Finding read() {
        return Finding.recorded(
                id,
                round.get() == null ? null : round.get().id(),
                null,
                unit.get() == null ? null : unit.get().id(),
                organization.get() == null ? null : organization.get().id(),
                blankToNull(category.get()),
                description.get() == null ? "" : description.get().strip(),
                blankToNull(basis.get()),
                severity.get(),
                type.get(),
                source.get(),
                null,
                DateFields.parse(foundOn.get()).orElse(null),
                null);
    }

    /** The next finding of the same visit: a new id, and what stays the same through a visit kept. */
    @Override
    protected Finding blank() {
        return Finding.recorded(
                Ids.newId(),
                round.get() == null ? null : round.get().id(),
                null,
                unit.get() == null ? null : unit.get().id(),
                null,
                null,
                "",
                null,
                Severity.ORDINARY,
                type.get(),
                source.get(),
                null,
                DateFields.parse(foundOn.get()).orElse(today),
                null);
    }

    @Override
    protected List<Issue> check(Finding f) {
        List<Issue> issues = new ArrayList<>(FindingRules.check(f, registry, today));
        if (DateFields.unreadable(foundOn.get())) {
            issues.removeIf(i -> "foundOn".equals(i.field()));
            issues.add(Issue.error(
                    "foundOn", "ledger.error.dateUnreadable", foundOn.get().strip()));
        }
        return issues;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
