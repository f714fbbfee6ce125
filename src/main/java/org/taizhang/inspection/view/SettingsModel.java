package org.taizhang.inspection.view;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.model.InspectionSettings;
import org.taizhang.inspection.model.NumberFormat;
import org.taizhang.inspection.model.WarningPolicy;

/**
 * The ledger's settings of this installation: who works here and whether as a 核查人, hub or field laptop, the
 * register number format (with a preview) and the warning days. Checked as typed; saved only when all are valid.
 */
public final class SettingsModel {
    private final FindingService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Messages m;
    final StringProperty operator = new SimpleStringProperty("");
    /** 填报单位: the committee the reports name. */
    final StringProperty committee = new SimpleStringProperty("");

    final BooleanProperty verifier = new SimpleBooleanProperty();
    /** Operators exist: who works here and 核查人 are the operator's, managed with the operators, not here. */
    final BooleanProperty operatorManaged = new SimpleBooleanProperty();

    final BooleanProperty hub = new SimpleBooleanProperty(false); // a new database is a field device
    final StringProperty numberFormat = new SimpleStringProperty("");
    final StringProperty attentionDays = new SimpleStringProperty("");
    final StringProperty soonDays = new SimpleStringProperty("");
    final StringProperty severeDays = new SimpleStringProperty("");
    final StringProperty preview = new SimpleStringProperty("");
    final ObservableList<String> problems = FXCollections.observableArrayList();

    public SettingsModel(FindingService service, TaskRunner tasks, DialogService dialogs, Messages messages) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.m = messages;
        for (StringProperty p : List.of(operator, committee, numberFormat, attentionDays, soonDays, severeDays)) {
            p.addListener((o, was, now) -> check());
        }
    }

    public Messages messages() {
        return m;
    }

    public void load() {
        tasks.run(
                "inspection.task.settings",
                p -> new Loaded(service.settings(), service.committee(), service.operatorManaged()),
                l -> {
                    InspectionSettings s = l.settings();
                    operatorManaged.set(l.operatorManaged());
                    committee.set(l.committee());
                    operator.set(s.operator());
                    verifier.set(s.verifier());
                    hub.set(s.hub());
                    numberFormat.set(s.numberFormat().pattern());
                    attentionDays.set(Integer.toString(s.warnings().attentionDays()));
                    soonDays.set(Integer.toString(s.warnings().soonDays()));
                    severeDays.set(Integer.toString(s.warnings().severeDays()));
                    check();
                });
    }

    private record Loaded(InspectionSettings settings, String committee, boolean operatorManaged) {}

    /** What is wrong with the values typed (in the user's language); empty when they can be saved. */
    List<String> check() {
        List<String> list = new ArrayList<>();
        if (operator.get() == null || operator.get().isBlank()) {
            list.add(m.get("inspection.error.operatorRequired"));
        }
        if (committee.get() != null && committee.get().strip().length() > FindingService.COMMITTEE_MAX_LENGTH) {
            list.add(m.get("inspection.error.committeeTooLong", FindingService.COMMITTEE_MAX_LENGTH));
        }
        if (NumberFormat.parse(numberFormat.get()).isEmpty()) {
            list.add(m.get("inspection.settings.badFormat"));
            preview.set("");
        } else {
            preview.set(m.get(
                    "inspection.settings.preview",
                    new NumberFormat(numberFormat.get()).format(service.today().getYear(), 1)));
        }
        if (WarningPolicy.parse(attentionDays.get() + "," + soonDays.get() + "," + severeDays.get())
                .isEmpty()) {
            list.add(m.get("inspection.settings.badDays"));
        }
        problems.setAll(list);
        return list;
    }

    public void save() {
        if (!check().isEmpty()) {
            dialogs.showError(m.get("inspection.dialog.refused"), String.join("\n", problems));
            return;
        }
        InspectionSettings s = new InspectionSettings(
                operator.get().strip(),
                verifier.get(),
                hub.get(),
                new NumberFormat(numberFormat.get().strip()),
                WarningPolicy.parse(attentionDays.get() + "," + soonDays.get() + "," + severeDays.get())
                        .orElseThrow());
        String named = committee.get() == null ? "" : committee.get().strip();
        tasks.run(
                "inspection.task.settings",
                p -> {
                    service.saveSettings(s);
                    service.saveCommittee(named);
                    return null;
                },
                done -> dialogs.showInfo(m.get("inspection.settings.title"), m.get("inspection.settings.saved")));
    }
}
