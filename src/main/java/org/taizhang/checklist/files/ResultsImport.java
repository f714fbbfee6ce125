package org.taizhang.checklist.files;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.taizhang.checklist.model.PastResult;
import org.taizhang.checklist.model.Round;
import org.taizhang.core.Issue;
import org.taizhang.core.files.RowCells;
import org.taizhang.core.files.RowIssue;
import org.taizhang.core.files.SheetData;
import org.taizhang.core.files.SheetData.Row;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

/**
 * Turns a sheet of past results (往年结果, or a workbook's only sheet or its one sheet with the required columns: 单位, 组织名称, 年度, 轮次, 总分, 等级, 结论; 上级组织 optional, to tell two
 * branches of one name apart) into the results to write, or row errors. Organizations are named as in the registry
 * workbook, never by id. Every row is checked before anything is written: one bad row rejects the file.
 */
public final class ResultsImport {
    public static final String SHEET = "往年结果";
    static final String UNIT = "单位";
    static final String ORGANIZATION = "组织名称";
    static final String PARENT = "上级组织";
    static final String YEAR = "年度";
    static final String ROUND = "轮次";
    static final String SCORE = "总分";
    static final String RATING = "等级";
    static final String CONCLUSION = "结论";
    public static final String PASSED = "达标";
    public static final String FAILED = "未达标";
    static final List<String> HEADERS = List.of(UNIT, ORGANIZATION, PARENT, YEAR, ROUND, SCORE, RATING, CONCLUSION);
    public static final List<String> REQUIRED = List.of(UNIT, ORGANIZATION, YEAR, ROUND, CONCLUSION);
    static final int FIRST_YEAR = 2000;
    private static final BigDecimal MAX_SCORE = new BigDecimal("1000");

    private ResultsImport() {}

    public record Plan(List<PastResult> results, List<RowIssue> errors) {}

    /**
     * @param ratings the band names of the templates (a 等级 must be one of them, or blank)
     * @param lastYear the latest year a result may have (this year)
     */
    public static Plan plan(Registry registry, SheetData sheet, String sourceFile, Set<String> ratings, int lastYear) {
        List<RowIssue> errors = new ArrayList<>();
        List<PastResult> results = new ArrayList<>();
        if (!sheet.present()) {
            errors.add(new RowIssue(
                    null, 0, null, Issue.error(null, "checklist.import.noSheet", SHEET, String.join("、", REQUIRED))));
            return new Plan(results, errors);
        }
        for (String column : REQUIRED) {
            if (!sheet.headers().contains(column)) {
                errors.add(new RowIssue(
                        sheet.name(), 1, column, Issue.error(column, "checklist.import.missingColumn", column)));
            }
        }
        if (!errors.isEmpty()) {
            return new Plan(results, errors);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : sheet.rows()) {
            int before = errors.size();
            Cells cells = new Cells(sheet.name(), row, errors);
            if (!row.uncalculated().isEmpty()) {
                row.uncalculated().forEach(c -> cells.error(c, "import.error.formulaNotCalculated"));
                continue;
            }
            Organization branch = organization(registry, cells);
            Integer year = cells.year(lastYear);
            Round round = cells.round();
            BigDecimal score = cells.score();
            String rating = cells.rating(ratings);
            Boolean passed = cells.conclusion();
            if (errors.size() > before) {
                continue;
            }
            String id = PastResult.idOf(branch.id(), year, round);
            Integer first = seen.putIfAbsent(id, row.number());
            if (first != null) {
                cells.error(ORGANIZATION, "checklist.import.duplicateRow", first);
                continue;
            }
            results.add(new PastResult(id, branch.id(), year, round, score, rating, passed, sourceFile));
        }
        return new Plan(results, errors);
    }

    /** The branch a row names: its unit by name, then its name (and the parent it names, when the file has one). */
    private static Organization organization(Registry registry, Cells cells) {
        String unitName = cells.required(UNIT);
        String name = cells.required(ORGANIZATION);
        if (unitName.isEmpty() || name.isEmpty()) {
            return null;
        }
        Optional<Unit> unit = registry.unitNamed(unitName);
        if (unit.isEmpty()) {
            cells.error(UNIT, "checklist.import.unitUnknown", unitName);
            return null;
        }
        List<Organization> named = registry.organizationsNamed(unit.get().id(), name);
        String parent = cells.row().text(PARENT);
        if (!parent.isEmpty()) {
            named = named.stream()
                    .filter(o -> parent.equals(parentName(registry, o)))
                    .toList();
        }
        if (named.isEmpty()) {
            cells.error(ORGANIZATION, "checklist.import.organizationUnknown", name, unitName);
            return null;
        }
        if (named.size() > 1) {
            String candidates = named.stream()
                    .map(o -> "“" + o.name() + "”（" + PARENT + "：" + parentName(registry, o) + "）")
                    .collect(Collectors.joining("、"));
            cells.error(ORGANIZATION, "checklist.import.organizationAmbiguous", name, unitName, candidates);
            return null;
        }
        Organization o = named.getFirst();
        if (o.kind() == null || !o.kind().isBranch()) {
            cells.error(
                    ORGANIZATION,
                    "checklist.import.notBranch",
                    name,
                    o.kind() == null ? "" : o.kind().fileName());
            return null;
        }
        return o;
    }

    private static String parentName(Registry registry, Organization o) {
        return o.parentId() == null
                ? ""
                : registry.organization(o.parentId()).map(Organization::name).orElse("");
    }

    /** One row's cells, read and checked; each problem becomes a row error naming its column. */
    private static final class Cells extends RowCells {
        Cells(String sheet, Row row, List<RowIssue> errors) {
            super(sheet, row, errors, "checklist.import.required");
        }

        Integer year(int lastYear) {
            String v = required(YEAR);
            if (v.isEmpty()) {
                return null;
            }
            try {
                int y = Integer.parseInt(v.endsWith("年") ? v.substring(0, v.length() - 1) : v);
                if (y >= FIRST_YEAR && y <= lastYear) {
                    return y;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            error(YEAR, "checklist.import.year", v, FIRST_YEAR, lastYear);
            return null;
        }

        Round round() {
            String v = required(ROUND);
            if (v.isEmpty()) {
                return null;
            }
            Optional<Round> round = Round.ofFileLabel(v);
            if (round.isEmpty()) {
                error(
                        ROUND,
                        "checklist.import.round",
                        v,
                        Arrays.stream(Round.values()).map(Round::fileLabel).collect(Collectors.joining("、")));
            }
            return round.orElse(null);
        }

        BigDecimal score() {
            String v = text(SCORE);
            if (v.isEmpty()) {
                return null;
            }
            try {
                BigDecimal b = new BigDecimal(v);
                if (b.signum() >= 0
                        && b.compareTo(MAX_SCORE) <= 0
                        && b.stripTrailingZeros().scale() <= 2) {
                    return b.stripTrailingZeros().scale() < 0 ? b.setScale(0) : b.stripTrailingZeros();
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            error(SCORE, "checklist.import.score", v);
            return null;
        }

        String rating(Set<String> ratings) {
            String v = text(RATING);
            if (v.isEmpty()) {
                return null;
            }
            if (!ratings.contains(v)) {
                error(RATING, "checklist.import.rating", v, String.join("、", ratings));
            }
            return v;
        }

        Boolean conclusion() {
            String v = required(CONCLUSION);
            if (v.isEmpty()) {
                return null;
            }
            if (v.equals(PASSED)) {
                return true;
            }
            if (v.equals(FAILED)) {
                return false;
            }
            error(CONCLUSION, "checklist.import.conclusion", v);
            return null;
        }
    }
}
