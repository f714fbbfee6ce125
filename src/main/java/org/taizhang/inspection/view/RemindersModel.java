package org.taizhang.inspection.view;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.Warning;

/**
 * 整改提醒 on the 工作台 and at start-up: how many findings are overdue, due soon, waiting for a number or for
 * verification, and the most urgent ones by name. Read off the JavaFX thread.
 */
public final class RemindersModel {
    /** What a reminder tile stands for; the ledger opens filtered to it. */
    public enum Kind {
        OVERDUE("inspection.reminder.overdue"),
        SOON("inspection.reminder.soon"),
        PENDING("inspection.reminder.pending"),
        CLOSE_REQUESTED("inspection.reminder.closeRequested");

        private final String labelKey;

        Kind(String labelKey) {
            this.labelKey = labelKey;
        }

        public String labelKey() {
            return labelKey;
        }

        /** Whether an entry belongs under this tile. */
        public boolean matches(LedgerEntry e) {
            return switch (this) {
                case OVERDUE -> e.warning().isOverdue();
                case SOON -> e.warning() == Warning.SOON;
                case PENDING -> e.state() == FindingState.PENDING;
                case CLOSE_REQUESTED -> e.state() == FindingState.CLOSE_REQUESTED;
            };
        }
    }

    /** One urgent finding as the list shows it. */
    public record Urgent(String findingId, String text, Warning warning) {}

    /** The counts per kind, and the most urgent findings (overdue longest first, then due soonest). */
    public record Reminders(Map<Kind, Integer> counts, List<Urgent> urgent) {
        public int count(Kind k) {
            return counts.getOrDefault(k, 0);
        }

        public boolean any() {
            return count(Kind.OVERDUE) + count(Kind.SOON) > 0;
        }
    }

    static final int URGENT_SHOWN = 8;

    private final FindingService service;
    private final TaskRunner tasks;
    private final Messages m;
    private final ReadOnlyObjectWrapper<Reminders> reminders =
            new ReadOnlyObjectWrapper<>(new Reminders(Map.of(), List.of()));

    public RemindersModel(FindingService service, TaskRunner tasks, Messages messages) {
        this.service = service;
        this.tasks = tasks;
        this.m = messages;
    }

    public Messages messages() {
        return m;
    }

    public ReadOnlyObjectProperty<Reminders> remindersProperty() {
        return reminders.getReadOnlyProperty();
    }

    public void reload(Runnable then) {
        tasks.run("inspection.task.reminders", p -> of(service.ledger(), service.today()), r -> {
            reminders.set(r);
            then.run();
        });
    }

    /** Shows the reminders of a ledger already read (the 工作台 reads it once for its reminders and its figures). */
    public void show(List<LedgerEntry> ledger) {
        reminders.set(of(ledger, service.today()));
    }

    /** The reminders a ledger gives today (pure: tested without a database). */
    Reminders of(List<LedgerEntry> ledger, LocalDate today) {
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        for (LedgerEntry e : ledger) {
            for (Kind k : Kind.values()) {
                if (k.matches(e)) {
                    counts.merge(k, 1, Integer::sum);
                }
            }
        }
        List<Urgent> urgent = ledger.stream()
                .filter(e -> e.warning().isOverdue() || e.warning() == Warning.SOON)
                .sorted(Comparator.comparing((LedgerEntry e) -> e.timeline().deadline())
                        .thenComparing(LedgerEntry::id))
                .limit(URGENT_SHOWN)
                .map(e -> new Urgent(e.id(), line(e, today), e.warning()))
                .toList();
        return new Reminders(counts, urgent);
    }

    private String line(LedgerEntry e, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, e.timeline().deadline());
        String when =
                days < 0 ? m.get("inspection.reminder.daysOver", -days) : m.get("inspection.reminder.daysLeft", days);
        String number = e.finding().isNumbered() ? e.finding().number() : m.get(FindingState.PENDING.labelKey());
        return m.get(
                "inspection.reminder.line",
                number,
                e.unitName(),
                abbreviate(e.finding().description()),
                when);
    }

    private static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 23) + "…";
    }
}
