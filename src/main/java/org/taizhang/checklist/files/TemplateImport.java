package org.taizhang.checklist.files;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.taizhang.checklist.TemplateRules;
import org.taizhang.checklist.model.CheckMethod;
import org.taizhang.checklist.model.ChecklistCategory;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.NotApplicablePolicy;
import org.taizhang.checklist.model.RatingBand;
import org.taizhang.checklist.model.ScoringMode;
import org.taizhang.core.Ids;
import org.taizhang.core.Issue;
import org.taizhang.core.files.RowIssue;
import org.taizhang.core.files.SheetData;
import org.taizhang.core.files.SheetData.Row;
import org.taizhang.core.text.CellValues;
import org.taizhang.organization.model.OrganizationKind;

/**
 * Reads a template workbook ({@link TemplateWorkbook}) into a draft: a new template when the name is new, the
 * same draft when the newest version of that name is still a draft, else the next version (a published template
 * never changes). Every cell is checked, then the draft with {@link TemplateRules} (and, for a next version,
 * that it drops no item of the published one); every problem is a row error, and one error rejects the file.
 */
public final class TemplateImport {
    static final String ITEMS = "条目";
    static final String CATEGORIES = "类别";
    static final String BANDS = "等级";
    static final String RULES = "规则";

    static final String ITEM_CATEGORY = "类别";
    static final String NUMBER = "序号";
    static final String KEY = "标识";
    static final String TEXT = "内容";
    static final String POINTS = "分值";
    static final String MODE = "计分方式";
    static final String DEDUCTION = "每次扣分";
    static final String FLOOR = "下限";
    static final String EVIDENCE = "需佐证";
    static final String METHODS = "检查方式";
    static final String VETO = "一票否决";
    static final String APPLIES_TO = "适用组织类别";
    static final String BONUS = "加分项";
    static final String REPLACES = "承接条目";
    static final List<String> ITEM_HEADERS = List.of(
            ITEM_CATEGORY,
            NUMBER,
            KEY,
            TEXT,
            POINTS,
            MODE,
            DEDUCTION,
            FLOOR,
            EVIDENCE,
            METHODS,
            VETO,
            APPLIES_TO,
            BONUS,
            REPLACES);
    static final List<String> ITEM_REQUIRED = List.of(ITEM_CATEGORY, NUMBER, TEXT, POINTS, MODE);

    static final String CATEGORY_CODE = "代码";
    static final String CATEGORY_NAME = "名称";
    static final String CATEGORY_POINTS = "分值";
    static final String CATEGORY_KEY = "标识";
    static final List<String> CATEGORY_HEADERS = List.of(CATEGORY_CODE, CATEGORY_NAME, CATEGORY_POINTS, CATEGORY_KEY);
    static final List<String> CATEGORY_REQUIRED = List.of(CATEGORY_CODE, CATEGORY_NAME, CATEGORY_POINTS);

    static final String BAND_NAME = "等级";
    static final String BAND_MIN = "起点分数";
    static final String BAND_INNOVATION = "需创新项目";
    static final List<String> BAND_HEADERS = List.of(BAND_NAME, BAND_MIN, BAND_INNOVATION);
    static final List<String> BAND_REQUIRED = List.of(BAND_NAME, BAND_MIN);

    static final String NAME = "名称";
    static final String VERSION = "版本";
    static final String YEAR = "年度";
    static final String PASS_SCORE = "达标分数";
    static final String BONUS_CAP = "加分上限";
    static final String NOT_APPLICABLE = "不适用项";
    static final List<String> RULE_HEADERS = List.of(NAME, VERSION, YEAR, PASS_SCORE, BONUS_CAP, NOT_APPLICABLE);
    static final List<String> RULE_REQUIRED = List.of(NAME, PASS_SCORE);

    private TemplateImport() {}

    /**
     * An item of a next version whose 承接条目 are still those its key had in the version before (the column came
     * back as exported) continues itself: those keys belong to the version before that one.
     */
    private static ChecklistItem continuing(ChecklistTemplate previous, ChecklistItem item) {
        boolean carried = !item.replaces().isEmpty()
                && previous.item(item.key())
                        .map(p -> p.replaces().equals(item.replaces()))
                        .orElse(false);
        return carried ? item.continuingItself() : item;
    }

    /** {@code draft} is null when there are errors; {@code previous}: the published version it follows, if any. */
    public record Plan(ChecklistTemplate draft, ChecklistTemplate previous, List<RowIssue> errors) {}

    public static Plan plan(Map<String, SheetData> sheets, List<ChecklistTemplate> existing, int thisYear) {
        return new Planner(sheets, existing, thisYear).plan();
    }

    private static final class Planner {
        private final Map<String, SheetData> sheets;
        private final List<ChecklistTemplate> existing;
        private final int thisYear;
        private final List<RowIssue> errors = new ArrayList<>();
        /** Where each part was read, so that a rule broken by the draft is reported at its row. */
        private final Map<String, Integer> itemRows = new HashMap<>();

        private final Map<String, Integer> categoryRows = new HashMap<>();
        private final Map<String, Integer> bandRows = new HashMap<>();

        Planner(Map<String, SheetData> sheets, List<ChecklistTemplate> existing, int thisYear) {
            this.sheets = sheets;
            this.existing = existing;
            this.thisYear = thisYear;
        }

        public Plan plan() {
            boolean ok = headers(ITEMS, ITEM_REQUIRED)
                    & headers(CATEGORIES, CATEGORY_REQUIRED)
                    & headers(BANDS, BAND_REQUIRED)
                    & headers(RULES, RULE_REQUIRED);
            if (!ok) {
                return new Plan(null, null, errors);
            }
            Row rules = sheets.get(RULES).rows().stream().findFirst().orElse(null);
            if (rules == null) {
                errors.add(new RowIssue(RULES, 2, NAME, Issue.error(NAME, "checklist.error.nameRequired")));
                return new Plan(null, null, errors);
            }
            Cells r = new Cells(RULES, rules);
            String name = r.required(NAME);
            int year = r.text(YEAR).isEmpty() ? thisYear : r.whole(YEAR, thisYear);
            BigDecimal pass = r.decimal(PASS_SCORE, true);
            BigDecimal cap = r.text(BONUS_CAP).isEmpty() ? BigDecimal.ZERO : r.decimal(BONUS_CAP, false);
            NotApplicablePolicy policy = r.text(NOT_APPLICABLE).isEmpty()
                    ? NotApplicablePolicy.RESCALE
                    : r.choice(
                            NOT_APPLICABLE,
                            NotApplicablePolicy.ofFileLabel(r.text(NOT_APPLICABLE)),
                            Arrays.stream(NotApplicablePolicy.values()).map(NotApplicablePolicy::fileLabel));
            Map<String, ChecklistCategory> categories = categories();
            Map<String, List<ChecklistItem>> items = items(categories.keySet());
            List<RatingBand> bands = bands();
            if (!errors.isEmpty()) {
                return new Plan(null, null, errors);
            }
            List<ChecklistTemplate> sameName = existing.stream()
                    .filter(t -> t.name().equals(name))
                    .sorted(Comparator.comparingInt(ChecklistTemplate::version))
                    .toList();
            ChecklistTemplate newest = sameName.isEmpty() ? null : sameName.getLast();
            String id;
            int version;
            ChecklistTemplate previous = null;
            if (newest == null) {
                version = 1;
                id = Ids.forKey("checklist_template", name, "1");
            } else if (!newest.isPublished()) {
                version = newest.version(); // the clerk's draft, worked on in Excel: the same draft again
                id = newest.id();
            } else {
                previous = newest;
                version = newest.version() + 1;
                id = Ids.forKey("checklist_template", name, Integer.toString(version));
            }
            List<ChecklistCategory> withItems = new ArrayList<>();
            ChecklistTemplate before = previous;
            categories.forEach((code, c) -> withItems.add(new ChecklistCategory(
                    c.key(),
                    c.code(),
                    c.name(),
                    c.points(),
                    items.getOrDefault(code, List.of()).stream()
                            .map(i -> before == null ? i : continuing(before, i))
                            .toList())));
            ChecklistTemplate draft = new ChecklistTemplate(
                    id, name, version, year, ChecklistTemplate.Status.DRAFT, withItems, pass, bands, cap, policy);
            List<Issue> issues = new ArrayList<>(TemplateRules.check(draft));
            if (previous != null) {
                issues.addAll(TemplateRules.checkNextVersion(previous, draft));
            }
            issues.stream().filter(Issue::isError).forEach(this::locate);
            return errors.isEmpty() ? new Plan(draft, previous, List.of()) : new Plan(null, previous, errors);
        }

        private boolean headers(String sheet, List<String> required) {
            SheetData data = sheets.get(sheet);
            if (data == null || !data.present()) {
                errors.add(new RowIssue(
                        null,
                        0,
                        null,
                        Issue.error(null, "checklist.template.noSheet", sheet, String.join("、", required))));
                return false;
            }
            boolean ok = true;
            for (String column : required) {
                if (!data.headers().contains(column)) {
                    errors.add(new RowIssue(
                            sheet, 1, column, Issue.error(column, "checklist.import.missingColumn", column)));
                    ok = false;
                }
            }
            return ok;
        }

        private Map<String, ChecklistCategory> categories() {
            Map<String, ChecklistCategory> byCode = new LinkedHashMap<>();
            for (Row row : sheets.get(CATEGORIES).rows()) {
                Cells c = new Cells(CATEGORIES, row);
                String code = c.required(CATEGORY_CODE);
                String name = c.required(CATEGORY_NAME);
                BigDecimal points = c.decimal(CATEGORY_POINTS, true);
                String key = c.text(CATEGORY_KEY).isEmpty() ? code : c.text(CATEGORY_KEY);
                if (code.isEmpty()) {
                    continue;
                }
                if (categoryRows.containsKey(code)) {
                    c.error(CATEGORY_CODE, "checklist.template.duplicateCode", code, categoryRows.get(code));
                    continue;
                }
                categoryRows.put(code, row.number());
                byCode.put(code, new ChecklistCategory(key, code, name, points, List.of()));
            }
            return byCode;
        }

        private Map<String, List<ChecklistItem>> items(Set<String> categoryCodes) {
            Map<String, List<ChecklistItem>> byCategory = new LinkedHashMap<>();
            for (Row row : sheets.get(ITEMS).rows()) {
                Cells c = new Cells(ITEMS, row);
                String category = c.required(ITEM_CATEGORY);
                if (!category.isEmpty() && !categoryCodes.contains(category)) {
                    c.error(ITEM_CATEGORY, "checklist.template.categoryUnknown", category, CATEGORIES);
                }
                String number = c.required(NUMBER);
                // a new item typed in Excel may leave its key blank: its number becomes its key, for good
                String key = c.text(KEY).isEmpty() ? number : c.text(KEY);
                String text = c.required(TEXT);
                BigDecimal points = c.decimal(POINTS, true);
                // every item says how it is scored: an empty cell is this row's error, never a failed save later
                ScoringMode mode = c.required(MODE).isEmpty()
                        ? null
                        : c.choice(
                                MODE,
                                ScoringMode.ofFileLabel(c.text(MODE)),
                                Arrays.stream(ScoringMode.values()).map(ScoringMode::fileLabel));
                BigDecimal deduction = c.text(DEDUCTION).isEmpty() ? null : c.decimal(DEDUCTION, false);
                BigDecimal floor = c.text(FLOOR).isEmpty() ? null : c.decimal(FLOOR, false);
                if (mode == ScoringMode.DEDUCTION && floor == null) {
                    floor = BigDecimal.ZERO; // never below 0 unless the template says otherwise
                }
                if (mode != null && mode != ScoringMode.DEDUCTION) {
                    deduction = null; // only a deduction item has them; a stray value would travel unseen
                    floor = null;
                }
                boolean evidence = c.yesNo(EVIDENCE);
                Set<CheckMethod> methods = EnumSet.noneOf(CheckMethod.class);
                for (String m : c.list(METHODS)) {
                    CheckMethod.ofLabel(m)
                            .ifPresentOrElse(
                                    methods::add,
                                    () -> c.error(
                                            METHODS,
                                            "checklist.template.choice",
                                            m,
                                            Arrays.stream(CheckMethod.values())
                                                    .map(CheckMethod::label)
                                                    .collect(Collectors.joining("、"))));
                }
                boolean veto = c.yesNo(VETO);
                Set<OrganizationKind> kinds = EnumSet.noneOf(OrganizationKind.class);
                for (String k : c.list(APPLIES_TO)) {
                    OrganizationKind.fromFileName(k)
                            .ifPresentOrElse(
                                    kinds::add,
                                    () -> c.error(
                                            APPLIES_TO,
                                            "checklist.template.choice",
                                            k,
                                            Arrays.stream(OrganizationKind.values())
                                                    .map(OrganizationKind::fileName)
                                                    .collect(Collectors.joining("、"))));
                }
                boolean bonus = c.yesNo(BONUS);
                List<String> replaces = c.list(REPLACES);
                if (c.failed || number.isEmpty()) {
                    continue;
                }
                itemRows.putIfAbsent(number, row.number());
                byCategory
                        .computeIfAbsent(category, k -> new ArrayList<>())
                        .add(new ChecklistItem(
                                key, number, text, points, mode, deduction, floor, evidence, methods, veto, bonus,
                                kinds, replaces));
            }
            return byCategory;
        }

        private List<RatingBand> bands() {
            List<RatingBand> bands = new ArrayList<>();
            for (Row row : sheets.get(BANDS).rows()) {
                Cells c = new Cells(BANDS, row);
                String name = c.required(BAND_NAME);
                BigDecimal min = c.decimal(BAND_MIN, true);
                boolean innovation = c.yesNo(BAND_INNOVATION);
                if (!c.failed) {
                    bandRows.putIfAbsent(name, row.number());
                    bands.add(new RatingBand(name, min, innovation));
                }
            }
            return bands;
        }

        /** A rule the draft breaks, reported at the row and column it comes from. */
        private void locate(Issue issue) {
            String key = issue.messageKey();
            String field = issue.field();
            String sheet;
            Integer row;
            String column;
            switch (key) {
                case "checklist.error.nameRequired" -> {
                    sheet = RULES;
                    row = 2;
                    column = NAME;
                }
                case "checklist.error.passScore" -> {
                    sheet = RULES;
                    row = 2;
                    column = PASS_SCORE;
                }
                case "checklist.error.noCategories" -> {
                    sheet = CATEGORIES;
                    row = 2;
                    column = CATEGORY_CODE;
                }
                case "checklist.error.categoryPoints" -> {
                    sheet = CATEGORIES;
                    row = categoryRows.get(field);
                    column = CATEGORY_POINTS;
                }
                case "checklist.error.bandName", "checklist.error.bandMin", "checklist.error.bandsOverlap" -> {
                    sheet = BANDS;
                    row = bandRows.get(String.valueOf(issue.args()[0]));
                    column = key.equals("checklist.error.bandName") ? BAND_NAME : BAND_MIN;
                }
                case "checklist.error.itemDropped" -> {
                    sheet = null; // the item is not in the file at all
                    row = 0;
                    column = null;
                }
                default -> {
                    sheet = ITEMS;
                    row = itemRows.get(field);
                    column = switch (key) {
                        case "checklist.error.keyTaken" -> KEY;
                        case "checklist.error.numberTaken" -> NUMBER;
                        case "checklist.error.textRequired" -> TEXT;
                        case "checklist.error.deduction" -> DEDUCTION;
                        case "checklist.error.floor" -> FLOOR;
                        case "checklist.error.vetoYesNo" -> VETO;
                        case "checklist.error.bonusWithoutCap" -> BONUS;
                        case "checklist.error.replacesUnknown" -> REPLACES;
                        default -> POINTS;
                    };
                }
            }
            errors.add(new RowIssue(sheet, row == null ? 2 : row, column, issue));
        }

        /** One row's cells, read and checked; each problem becomes a row error naming its column. */
        private final class Cells {
            private final String sheet;
            private final Row row;
            boolean failed;

            Cells(String sheet, Row row) {
                this.sheet = sheet;
                this.row = row;
                row.uncalculated().forEach(column -> error(column, "import.error.formulaNotCalculated"));
            }

            void error(String column, String key, Object... args) {
                failed = true;
                errors.add(new RowIssue(sheet, row.number(), column, Issue.error(column, key, args)));
            }

            String text(String column) {
                return row.text(column);
            }

            String required(String column) {
                String v = row.text(column);
                if (v.isEmpty()) {
                    error(column, "checklist.import.required", column);
                }
                return v;
            }

            BigDecimal decimal(String column, boolean required) {
                String v = required ? required(column) : text(column);
                if (v.isEmpty()) {
                    return null;
                }
                try {
                    BigDecimal b = new BigDecimal(v);
                    if (b.signum() >= 0
                            && b.compareTo(new BigDecimal("1000")) < 0
                            && b.stripTrailingZeros().scale() <= 2) {
                        return b.stripTrailingZeros().scale() < 0 ? b.setScale(0) : b.stripTrailingZeros();
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                error(column, "checklist.template.number", v);
                return null;
            }

            int whole(String column, int fallback) {
                Optional<Integer> n = CellValues.wholeNumber(text(column));
                if (n.isEmpty()) {
                    error(column, "checklist.template.wholeNumber", text(column));
                    return fallback;
                }
                return n.get();
            }

            boolean yesNo(String column) {
                String v = text(column);
                if (v.isEmpty()) {
                    return false;
                }
                Optional<Boolean> b = CellValues.yesNo(v);
                if (b.isEmpty()) {
                    error(column, "checklist.template.yesNo", v);
                    return false;
                }
                return b.get();
            }

            <E> E choice(String column, Optional<E> parsed, java.util.stream.Stream<String> allowed) {
                if (parsed.isEmpty()) {
                    error(column, "checklist.template.choice", text(column), allowed.collect(Collectors.joining("、")));
                    return null;
                }
                return parsed.get();
            }

            /** A list in one cell, as clerks separate it: 、 ， , ; or spaces. */
            List<String> list(String column) {
                String v = text(column);
                return v.isEmpty()
                        ? List.of()
                        : Arrays.stream(v.split("[、，,；;\\s]+"))
                                .filter(s -> !s.isBlank())
                                .toList();
            }
        }
    }
}
