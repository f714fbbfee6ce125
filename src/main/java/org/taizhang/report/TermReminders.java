package org.taizhang.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.OfficialDocument;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

/**
 * 换届提示函: one letter to the units whose Party organizations' terms end within the next N months (or have ended),
 * a section per unit in the registry's order, each organization with the day its term ends, in term order.
 */
public final class TermReminders {
    private TermReminders() {}

    /** The organizations whose term ends by {@code today} plus {@code months}, by unit in the registry's order. */
    public static Map<Unit, List<Organization>> due(Registry r, LocalDate today, int months) {
        LocalDate until = today.plusMonths(months);
        Map<Unit, List<Organization>> byUnit = new LinkedHashMap<>();
        for (Unit u : r.units()) {
            List<Organization> due = r.ofUnit(u.id()).stream()
                    .filter(o -> o.termEnd() != null && !o.termEnd().isAfter(until))
                    .sorted(Comparator.comparing(Organization::termEnd).thenComparing(Organization::name))
                    .toList();
            if (!due.isEmpty()) {
                byUnit.put(u, due);
            }
        }
        return byUnit;
    }

    public static OfficialDocument of(
            Map<Unit, List<Organization>> due, int months, String committee, LocalDate today, Messages m) {
        int count = due.values().stream().mapToInt(List::size).sum();
        List<OfficialDocument.Block> body = new ArrayList<>();
        body.add(new OfficialDocument.Paragraph(m.get("report.term.intro", months, count)));
        int i = 0;
        for (Map.Entry<Unit, List<Organization>> e : due.entrySet()) {
            body.add(new OfficialDocument.Heading(m.get(
                    "report.term.unit",
                    OfficialDocument.chineseNumber(++i),
                    e.getKey().name())));
            for (Organization o : e.getValue()) {
                body.add(new OfficialDocument.Paragraph(m.get(
                        o.termExpired(today) ? "report.term.ended" : "report.term.ends",
                        o.name(),
                        OfficialDocument.date(o.termEnd()))));
            }
        }
        body.add(new OfficialDocument.Paragraph(m.get("report.term.closing")));
        return new OfficialDocument(
                committee, "", m.get("report.term.title"), m.get("report.term.recipient"), body, today, "");
    }
}
