package org.taizhang.inspection.view;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.taizhang.core.Ids;
import org.taizhang.core.Issue;
import org.taizhang.core.ui.DateFields;
import org.taizhang.core.ui.FormModel;
import org.taizhang.inspection.InspectionRules;
import org.taizhang.inspection.model.Inspection;

/** The 督查 form: title, kind, year, period, notes. Dates and the year are kept as typed, so a bad one is named. */
public final class InspectionFormModel extends FormModel<Inspection> {
    final StringProperty title = new SimpleStringProperty("");
    final StringProperty kind = new SimpleStringProperty("");
    final StringProperty year = new SimpleStringProperty("");
    final StringProperty startsOn = new SimpleStringProperty("");
    final StringProperty endsOn = new SimpleStringProperty("");
    final StringProperty notes = new SimpleStringProperty("");
    private String id = Ids.newId();
    private int defaultYear = java.time.Year.now().getValue();

    public InspectionFormModel() {
        track(title, kind, year, startsOn, endsOn, notes);
    }

    void setDefaultYear(int y) {
        defaultYear = y;
    }

    @Override
    protected Inspection blank() {
        return new Inspection(Ids.newId(), "", Inspection.COMMON_KINDS.getFirst(), defaultYear, null, null, null);
    }

    @Override
    protected void fill(Inspection i) {
        id = i.id();
        title.set(i.title());
        kind.set(i.kind());
        year.set(Integer.toString(i.year()));
        startsOn.set(i.startsOn() == null ? "" : i.startsOn().toString());
        endsOn.set(i.endsOn() == null ? "" : i.endsOn().toString());
        notes.set(i.notes() == null ? "" : i.notes());
    }

    @Override
    public Inspection read() {
        return new Inspection(
                id,
                title.get() == null ? "" : title.get().strip(),
                kind.get() == null ? "" : kind.get().strip(),
                parseYear(),
                DateFields.parse(startsOn.get()).orElse(null),
                DateFields.parse(endsOn.get()).orElse(null),
                notes.get() == null || notes.get().isBlank()
                        ? null
                        : notes.get().strip());
    }

    private int parseYear() {
        try {
            return Integer.parseInt(year.get() == null ? "" : year.get().strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    protected List<Issue> check(Inspection i) {
        List<Issue> list = new ArrayList<>(InspectionRules.check(i));
        if (DateFields.unreadable(startsOn.get())) {
            list.add(Issue.error("startsOn", "inspection.error.notDate", startsOn.get()));
        }
        if (DateFields.unreadable(endsOn.get())) {
            list.add(Issue.error("endsOn", "inspection.error.notDate", endsOn.get()));
        }
        return list;
    }
}
