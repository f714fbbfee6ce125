package org.taizhang.organization.files;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.taizhang.core.Ids;
import org.taizhang.core.Issue;
import org.taizhang.core.files.RowIssue;
import org.taizhang.core.files.SheetData;
import org.taizhang.core.files.SheetData.Row;
import org.taizhang.core.text.CellValues;
import org.taizhang.organization.RegistryRules;
import org.taizhang.organization.model.Community;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

/**
 * Turns a registry file into the records to write, matching rows to existing records by name (unit by name,
 * community by name, organization by unit, parent and name), so importing the same file twice changes nothing.
 * A column absent from the file keeps the stored value; a blank cell clears it. Every row is checked against
 * the registry as it would be after the import, with the same rules the form uses.
 */
public final class RegistryImport {
    private RegistryImport() {}

    public record Plan(
            List<Unit> units,
            List<Community> communities,
            List<Organization> organizations,
            Registry proposed,
            List<RowIssue> errors,
            List<RowIssue> warnings) {

        public boolean hasErrors() {
            return !errors.isEmpty();
        }

        public List<Organization> organizationsParentsFirst() {
            List<Organization> sorted = new ArrayList<>(organizations);
            sorted.sort(Comparator.comparingInt(proposed::depth));
            return sorted;
        }

        public ImportReport report(int created, int updated, int unchanged, boolean applied) {
            return new ImportReport(applied, created, updated, unchanged, errors, warnings);
        }
    }

    public static Plan plan(Registry current, RegistryFile file, LocalDate today) {
        return new Planner(current, file, today).plan();
    }

    private static final class Planner {
        private final Registry current;
        private final RegistryFile file;
        private final LocalDate today;
        private final List<RowIssue> errors = new ArrayList<>();
        private final List<RowIssue> warnings = new ArrayList<>();
        private final Map<String, Unit> unitsByName = new LinkedHashMap<>();
        private final Set<String> plannedIds = new HashSet<>();
        private final Map<String, Community> communitiesByName = new LinkedHashMap<>();
        private final Map<String, Organization> organizationsByKey = new LinkedHashMap<>();
        private final Map<String, Row> unitRows = new HashMap<>();
        private final Map<String, Row> communityRows = new HashMap<>();
        private final Map<String, Row> organizationRows = new HashMap<>();

        Planner(Registry current, RegistryFile file, LocalDate today) {
            this.current = current;
            this.file = file;
            this.today = today;
        }

        public Plan plan() {
            if (file.isEmpty()) {
                errors.add(new RowIssue(
                        null,
                        0,
                        null,
                        Issue.error(
                                null,
                                "import.error.noSheets",
                                RegistryColumns.UNITS_SHEET,
                                RegistryColumns.COMMUNITIES_SHEET,
                                RegistryColumns.ORGANIZATIONS_SHEET)));
                return result(Registry.empty());
            }
            boolean headersOk = requireHeaders(file.units(), RegistryColumns.UNIT_REQUIRED)
                    & requireHeaders(file.communities(), RegistryColumns.COMMUNITY_REQUIRED)
                    & requireHeaders(file.organizations(), RegistryColumns.ORGANIZATION_REQUIRED);
            if (!headersOk) {
                return result(Registry.empty());
            }
            planUnits(calculated(file.units()));
            planCommunities(calculated(file.communities()));
            List<Row> orgRowsInOrder = planOrganizationKeys(calculated(file.organizations()));
            Map<String, Row> parsedRows = planOrganizations(orgRowsInOrder);
            Registry proposed =
                    current.withAll(unitsByName.values(), communitiesByName.values(), organizationsByKey.values());
            checkRules(proposed, parsedRows);
            return result(proposed);
        }

        private Plan result(Registry proposed) {
            return new Plan(
                    List.copyOf(unitsByName.values()),
                    List.copyOf(communitiesByName.values()),
                    List.copyOf(organizationsByKey.values()),
                    proposed,
                    errors,
                    warnings);
        }

        private boolean requireHeaders(SheetData sheet, List<String> required) {
            if (!sheet.present()) {
                return true;
            }
            boolean ok = true;
            for (String column : required) {
                if (!sheet.headers().contains(column)) {
                    errors.add(new RowIssue(
                            sheet.name(), 1, column, Issue.error(column, "import.error.missingColumn", column)));
                    ok = false;
                }
            }
            return ok;
        }

        /**
         * The rows whose every cell has a value. A formula saved without its result (a file written by a program
         * and never opened in Excel) would read as 0 or blank: its row is reported and not read further.
         */
        private List<Row> calculated(SheetData sheet) {
            List<Row> rows = new ArrayList<>(sheet.rows().size());
            for (Row row : sheet.rows()) {
                if (row.uncalculated().isEmpty()) {
                    rows.add(row);
                } else {
                    row.uncalculated()
                            .forEach(column -> error(sheet.name(), row, column, "import.error.formulaNotCalculated"));
                }
            }
            return rows;
        }

        private void planUnits(List<Row> rows) {
            String sheet = RegistryColumns.UNITS_SHEET;
            int lastUnitOrder =
                    current.units().stream().mapToInt(Unit::sortOrder).max().orElse(0);
            for (Row row : rows) {
                String name = row.text(RegistryColumns.UNIT_NAME);
                if (name.isEmpty()) {
                    error(sheet, row, RegistryColumns.UNIT_NAME, "unit.error.nameRequired");
                    continue;
                }
                if (unitRows.containsKey(name)) {
                    error(
                            sheet,
                            row,
                            RegistryColumns.UNIT_NAME,
                            "import.error.duplicateRow",
                            unitRows.get(name).number());
                    continue;
                }
                Optional<Unit> old = current.unitNamed(name);
                unitRows.put(name, row);
                unitsByName.put(
                        name,
                        new Unit(
                                old.map(Unit::id).orElseGet(() -> newId("unit", name)),
                                name,
                                text(row, RegistryColumns.UNIT_SHORT_NAME, old, Unit::shortName),
                                text(row, RegistryColumns.CONTACT_PERSON, old, Unit::contactPerson),
                                text(row, RegistryColumns.CONTACT_PHONE, old, Unit::contactPhone),
                                text(row, RegistryColumns.REMARK, old, Unit::remark),
                                // stored order wins (re-import is a no-op); a new unit goes after the stored ones
                                old.map(Unit::sortOrder).orElse(lastUnitOrder + row.number())));
            }
        }

        /**
         * A new record's id comes from its natural key (decisions/0006): two devices that import the same
         * workbook, or load the sample, make the same records. An id held by another record (renamed since)
         * or given earlier in this import is skipped, the same way on every device.
         */
        private String newId(String kind, String key) {
            String id = Ids.forKey(given -> current.hasRecord(given) || plannedIds.contains(given), kind, key);
            plannedIds.add(id);
            return id;
        }

        private Optional<Unit> unitByName(String name) {
            Unit planned = unitsByName.get(name);
            return planned != null ? Optional.of(planned) : current.unitNamed(name);
        }

        private void planCommunities(List<Row> rows) {
            String sheet = RegistryColumns.COMMUNITIES_SHEET;
            for (Row row : rows) {
                String name = row.text(RegistryColumns.COMMUNITY_NAME);
                if (name.isEmpty()) {
                    error(sheet, row, RegistryColumns.COMMUNITY_NAME, "community.error.nameRequired");
                    continue;
                }
                if (communityRows.containsKey(name)) {
                    error(
                            sheet,
                            row,
                            RegistryColumns.COMMUNITY_NAME,
                            "import.error.duplicateRow",
                            communityRows.get(name).number());
                    continue;
                }
                Optional<Community> old = current.communityNamed(name);
                String leadUnitId = old.map(Community::leadUnitId).orElse(null);
                if (row.has(RegistryColumns.COMMUNITY_LEAD_UNIT)) {
                    String lead = row.text(RegistryColumns.COMMUNITY_LEAD_UNIT);
                    leadUnitId = null;
                    if (!lead.isEmpty()) {
                        Optional<Unit> unit = unitByName(lead);
                        if (unit.isEmpty()) {
                            error(sheet, row, RegistryColumns.COMMUNITY_LEAD_UNIT, "import.error.unitUnknown", lead);
                            continue;
                        }
                        leadUnitId = unit.get().id();
                    }
                }
                communityRows.put(name, row);
                communitiesByName.put(
                        name,
                        new Community(
                                old.map(Community::id).orElseGet(() -> newId("community", name)),
                                name,
                                leadUnitId,
                                text(row, RegistryColumns.COMMUNITY_LIAISON, old, Community::liaison),
                                text(row, RegistryColumns.REMARK, old, Community::remark)));
            }
        }

        /** First pass: which unit each row belongs to and the id it gets, so parents can be named in any order. */
        private List<Row> planOrganizationKeys(List<Row> rows) {
            String sheet = RegistryColumns.ORGANIZATIONS_SHEET;
            List<Row> accepted = new ArrayList<>();
            for (Row row : rows) {
                String name = row.text(RegistryColumns.ORG_NAME);
                String unitName = row.text(RegistryColumns.ORG_UNIT);
                boolean ok = true;
                if (name.isEmpty()) {
                    error(sheet, row, RegistryColumns.ORG_NAME, "organization.error.nameRequired");
                    ok = false;
                }
                Optional<Unit> unit = Optional.empty();
                if (unitName.isEmpty()) {
                    error(sheet, row, RegistryColumns.ORG_UNIT, "organization.error.unitRequired");
                    ok = false;
                } else {
                    unit = unitByName(unitName);
                    if (unit.isEmpty()) {
                        error(sheet, row, RegistryColumns.ORG_UNIT, "import.error.unitUnknown", unitName);
                        ok = false;
                    }
                }
                if (!ok) {
                    continue;
                }
                String key = rowKey(unit.get().id(), row);
                if (organizationRows.containsKey(key)) {
                    error(
                            sheet,
                            row,
                            RegistryColumns.ORG_NAME,
                            "import.error.duplicateRow",
                            organizationRows.get(key).number());
                    continue;
                }
                organizationRows.put(key, row);
                accepted.add(row);
            }
            return accepted;
        }

        /**
         * A row is one organization of its unit, told apart by the parent it names and its name: branches of
         * the same name under two 党总支 are two rows. Parents are named by name, which the rules keep unique
         * for the organizations that can be parents.
         */
        private static String rowKey(String unitId, Row row) {
            String parent = row.has(RegistryColumns.ORG_PARENT) ? row.text(RegistryColumns.ORG_PARENT) : "";
            return unitId + "\n" + parent + "\n" + row.text(RegistryColumns.ORG_NAME);
        }

        private record Candidate(String id, OrganizationKind kind) {}

        /**
         * The stored organization a row stands for: the one of its unit with its name and the parent it names;
         * failing that, the only one of that name (the row moves it to another parent). One stored record
         * answers one row at most.
         */
        private Optional<Organization> stored(String unitId, Row row, Set<String> claimed) {
            List<Organization> named = current.organizationsNamed(unitId, row.text(RegistryColumns.ORG_NAME)).stream()
                    .filter(o -> !claimed.contains(o.id()))
                    .toList();
            Optional<Organization> found = Optional.empty();
            if (row.has(RegistryColumns.ORG_PARENT)) {
                String parentName = row.text(RegistryColumns.ORG_PARENT);
                found = named.stream()
                        .filter(o -> parentName.equals(parentNameOf(o)))
                        .findFirst();
            }
            if (found.isEmpty() && named.size() == 1) {
                found = Optional.of(named.getFirst());
            }
            found.ifPresent(o -> claimed.add(o.id()));
            return found;
        }

        private String parentNameOf(Organization o) {
            return o.parentId() == null
                    ? ""
                    : current.organization(o.parentId()).map(Organization::name).orElse("");
        }

        private Map<String, Row> planOrganizations(List<Row> rows) {
            String sheet = RegistryColumns.ORGANIZATIONS_SHEET;
            Map<Row, String> idsByRow = new IdentityHashMap<>();
            Map<String, List<Candidate>> namedInFile = new HashMap<>();
            Set<String> claimed = new HashSet<>();
            for (Row row : rows) {
                String unitId = unitByName(row.text(RegistryColumns.ORG_UNIT))
                        .orElseThrow()
                        .id();
                String name = row.text(RegistryColumns.ORG_NAME);
                Optional<Organization> old = stored(unitId, row, claimed);
                String id = old.map(Organization::id).orElseGet(() -> newId("organization", rowKey(unitId, row)));
                idsByRow.put(row, id);
                OrganizationKind kind = OrganizationKind.fromFileName(row.text(RegistryColumns.ORG_KIND))
                        .orElse(old.map(Organization::kind).orElse(null));
                namedInFile
                        .computeIfAbsent(unitId + "\n" + name, k -> new ArrayList<>())
                        .add(new Candidate(id, kind));
            }
            Map<String, Row> rowsById = new HashMap<>();
            for (Row row : rows) {
                int errorsBefore = errors.size();
                Unit unit = unitByName(row.text(RegistryColumns.ORG_UNIT)).orElseThrow();
                String name = row.text(RegistryColumns.ORG_NAME);
                String id = idsByRow.get(row);
                Optional<Organization> old = current.organization(id);

                OrganizationKind kind = old.map(Organization::kind).orElse(null);
                String kindText = row.text(RegistryColumns.ORG_KIND);
                Optional<OrganizationKind> parsedKind = OrganizationKind.fromFileName(kindText);
                if (parsedKind.isEmpty()) {
                    error(sheet, row, RegistryColumns.ORG_KIND, "import.error.kindUnknown", kindText);
                } else {
                    kind = parsedKind.get();
                }

                String parentId = old.map(Organization::parentId).orElse(null);
                if (row.has(RegistryColumns.ORG_PARENT)) {
                    String parentName = row.text(RegistryColumns.ORG_PARENT);
                    parentId = null;
                    if (!parentName.isEmpty()) {
                        List<Candidate> candidates = namedInFile.getOrDefault(
                                unit.id() + "\n" + parentName,
                                current.organizationsNamed(unit.id(), parentName).stream()
                                        .map(o -> new Candidate(o.id(), o.kind()))
                                        .toList());
                        List<Candidate> leaders = candidates.stream()
                                .filter(c -> c.kind() != null && c.kind().canHaveChildren())
                                .toList();
                        if (leaders.size() > 1) {
                            error(
                                    sheet,
                                    row,
                                    RegistryColumns.ORG_PARENT,
                                    "import.error.parentAmbiguous",
                                    parentName,
                                    unit.name());
                        } else if (!leaders.isEmpty()) {
                            parentId = leaders.getFirst().id();
                        } else if (!candidates.isEmpty()) {
                            parentId = candidates.getFirst().id(); // a branch: the rules say it cannot lead
                        } else {
                            error(
                                    sheet,
                                    row,
                                    RegistryColumns.ORG_PARENT,
                                    "import.error.parentUnknown",
                                    parentName,
                                    unit.name());
                        }
                    }
                }

                Integer members = old.map(Organization::memberCount).orElse(null);
                if (row.has(RegistryColumns.ORG_MEMBERS)) {
                    String t = row.text(RegistryColumns.ORG_MEMBERS);
                    members = null;
                    if (!t.isEmpty()) {
                        members = CellValues.wholeNumber(t).orElse(null);
                        if (members == null) {
                            error(sheet, row, RegistryColumns.ORG_MEMBERS, "import.error.notWholeNumber", t);
                        }
                    }
                }

                boolean committee = old.map(Organization::hasCommittee).orElse(false);
                if (row.has(RegistryColumns.ORG_COMMITTEE)) {
                    String t = row.text(RegistryColumns.ORG_COMMITTEE);
                    committee = false;
                    if (!t.isEmpty()) {
                        Optional<Boolean> yes = CellValues.yesNo(t);
                        if (yes.isEmpty()) {
                            error(sheet, row, RegistryColumns.ORG_COMMITTEE, "import.error.notYesNo", t);
                        } else {
                            committee = yes.get();
                        }
                    }
                }

                LocalDate termStart = date(
                        sheet,
                        row,
                        RegistryColumns.ORG_TERM_START,
                        old.map(Organization::termStart).orElse(null));
                LocalDate termEnd = date(
                        sheet,
                        row,
                        RegistryColumns.ORG_TERM_END,
                        old.map(Organization::termEnd).orElse(null));

                String communityId = old.map(Organization::communityId).orElse(null);
                if (row.has(RegistryColumns.ORG_COMMUNITY)) {
                    String t = row.text(RegistryColumns.ORG_COMMUNITY);
                    communityId = null;
                    if (!t.isEmpty()) {
                        Community planned = communitiesByName.get(t);
                        communityId = planned != null
                                ? planned.id()
                                : current.communityNamed(t).map(Community::id).orElse(null);
                        if (communityId == null) {
                            error(sheet, row, RegistryColumns.ORG_COMMUNITY, "import.error.communityUnknown", t);
                        }
                    }
                }

                if (errors.size() > errorsBefore || kind == null) {
                    continue; // a row that cannot be read is not checked further: its errors say enough
                }
                Organization o = new Organization(
                        id,
                        unit.id(),
                        parentId,
                        name,
                        kind,
                        text(row, RegistryColumns.ORG_SECRETARY, old, Organization::secretary),
                        text(row, RegistryColumns.ORG_DEPUTY, old, Organization::fullTimeDeputy),
                        members,
                        committee,
                        termStart,
                        termEnd,
                        communityId,
                        text(row, RegistryColumns.CONTACT_PERSON, old, Organization::contactPerson),
                        text(row, RegistryColumns.CONTACT_PHONE, old, Organization::contactPhone),
                        text(row, RegistryColumns.REMARK, old, Organization::remark),
                        old.map(Organization::sortOrder).orElse(row.number()));
                organizationsByKey.put(rowKey(unit.id(), row), o);
                rowsById.put(id, row);
            }
            return rowsById;
        }

        private void checkRules(Registry proposed, Map<String, Row> organizationRowsById) {
            for (Unit u : unitsByName.values()) {
                report(RegistryColumns.UNITS_SHEET, unitRows.get(u.name()), RegistryRules.check(proposed, u));
            }
            for (Community c : communitiesByName.values()) {
                report(
                        RegistryColumns.COMMUNITIES_SHEET,
                        communityRows.get(c.name()),
                        RegistryRules.check(proposed, c));
            }
            for (Organization o : organizationsByKey.values()) {
                report(
                        RegistryColumns.ORGANIZATIONS_SHEET,
                        organizationRowsById.get(o.id()),
                        RegistryRules.check(proposed, o, today));
            }
            errors.sort(ROW_ORDER);
            warnings.sort(ROW_ORDER);
        }

        private static final Comparator<RowIssue> ROW_ORDER =
                Comparator.comparing((RowIssue i) -> sheetOrder(i.sheet())).thenComparingInt(RowIssue::row);

        private static int sheetOrder(String sheet) {
            return sheet == null
                    ? -1
                    : List.of(
                                    RegistryColumns.UNITS_SHEET,
                                    RegistryColumns.COMMUNITIES_SHEET,
                                    RegistryColumns.ORGANIZATIONS_SHEET)
                            .indexOf(sheet);
        }

        private void report(String sheet, Row row, List<Issue> issues) {
            for (Issue issue : issues) {
                RowIssue ri = new RowIssue(sheet, row.number(), issue.field(), issue);
                (issue.isError() ? errors : warnings).add(ri);
            }
        }

        private LocalDate date(String sheet, Row row, String column, LocalDate stored) {
            if (!row.has(column)) {
                return stored;
            }
            String t = row.text(column);
            if (t.isEmpty()) {
                return null;
            }
            Optional<LocalDate> d = CellValues.date(t);
            if (d.isEmpty()) {
                error(sheet, row, column, "import.error.notDate", t);
                return null;
            }
            return d.get();
        }

        private void error(String sheet, Row row, String column, String key, Object... args) {
            errors.add(new RowIssue(sheet, row.number(), column, Issue.error(column, key, args)));
        }

        private static <T> String text(Row row, String column, Optional<T> old, Function<T, String> stored) {
            if (!row.has(column)) {
                return old.map(stored).orElse(null);
            }
            String t = row.text(column);
            return t.isEmpty() ? null : t;
        }
    }
}
