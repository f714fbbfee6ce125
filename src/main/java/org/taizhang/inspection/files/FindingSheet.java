package org.taizhang.inspection.files;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.taizhang.core.Ids;
import org.taizhang.core.Issue;
import org.taizhang.core.files.RowCells;
import org.taizhang.core.files.RowIssue;
import org.taizhang.core.files.SheetData;
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
 * An inspection team's spreadsheet of findings (sheet 问题清单, or the workbook's only sheet or its one sheet with
 * the required columns, whatever it is called; headers in row 1 named as the ledger's columns)
 * turned into findings to record, each 待挂号, or row errors. Units and branches are named as in the registry
 * workbook; 来源 names a round by its title, or one of the sources (自查, 上级交办 …). Every row is checked before
 * anything is written: one bad row rejects the file.
 */
public final class FindingSheet {
    static final String SHEET = "问题清单";
    static final String UNIT = "单位";
    static final String DESCRIPTION = "问题描述";
    static final String BRANCH = "支部";
    static final String CATEGORY = "问题类别";
    static final String BASIS = "依据条款";
    static final String TYPE = "整改类型";
    static final String SEVERITY = "严重程度";
    static final String SOURCE = "来源";
    static final String FOUND_ON = "发现日期";
    static final String NOTES = "备注";
    static final List<String> REQUIRED = List.of(UNIT, DESCRIPTION);
    static final List<String> OPTIONAL = List.of(BRANCH, CATEGORY, BASIS, TYPE, SEVERITY, SOURCE, FOUND_ON, NOTES);
    /** A team's row numbers: expected in the file, meaning nothing to a finding. */
    static final String SERIAL = "序号";

    /** The column a rule's field is read from (FindingRules names fields, the file names columns). */
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of(
            "unit", UNIT,
            "organization", BRANCH,
            "description", DESCRIPTION,
            "basis", BASIS,
            "category", CATEGORY,
            "foundOn", FOUND_ON,
            "internalNotes", NOTES,
            "sourceRef", UNIT);

    private FindingSheet() {}

    /**
     * The sheet's columns no finding takes (整改时限, 责任人 …): said in the result, so a clerk who filled them knows
     * they were not read. A finding has no deadline until 交办, which proposes one.
     */
    static List<String> unread(SheetData sheet) {
        return sheet.headers().stream()
                .filter(h -> !REQUIRED.contains(h) && !OPTIONAL.contains(h) && !SERIAL.equals(h))
                .toList();
    }

    record Plan(List<Finding> findings, List<RowIssue> errors) {}

    /**
     * @param batch the file's SHA-256: the findings' ids come from it and the row number, so they are the same
     *     on every device that imports the same file
     * @param fileName for {@code sourceRef}: which file and row a finding came from
     */
    static Plan plan(
            Registry registry,
            List<Inspection> rounds,
            SheetData sheet,
            String batch,
            String fileName,
            LocalDate today) {
        List<RowIssue> errors = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        if (!sheet.present()) {
            errors.add(new RowIssue(
                    null,
                    0,
                    null,
                    Issue.error(null, "findingImport.error.noSheet", SHEET, String.join("、", REQUIRED))));
            return new Plan(findings, errors);
        }
        for (String column : REQUIRED) {
            if (!sheet.headers().contains(column)) {
                errors.add(new RowIssue(
                        sheet.name(), 1, column, Issue.error(column, "findingImport.error.missingColumn", column)));
            }
        }
        if (!errors.isEmpty()) {
            return new Plan(findings, errors);
        }
        String file = fileName.length() > 150 ? fileName.substring(0, 150) : fileName;
        for (SheetData.Row row : sheet.rows()) {
            Cells cells = new Cells(sheet.name(), row, errors);
            if (!row.uncalculated().isEmpty()) {
                row.uncalculated().forEach(c -> cells.error(c, "import.error.formulaNotCalculated"));
                continue;
            }
            int before = errors.size();
            Unit unit = cells.unit(registry);
            String description = cells.required(DESCRIPTION);
            Organization branch = unit == null ? null : cells.branch(registry, unit);
            RectificationType type = cells.word(TYPE, RectificationType.values(), RectificationType::fileLabel);
            Severity severity = cells.word(SEVERITY, Severity.values(), Severity::fileLabel);
            Source source = cells.source(rounds);
            LocalDate foundOn = cells.date(today);
            if (errors.size() > before) {
                continue;
            }
            // zero-padded, so findings found on one day are numbered in the order of the file's rows
            String ref = file + " #" + String.format("%06d", row.number());
            Finding f = Finding.builder(Ids.forKey("finding", batch, Integer.toString(row.number())))
                    .inspection(source.round(), null)
                    .unit(unit.id(), branch == null ? null : branch.id())
                    .category(blankToNull(row.text(CATEGORY)))
                    .description(description)
                    .basis(blankToNull(row.text(BASIS)))
                    .severity(severity)
                    .type(type)
                    .source(source.kind(), ref)
                    .found(foundOn, null)
                    .importBatch(batch)
                    .internalNotes(blankToNull(row.text(NOTES)))
                    .build();
            for (Issue issue : FindingRules.check(f, registry, null)) {
                if (issue.isError()) {
                    String column = COLUMN_OF_FIELD.getOrDefault(issue.field(), DESCRIPTION);
                    errors.add(new RowIssue(sheet.name(), row.number(), column, issue));
                }
            }
            if (errors.size() == before) {
                findings.add(f);
            }
        }
        return new Plan(findings, errors);
    }

    /** What 来源 names: a round (the source is then a visit of it), or a kind of source without a round. */
    private record Source(String round, FindingSource kind) {}

    /** {@code sheet}: the sheet read, 问题清单 or a file's only sheet whatever its name. */
    private static final class Cells extends RowCells {
        Cells(String sheet, SheetData.Row row, List<RowIssue> errors) {
            super(sheet, row, errors, "findingImport.error.required");
        }

        Unit unit(Registry registry) {
            String name = required(UNIT);
            if (name.isEmpty()) {
                return null;
            }
            Optional<Unit> unit = registry.unitNamed(name);
            if (unit.isEmpty()) {
                error(UNIT, "findingImport.error.unitUnknown", name);
            }
            return unit.orElse(null);
        }

        Organization branch(Registry registry, Unit unit) {
            String name = text(BRANCH);
            if (name.isEmpty()) {
                return null;
            }
            List<Organization> named = registry.organizationsNamed(unit.id(), name);
            if (named.isEmpty()) {
                error(BRANCH, "findingImport.error.branchUnknown", name, unit.name());
                return null;
            }
            if (named.size() > 1) {
                error(BRANCH, "findingImport.error.branchAmbiguous", name, unit.name(), named.size());
                return null;
            }
            return named.getFirst();
        }

        <E> E word(String column, E[] values, java.util.function.Function<E, String> label) {
            String v = text(column);
            if (v.isEmpty()) {
                return null; // the finding's default
            }
            for (E e : values) {
                if (label.apply(e).equals(v)) {
                    return e;
                }
            }
            error(
                    column,
                    "findingImport.error.word",
                    v,
                    Arrays.stream(values).map(label).collect(Collectors.joining("、")));
            return null;
        }

        Source source(List<Inspection> rounds) {
            String v = text(SOURCE);
            if (v.isEmpty()) {
                return new Source(null, FindingSource.OTHER);
            }
            List<Inspection> titled =
                    rounds.stream().filter(r -> r.title().equals(v)).toList();
            if (titled.size() == 1) {
                return new Source(titled.getFirst().id(), FindingSource.VISIT);
            }
            if (titled.size() > 1) {
                error(SOURCE, "findingImport.error.roundAmbiguous", v, titled.size());
                return new Source(null, FindingSource.OTHER);
            }
            for (FindingSource s : FindingSource.values()) {
                if (s.fileLabel().equals(v)) {
                    return new Source(null, s);
                }
            }
            error(SOURCE, "findingImport.error.sourceUnknown", v);
            return new Source(null, FindingSource.OTHER);
        }

        LocalDate date(LocalDate today) {
            String v = text(FOUND_ON);
            if (v.isEmpty()) {
                return today;
            }
            Optional<LocalDate> d = org.taizhang.core.text.CellValues.date(v);
            if (d.isEmpty()) {
                error(FOUND_ON, "findingImport.error.notDate", v);
                return today;
            }
            if (d.get().isAfter(today)) {
                error(FOUND_ON, "findingImport.error.dateAfterToday", v);
            }
            return d.get();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
