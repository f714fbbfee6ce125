package org.taizhang.organization.files;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.ReportTable;
import org.taizhang.core.report.ReportTable.Column;
import org.taizhang.organization.model.Community;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;
import org.taizhang.organization.model.Registry;

/**
 * 组织台账 as the reports' printed table (core.report: TablePdf lays it out as every other table of the office): one
 * row per organization, the 合计 of organizations and members, the notes on what the members count and on terms that
 * have ended. The workbook and CSV stay the registry's own: they are also the form its import reads back.
 */
public final class RegistryTable {
    private RegistryTable() {}

    /** Follows the 任期届满 date of a term that has ended by the table's date. */
    static final String EXPIRED_MARK = "*";

    /** A wrapping column is never sized wider than this many characters: the organization's name takes the most. */
    private static final double UNIT_MAX = 8, NAME_MAX = 15, PARENT_MAX = 12, COMMUNITY_MAX = 8;

    /**
     * The table on {@code day} (a term ended by then is marked with {@link #EXPIRED_MARK}). Widths follow the texts:
     * a date, a number or a person's name never wraps; names of units and organizations wrap within a bound, so the
     * page keeps a legible size.
     */
    public static ReportTable of(Registry registry, String title, LocalDate day, Messages m) {
        List<Organization> organizations = registry.organizations();
        List<List<Object>> rows = new ArrayList<>(organizations.size());
        for (int i = 0; i < organizations.size(); i++) {
            rows.add(row(registry, organizations.get(i), i + 1, day, m));
        }
        String[] headers = {
            m.get("registry.pdf.column.number"),
            m.get("registry.pdf.column.unit"),
            m.get("registry.pdf.column.name"),
            m.get("registry.pdf.column.kind"),
            m.get("registry.pdf.column.parent"),
            m.get("registry.pdf.column.secretary"),
            m.get("registry.pdf.column.members"),
            m.get("registry.pdf.column.committee"),
            m.get("registry.pdf.column.termStart"),
            m.get("registry.pdf.column.termEnd"),
            m.get("registry.pdf.column.community")
        };
        double[] widest = new double[headers.length];
        for (int c = 0; c < headers.length; c++) {
            widest[c] = chars(headers[c]);
        }
        for (List<Object> row : rows) {
            for (int c = 0; c < headers.length; c++) {
                Object v = row.get(c);
                widest[c] = Math.max(widest[c], v == null ? 0 : chars(v.toString()));
            }
        }
        List<Column> columns = List.of(
                Column.text(headers[0], fixed(widest[0])),
                Column.wrapped(headers[1], wrapping(widest[1], UNIT_MAX)),
                Column.wrapped(headers[2], wrapping(widest[2], NAME_MAX)),
                Column.text(headers[3], fixed(widest[3])),
                Column.wrapped(headers[4], wrapping(widest[4], PARENT_MAX)),
                Column.text(headers[5], fixed(widest[5])),
                new Column(headers[6], ReportTable.Kind.COUNT, fixed(widest[6])),
                Column.text(headers[7], fixed(widest[7])),
                new Column(headers[8], ReportTable.Kind.DATE, fixed(widest[8])),
                Column.text(headers[9], fixed(widest[9])),
                Column.wrapped(headers[10], wrapping(widest[10], COMMUNITY_MAX)));

        Map<OrganizationKind, Integer> byKind = new EnumMap<>(OrganizationKind.class);
        for (Organization o : organizations) {
            if (o.kind() != null) {
                byKind.merge(o.kind(), 1, Integer::sum);
            }
        }
        List<String> kinds = new ArrayList<>();
        for (OrganizationKind k : OrganizationKind.values()) { // every kind, also at zero, as official tables do
            kinds.add(m.get("registry.pdf.totalKind", m.get(k.messageKey()), byKind.getOrDefault(k, 0)));
        }
        List<Object> total = new ArrayList<>(java.util.Collections.nCopies(headers.length, null));
        total.set(0, m.get("registry.pdf.total"));
        total.set(2, m.get("registry.pdf.totalOrganizations", organizations.size()));
        total.set(6, registry.memberTotal());

        List<String> notes = new ArrayList<>();
        notes.add(m.get(
                "registry.pdf.totalCount",
                organizations.size(),
                String.join(m.get("registry.pdf.listSeparator"), kinds)));
        notes.add(m.get("registry.pdf.note"));
        if (organizations.stream().anyMatch(o -> o.termExpired(day))) {
            notes.add(m.get("registry.pdf.note.expired", EXPIRED_MARK));
        }
        return new ReportTable(title, title, columns, rows, total, notes);
    }

    /** One organization as the table's values, in the columns' order. */
    private static List<Object> row(Registry r, Organization o, int number, LocalDate day, Messages m) {
        List<Object> row = new ArrayList<>(11);
        row.add(Integer.toString(number));
        row.add(r.unit(o.unitId())
                .map(u -> u.shortName() != null && !u.shortName().isBlank() ? u.shortName() : u.name())
                .orElse(""));
        row.add(o.name());
        row.add(o.kind() == null ? "" : m.get(o.kind().messageKey()));
        row.add(r.organization(o.parentId()).map(Organization::name).orElse(""));
        row.add(o.secretary() == null ? "" : o.secretary());
        row.add(o.memberCount());
        row.add(m.get(o.hasCommittee() ? "dialog.yes" : "dialog.no"));
        row.add(o.termStart());
        // an asterisk, not a colour: these tables are printed in black and white
        row.add(o.termEnd() == null ? "" : o.termEnd() + (o.termExpired(day) ? EXPIRED_MARK : ""));
        row.add(r.community(o.communityId()).map(Community::name).orElse(""));
        return row;
    }

    /** A text's width in Chinese characters: a digit or a Latin letter is about half of one. */
    static double chars(String text) {
        double w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += cp < 0x2E80 ? 0.55 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    /** A column that must not wrap: its widest text (TablePdf adds the cell's padding). */
    private static double fixed(double widest) {
        return Math.ceil(widest + 0.25);
    }

    private static double wrapping(double widest, double max) {
        return Math.max(2, Math.min(Math.ceil(widest), max)) + 0.5;
    }
}
