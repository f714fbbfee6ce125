package org.taizhang.checklist.store;

import static org.taizhang.core.store.schema.Tables.ANSWER_EVIDENCE;
import static org.taizhang.core.store.schema.Tables.ASSESSMENT;
import static org.taizhang.core.store.schema.Tables.ASSESSMENT_ANSWER;
import static org.taizhang.core.store.schema.Tables.ASSESSMENT_RESULT;
import static org.taizhang.core.store.schema.Tables.CHECKLIST_BAND;
import static org.taizhang.core.store.schema.Tables.CHECKLIST_CATEGORY;
import static org.taizhang.core.store.schema.Tables.CHECKLIST_ITEM;
import static org.taizhang.core.store.schema.Tables.CHECKLIST_TEMPLATE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.taizhang.checklist.model.Assessment;
import org.taizhang.checklist.model.CheckMethod;
import org.taizhang.checklist.model.ChecklistCategory;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.ItemAnswer;
import org.taizhang.checklist.model.NotApplicablePolicy;
import org.taizhang.checklist.model.PastResult;
import org.taizhang.checklist.model.RatingBand;
import org.taizhang.checklist.model.Round;
import org.taizhang.checklist.model.ScoringMode;
import org.taizhang.core.Ids;
import org.taizhang.core.store.TrackedWriter;
import org.taizhang.core.store.schema.tables.records.AnswerEvidenceRecord;
import org.taizhang.core.store.schema.tables.records.AssessmentAnswerRecord;
import org.taizhang.core.store.schema.tables.records.AssessmentRecord;
import org.taizhang.core.store.schema.tables.records.AssessmentResultRecord;
import org.taizhang.core.store.schema.tables.records.ChecklistBandRecord;
import org.taizhang.core.store.schema.tables.records.ChecklistCategoryRecord;
import org.taizhang.core.store.schema.tables.records.ChecklistItemRecord;
import org.taizhang.core.store.schema.tables.records.ChecklistTemplateRecord;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.model.OrganizationKind;

/**
 * Reads and writes templates and assessments: the only checklist code that knows SQL (through jOOQ). A
 * template is stored as its rows (template, categories, items, bands), each a record that merges on its own;
 * parts no longer in the template are deleted (tombstones), never removed.
 */
public final class ChecklistStore {
    private static final int WRITE_SLICE = 500;

    private ChecklistStore() {}

    public static String categoryId(String templateId, String key) {
        return Ids.forKey("checklist_category", templateId, key);
    }

    public static String itemId(String templateId, String key) {
        return Ids.forKey("checklist_item", templateId, key);
    }

    public static String bandId(String templateId, String name) {
        return Ids.forKey("checklist_band", templateId, name);
    }

    public static String answerId(String assessmentId, String itemKey) {
        return Ids.forKey("assessment_answer", assessmentId, itemKey);
    }

    // ---- templates

    public static void save(TrackedWriter writer, DSLContext ctx, ChecklistTemplate t) {
        ChecklistTemplateRecord r = CHECKLIST_TEMPLATE.newRecord();
        r.setId(t.id());
        r.setName(t.name().strip());
        r.setVersion(t.version());
        r.setYear(t.year());
        r.setStatus(t.status().name());
        r.setPassScore(t.passScore());
        r.setBonusCap(t.bonusCap() == null ? BigDecimal.ZERO : t.bonusCap());
        r.setNotApplicable(t.notApplicable().name());
        writer.save(r);
        Set<String> categoryIds = new LinkedHashSet<>();
        Set<String> itemIds = new LinkedHashSet<>();
        int categoryOrder = 0;
        int itemOrder = 0;
        for (ChecklistCategory c : t.categories()) {
            String categoryId = categoryId(t.id(), c.key());
            categoryIds.add(categoryId);
            ChecklistCategoryRecord cr = CHECKLIST_CATEGORY.newRecord();
            cr.setId(categoryId);
            cr.setTemplateId(t.id());
            cr.setKey(c.key());
            cr.setCode(c.code());
            cr.setName(c.name());
            cr.setPoints(c.points());
            cr.setSortOrder(categoryOrder++);
            writer.restoreAndSave(cr);
            for (ChecklistItem i : c.items()) {
                String itemId = itemId(t.id(), i.key());
                itemIds.add(itemId);
                ChecklistItemRecord ir = CHECKLIST_ITEM.newRecord();
                ir.setId(itemId);
                ir.setTemplateId(t.id());
                ir.setCategoryId(categoryId);
                ir.setKey(i.key());
                ir.setNumber(i.number());
                ir.setText(i.text());
                ir.setMaxPoints(i.maxPoints());
                ir.setMode(i.mode().name());
                ir.setDeduction(i.deduction());
                ir.setFloor(i.floor());
                ir.setEvidenceRequired(i.evidenceRequired() ? 1 : 0);
                ir.setMethods(
                        codes(i.methods().stream().sorted().map(Enum::name).toList()));
                ir.setVeto(i.veto() ? 1 : 0);
                ir.setBonus(i.bonus() ? 1 : 0);
                ir.setAppliesTo(
                        codes(i.appliesTo().stream().sorted().map(Enum::name).toList()));
                ir.setReplaces(codes(i.replaces()));
                ir.setSortOrder(itemOrder++);
                writer.restoreAndSave(ir);
            }
        }
        Set<String> bandIds = new LinkedHashSet<>();
        for (RatingBand b : t.bands()) {
            String bandId = bandId(t.id(), b.name());
            bandIds.add(bandId);
            ChecklistBandRecord br = CHECKLIST_BAND.newRecord();
            br.setId(bandId);
            br.setTemplateId(t.id());
            br.setName(b.name());
            br.setMinScore(b.minScore());
            br.setNeedsInnovation(b.needsInnovation() ? 1 : 0);
            writer.restoreAndSave(br);
        }
        // parts the clerk removed from the draft: tombstones, so the removal travels too
        ctx
                .select(CHECKLIST_ITEM.ID)
                .from(CHECKLIST_ITEM)
                .where(CHECKLIST_ITEM.TEMPLATE_ID.eq(t.id()))
                .and(CHECKLIST_ITEM.DELETED.eq(0))
                .fetch(CHECKLIST_ITEM.ID)
                .stream()
                .filter(id -> !itemIds.contains(id))
                .forEach(id -> writer.delete(CHECKLIST_ITEM, id));
        ctx
                .select(CHECKLIST_CATEGORY.ID)
                .from(CHECKLIST_CATEGORY)
                .where(CHECKLIST_CATEGORY.TEMPLATE_ID.eq(t.id()))
                .and(CHECKLIST_CATEGORY.DELETED.eq(0))
                .fetch(CHECKLIST_CATEGORY.ID)
                .stream()
                .filter(id -> !categoryIds.contains(id))
                .forEach(id -> writer.delete(CHECKLIST_CATEGORY, id));
        ctx
                .select(CHECKLIST_BAND.ID)
                .from(CHECKLIST_BAND)
                .where(CHECKLIST_BAND.TEMPLATE_ID.eq(t.id()))
                .and(CHECKLIST_BAND.DELETED.eq(0))
                .fetch(CHECKLIST_BAND.ID)
                .stream()
                .filter(id -> !bandIds.contains(id))
                .forEach(id -> writer.delete(CHECKLIST_BAND, id));
    }

    public static boolean deleteTemplate(TrackedWriter writer, String id) {
        return writer.delete(CHECKLIST_TEMPLATE, id);
    }

    public static boolean restoreTemplate(TrackedWriter writer, String id) {
        return writer.restore(CHECKLIST_TEMPLATE, id);
    }

    /** The template row's history (留痕): created, published, deleted, restored, renamed … */
    public static List<org.taizhang.core.store.HistoryEntry> templateHistory(DSLContext ctx, String id) {
        return TrackedWriter.historyOf(ctx, CHECKLIST_TEMPLATE.getName(), id);
    }

    public static List<ChecklistTemplate> templates(DSLContext ctx) {
        return templates(ctx, null);
    }

    /** One template with its parts, read alone (scoring one answer needs one template, not all of them). */
    public static Optional<ChecklistTemplate> template(DSLContext ctx, String id) {
        return templates(ctx, id).stream().findFirst();
    }

    /** Every live template, or only {@code templateId}'s when it is given. */
    private static List<ChecklistTemplate> templates(DSLContext ctx, String templateId) {
        Map<String, List<ChecklistItem>> itemsByCategory = new HashMap<>();
        for (ChecklistItemRecord r : ctx.selectFrom(CHECKLIST_ITEM)
                .where(CHECKLIST_ITEM.DELETED.eq(0))
                .and(templateId == null ? DSL.noCondition() : CHECKLIST_ITEM.TEMPLATE_ID.eq(templateId))
                .orderBy(CHECKLIST_ITEM.SORT_ORDER, CHECKLIST_ITEM.NUMBER)
                .fetch()) {
            itemsByCategory
                    .computeIfAbsent(r.getCategoryId(), k -> new ArrayList<>())
                    .add(item(r));
        }
        Map<String, List<ChecklistCategory>> categoriesByTemplate = new HashMap<>();
        for (ChecklistCategoryRecord r : ctx.selectFrom(CHECKLIST_CATEGORY)
                .where(CHECKLIST_CATEGORY.DELETED.eq(0))
                .and(templateId == null ? DSL.noCondition() : CHECKLIST_CATEGORY.TEMPLATE_ID.eq(templateId))
                .orderBy(CHECKLIST_CATEGORY.SORT_ORDER, CHECKLIST_CATEGORY.CODE)
                .fetch()) {
            categoriesByTemplate
                    .computeIfAbsent(r.getTemplateId(), k -> new ArrayList<>())
                    .add(new ChecklistCategory(
                            r.getKey(),
                            r.getCode(),
                            r.getName(),
                            r.getPoints(),
                            itemsByCategory.getOrDefault(r.getId(), List.of())));
        }
        Map<String, List<RatingBand>> bandsByTemplate = new HashMap<>();
        for (ChecklistBandRecord r : ctx.selectFrom(CHECKLIST_BAND)
                .where(CHECKLIST_BAND.DELETED.eq(0))
                .and(templateId == null ? DSL.noCondition() : CHECKLIST_BAND.TEMPLATE_ID.eq(templateId))
                .orderBy(CHECKLIST_BAND.MIN_SCORE.desc(), CHECKLIST_BAND.NAME)
                .fetch()) {
            bandsByTemplate
                    .computeIfAbsent(r.getTemplateId(), k -> new ArrayList<>())
                    .add(new RatingBand(r.getName(), r.getMinScore(), r.getNeedsInnovation() == 1));
        }
        List<ChecklistTemplate> list = new ArrayList<>();
        for (ChecklistTemplateRecord r : ctx.selectFrom(CHECKLIST_TEMPLATE)
                .where(CHECKLIST_TEMPLATE.DELETED.eq(0))
                .and(templateId == null ? DSL.noCondition() : CHECKLIST_TEMPLATE.ID.eq(templateId))
                .orderBy(CHECKLIST_TEMPLATE.NAME, CHECKLIST_TEMPLATE.VERSION)
                .fetch()) {
            list.add(new ChecklistTemplate(
                    r.getId(),
                    r.getName(),
                    r.getVersion(),
                    r.getYear(),
                    ChecklistTemplate.Status.valueOf(r.getStatus()),
                    categoriesByTemplate.getOrDefault(r.getId(), List.of()),
                    r.getPassScore(),
                    bandsByTemplate.getOrDefault(r.getId(), List.of()),
                    r.getBonusCap(),
                    NotApplicablePolicy.valueOf(r.getNotApplicable())));
        }
        return list;
    }

    private static ChecklistItem item(ChecklistItemRecord r) {
        return new ChecklistItem(
                r.getKey(),
                r.getNumber(),
                r.getText(),
                r.getMaxPoints(),
                ScoringMode.valueOf(r.getMode()),
                r.getDeduction(),
                r.getFloor(),
                r.getEvidenceRequired() == 1,
                enums(r.getMethods(), CheckMethod.class),
                r.getVeto() == 1,
                r.getBonus() == 1,
                enums(r.getAppliesTo(), OrganizationKind.class),
                split(r.getReplaces()));
    }

    public static boolean templateInUse(DSLContext ctx, String templateId) {
        return ctx.fetchExists(ctx.selectFrom(ASSESSMENT)
                .where(ASSESSMENT.TEMPLATE_ID.eq(templateId))
                .and(ASSESSMENT.DELETED.eq(0)));
    }

    // ---- assessments

    /** The templates some live assessment uses (they cannot be deleted). */
    public static Set<String> templatesInUse(DSLContext ctx) {
        return Set.copyOf(ctx.selectDistinct(ASSESSMENT.TEMPLATE_ID)
                .from(ASSESSMENT)
                .where(ASSESSMENT.DELETED.eq(0))
                .fetch(ASSESSMENT.TEMPLATE_ID));
    }

    public static boolean hasAssessments(DSLContext ctx) {
        return ctx.fetchExists(ctx.selectFrom(ASSESSMENT));
    }

    public static void save(TrackedWriter writer, Assessment a) {
        AssessmentRecord r = ASSESSMENT.newRecord();
        r.setId(a.id());
        r.setOrganizationId(a.organizationId());
        r.setTemplateId(a.templateId());
        r.setRound(a.round().name());
        r.setYear(a.year());
        r.setStatus(a.status().name());
        r.setPublicityStart(text(a.publicityStart()));
        r.setPublicityEnd(text(a.publicityEnd()));
        r.setReopenReason(a.reopenReason());
        writer.save(r);
        for (ItemAnswer answer : a.answers().values()) {
            AssessmentAnswerRecord ar = ASSESSMENT_ANSWER.newRecord();
            ar.setId(answerId(a.id(), answer.itemKey()));
            ar.setAssessmentId(a.id());
            ar.setItemKey(answer.itemKey());
            ar.setMet(answer.met() == null ? null : answer.met() ? 1 : 0);
            ar.setScore(answer.score());
            ar.setOccurrences(answer.occurrences());
            ar.setNotApplicable(answer.notApplicable() ? 1 : 0);
            ar.setNotApplicableReason(answer.notApplicableReason());
            ar.setNote(answer.note());
            writer.save(ar);
        }
    }

    public static Optional<Assessment> assessment(DSLContext ctx, String id) {
        return assessments(ctx, ASSESSMENT.ID.eq(id)).stream().findFirst();
    }

    public static List<Assessment> assessmentsOfYear(DSLContext ctx, int year) {
        return assessments(ctx, ASSESSMENT.YEAR.eq(year));
    }

    public static List<Assessment> assessmentsOfBranch(
            DSLContext ctx, String organizationId, int fromYear, int toYear) {
        return assessments(
                ctx, ASSESSMENT.ORGANIZATION_ID.eq(organizationId).and(ASSESSMENT.YEAR.between(fromYear, toYear)));
    }

    /**
     * When each assessment of the years was last handed in (its status set to finished or to public notice), as its
     * history says it: id → the history entry's time. The history travels unchanged, so every device reads the same
     * times; an assessment never handed in has none.
     */
    public static Map<String, String> handedIn(DSLContext ctx, int from, int to) {
        Map<String, String> at = new HashMap<>();
        var history = org.taizhang.core.store.schema.Tables.HISTORY;
        var status = org.jooq.impl.DSL.field("json_extract({0}, '$.status[1]')", String.class, history.CHANGES);
        for (var r : ctx.select(history.ENTITY_ID, org.jooq.impl.DSL.max(history.CREATED_AT))
                .from(history)
                .where(history.ENTITY.eq("assessment"))
                .and(status.in(Assessment.Status.FINISHED.name(), Assessment.Status.PUBLICITY.name()))
                .and(history.ENTITY_ID.in(
                        ctx.select(ASSESSMENT.ID).from(ASSESSMENT).where(ASSESSMENT.YEAR.between(from, to))))
                .groupBy(history.ENTITY_ID)
                .fetch()) {
            at.put(r.value1(), r.value2());
        }
        return at;
    }

    public static List<Assessment> assessmentsOfYears(DSLContext ctx, int from, int to) {
        return assessments(ctx, ASSESSMENT.YEAR.between(from, to));
    }

    private static List<Assessment> assessments(DSLContext ctx, org.jooq.Condition condition) {
        List<AssessmentRecord> rows = ctx.selectFrom(ASSESSMENT)
                .where(condition)
                .and(ASSESSMENT.DELETED.eq(0))
                .orderBy(ASSESSMENT.ID)
                .fetch();
        Map<String, Map<String, ItemAnswer>> answers = new HashMap<>();
        // only the columns an answer is made of (not the merge state), and the assessments by a subquery rather
        // than a list of ids: the board of a year reads some 50,000 answers of 1,500 branches
        for (var r : ctx.select(
                        ASSESSMENT_ANSWER.ASSESSMENT_ID,
                        ASSESSMENT_ANSWER.ITEM_KEY,
                        ASSESSMENT_ANSWER.MET,
                        ASSESSMENT_ANSWER.SCORE,
                        ASSESSMENT_ANSWER.OCCURRENCES,
                        ASSESSMENT_ANSWER.NOT_APPLICABLE,
                        ASSESSMENT_ANSWER.NOT_APPLICABLE_REASON,
                        ASSESSMENT_ANSWER.NOTE)
                .from(ASSESSMENT_ANSWER)
                .where(ASSESSMENT_ANSWER.ASSESSMENT_ID.in(ctx.select(ASSESSMENT.ID)
                        .from(ASSESSMENT)
                        .where(condition)
                        .and(ASSESSMENT.DELETED.eq(0))))
                .and(ASSESSMENT_ANSWER.DELETED.eq(0))
                .fetch()) {
            answers.computeIfAbsent(r.value1(), k -> new LinkedHashMap<>())
                    .put(
                            r.value2(),
                            new ItemAnswer(
                                    r.value2(),
                                    r.value3() == null ? null : r.value3() == 1,
                                    r.value4(),
                                    r.value5(),
                                    r.value6() == 1,
                                    r.value7(),
                                    r.value8()));
        }
        List<Assessment> list = new ArrayList<>();
        for (AssessmentRecord r : rows) {
            list.add(new Assessment(
                    r.getId(),
                    r.getOrganizationId(),
                    r.getTemplateId(),
                    Round.valueOf(r.getRound()),
                    r.getYear(),
                    Assessment.Status.valueOf(r.getStatus()),
                    date(r.getPublicityStart()),
                    date(r.getPublicityEnd()),
                    r.getReopenReason(),
                    answers.getOrDefault(r.getId(), Map.of())));
        }
        return list;
    }

    // ---- past results (往年结果)

    public static AssessmentResultRecord record(PastResult p) {
        AssessmentResultRecord r = ASSESSMENT_RESULT.newRecord();
        r.setId(p.id());
        r.setOrganizationId(p.organizationId());
        r.setYear(p.year());
        r.setRound(p.round().name());
        r.setTotalScore(p.totalScore());
        r.setRating(p.rating());
        r.setPassed(p.passed() ? 1 : 0);
        r.setSourceFile(p.sourceFile());
        return r;
    }

    /** Live results of the years {@code from}..{@code to}, by id. */
    public static List<PastResult> results(DSLContext ctx, int from, int to) {
        return ctx.selectFrom(ASSESSMENT_RESULT)
                .where(ASSESSMENT_RESULT.YEAR.between(from, to))
                .and(ASSESSMENT_RESULT.DELETED.eq(0))
                .orderBy(ASSESSMENT_RESULT.ID)
                .fetch(r -> new PastResult(
                        r.getId(),
                        r.getOrganizationId(),
                        r.getYear(),
                        Round.valueOf(r.getRound()),
                        r.getTotalScore(),
                        r.getRating(),
                        r.getPassed() == 1,
                        r.getSourceFile()));
    }

    /**
     * Writes results in slices of {@value #WRITE_SLICE} (progress and cancel between them, batched), restoring
     * any deleted before, all in the caller's transaction; returns created, updated, unchanged.
     */
    public static int[] saveResults(TrackedWriter writer, DSLContext ctx, List<PastResult> results, Progress progress) {
        int[] counts = new int[3];
        int total = results.size();
        for (int from = 0; from < total; from += WRITE_SLICE) {
            List<org.jooq.TableRecord<?>> slice = new ArrayList<>();
            results.subList(from, Math.min(total, from + WRITE_SLICE)).forEach(r -> slice.add(record(r)));
            // one deleted before and named again (same branch, year, round: the same id) comes back explicitly
            for (TrackedWriter.Outcome outcome : writer.restoreAndSaveAll(slice)) {
                counts[outcome.ordinal()]++;
            }
            progress.update(Math.min(total, from + WRITE_SLICE), total, "checklist.progress.writing");
            progress.checkCancelled(); // throwing here rolls the whole transaction back
        }
        return counts;
    }

    // ---- evidence (佐证材料)

    public static String evidenceId(String assessmentId, String itemKey, String attachmentId) {
        return Ids.forKey("answer_evidence", assessmentId, itemKey, attachmentId);
    }

    /** A link made again after its removal comes back explicitly (same id: same assessment, item and file). */
    public static String saveEvidence(
            TrackedWriter writer, DSLContext ctx, String assessmentId, String itemKey, String attachmentId) {
        String id = evidenceId(assessmentId, itemKey, attachmentId);
        AnswerEvidenceRecord r = ANSWER_EVIDENCE.newRecord();
        r.setId(id);
        r.setAssessmentId(assessmentId);
        r.setItemKey(itemKey);
        r.setAttachmentId(attachmentId);
        writer.restoreAndSave(r);
        return id;
    }

    /** The live links of an assessment: id, item key, attachment id, in the order they were made. */
    public static List<String[]> evidence(DSLContext ctx, String assessmentId) {
        return ctx.select(ANSWER_EVIDENCE.ID, ANSWER_EVIDENCE.ITEM_KEY, ANSWER_EVIDENCE.ATTACHMENT_ID)
                .from(ANSWER_EVIDENCE)
                .where(ANSWER_EVIDENCE.ASSESSMENT_ID.eq(assessmentId))
                .and(ANSWER_EVIDENCE.DELETED.eq(0))
                .orderBy(ANSWER_EVIDENCE.CREATED_AT, ANSWER_EVIDENCE.ID)
                .fetch(r -> new String[] {r.value1(), r.value2(), r.value3()});
    }

    /** The assessment a live link belongs to. */
    public static Optional<String> evidenceAssessment(DSLContext ctx, String evidenceId) {
        return ctx.select(ANSWER_EVIDENCE.ASSESSMENT_ID)
                .from(ANSWER_EVIDENCE)
                .where(ANSWER_EVIDENCE.ID.eq(evidenceId))
                .and(ANSWER_EVIDENCE.DELETED.eq(0))
                .fetchOptional(ANSWER_EVIDENCE.ASSESSMENT_ID);
    }

    public static void deleteEvidence(TrackedWriter writer, String id) {
        writer.delete(ANSWER_EVIDENCE, id);
    }

    // ---- values as stored

    private static String codes(List<String> values) {
        return String.join(",", values);
    }

    private static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split(","));
    }

    private static <E extends Enum<E>> Set<E> enums(String text, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        Function<String, E> parse = s -> Enum.valueOf(type, s);
        split(text).forEach(s -> set.add(parse.apply(s)));
        return set;
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text);
    }
}
