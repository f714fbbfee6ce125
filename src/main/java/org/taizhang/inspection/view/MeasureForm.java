package org.taizhang.inspection.view;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.taizhang.core.Ids;
import org.taizhang.core.Issue;
import org.taizhang.core.ui.DateFields;
import org.taizhang.core.ui.FormModel;
import org.taizhang.inspection.model.Measure;

/** 整改措施 as typed: the measure, its owner and deadline, and whether (and when) it was done. */
public final class MeasureForm extends FormModel<Measure> {
    public final StringProperty text = new SimpleStringProperty("");
    public final StringProperty owner = new SimpleStringProperty("");
    public final StringProperty deadline = new SimpleStringProperty("");
    public final BooleanProperty done = new SimpleBooleanProperty();
    public final StringProperty doneOn = new SimpleStringProperty("");

    private final String findingId;
    private final LocalDate today;
    /** Where a new measure goes: last. */
    private final int nextOrder;

    /** Where the measure in the form stands: a changed one keeps its place. */
    private int sortOrder;

    private String id = Ids.newId();

    MeasureForm(String findingId, LocalDate today, int sortOrder) {
        this.findingId = findingId;
        this.today = today;
        this.nextOrder = sortOrder;
        this.sortOrder = sortOrder;
        track(text, owner, deadline, done, doneOn);
        done.addListener((o, was, now) -> {
            if (now && doneOn.get().isBlank()) {
                doneOn.set(today.toString());
            }
        });
    }

    @Override
    protected void fill(Measure m) {
        id = m.id();
        sortOrder = m.sortOrder();
        text.set(m.text() == null ? "" : m.text());
        owner.set(m.owner() == null ? "" : m.owner());
        deadline.set(m.deadline() == null ? "" : m.deadline().toString());
        doneOn.set(m.doneOn() == null ? "" : m.doneOn().toString());
        done.set(m.isDone());
    }

    @Override
    public Measure read() {
        LocalDate finished = done.get() ? DateFields.parse(doneOn.get()).orElse(today) : null;
        return new Measure(
                id,
                findingId,
                text.get() == null ? "" : text.get().strip(),
                owner.get() == null || owner.get().isBlank()
                        ? null
                        : owner.get().strip(),
                DateFields.parse(deadline.get()).orElse(null),
                finished,
                sortOrder);
    }

    @Override
    protected Measure blank() {
        return new Measure(Ids.newId(), findingId, "", null, null, null, nextOrder);
    }

    @Override
    protected List<Issue> check(Measure m) {
        List<Issue> issues = new ArrayList<>();
        if (m.text().isBlank()) {
            issues.add(Issue.error("text", "inspection.error.measureTextRequired"));
        }
        if (DateFields.unreadable(deadline.get())) {
            issues.add(Issue.error(
                    "deadline", "ledger.error.dateUnreadable", deadline.get().strip()));
        }
        if (done.get() && DateFields.unreadable(doneOn.get())) {
            issues.add(Issue.error(
                    "doneOn", "ledger.error.dateUnreadable", doneOn.get().strip()));
        }
        return issues;
    }
}
