package org.taizhang.inspection.store;

import static org.taizhang.core.store.schema.Tables.FINDING;
import static org.taizhang.core.store.schema.Tables.FINDING_CATEGORY;
import static org.taizhang.core.store.schema.Tables.FINDING_STEP;
import static org.taizhang.core.store.schema.Tables.INSPECTION;
import static org.taizhang.core.store.schema.Tables.INSPECTION_EVIDENCE;
import static org.taizhang.core.store.schema.Tables.INSPECTION_TEAM;
import static org.taizhang.core.store.schema.Tables.INSPECTION_UNIT;
import static org.taizhang.core.store.schema.Tables.RECTIFICATION_MEASURE;
import static org.taizhang.core.store.schema.Tables.VISIT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.taizhang.core.Ids;
import org.taizhang.core.store.Clocks;
import org.taizhang.core.store.Dot;
import org.taizhang.core.store.TrackedWriter;
import org.taizhang.core.store.schema.tables.records.FindingCategoryRecord;
import org.taizhang.core.store.schema.tables.records.FindingRecord;
import org.taizhang.core.store.schema.tables.records.FindingStepRecord;
import org.taizhang.core.store.schema.tables.records.InspectionEvidenceRecord;
import org.taizhang.core.store.schema.tables.records.InspectionRecord;
import org.taizhang.core.store.schema.tables.records.InspectionTeamRecord;
import org.taizhang.core.store.schema.tables.records.InspectionUnitRecord;
import org.taizhang.core.store.schema.tables.records.RectificationMeasureRecord;
import org.taizhang.core.store.schema.tables.records.VisitRecord;
import org.taizhang.inspection.model.Escalation;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingSource;
import org.taizhang.inspection.model.Inspection;
import org.taizhang.inspection.model.InspectionTeam;
import org.taizhang.inspection.model.Measure;
import org.taizhang.inspection.model.RectificationType;
import org.taizhang.inspection.model.Severity;
import org.taizhang.inspection.model.Step;
import org.taizhang.inspection.model.StepKind;
import org.taizhang.inspection.model.Verdict;
import org.taizhang.inspection.model.Visit;
import org.taizhang.inspection.model.VisitMethod;

/**
 * Inspections, visits, findings, their steps, measures and evidence as rows (jOOQ). Every write goes through
 * the tracked writer, so every row merges between devices; steps are only ever inserted.
 */
public final class InspectionStore {
    private InspectionStore() {}

    // ---- rounds, teams, scope, visits

    public static List<Inspection> inspections(DSLContext ctx) {
        return ctx.selectFrom(INSPECTION)
                .where(INSPECTION.DELETED.eq(0))
                .orderBy(INSPECTION.YEAR.desc(), INSPECTION.STARTS_ON.desc(), INSPECTION.TITLE)
                .fetch(r -> new Inspection(
                        r.getId(),
                        r.getTitle(),
                        r.getKind(),
                        r.getYear(),
                        date(r.getStartsOn()),
                        date(r.getEndsOn()),
                        r.getNotes()));
    }

    public static void save(TrackedWriter writer, Inspection i) {
        InspectionRecord r = INSPECTION.newRecord();
        r.setId(i.id());
        r.setTitle(i.title());
        r.setKind(i.kind());
        r.setYear(i.year());
        r.setStartsOn(text(i.startsOn()));
        r.setEndsOn(text(i.endsOn()));
        r.setNotes(i.notes());
        writer.save(r);
    }

    public static boolean deleteInspection(TrackedWriter writer, String id) {
        return writer.delete(INSPECTION, id);
    }

    public static boolean restoreInspection(TrackedWriter writer, String id) {
        return writer.restore(INSPECTION, id);
    }

    public static long findingsOfRound(DSLContext ctx, String inspectionId) {
        return ctx.fetchCount(FINDING, FINDING.INSPECTION_ID.eq(inspectionId).and(FINDING.DELETED.eq(0)));
    }

    public static List<org.taizhang.core.store.HistoryEntry> history(DSLContext ctx, String table, String id) {
        return TrackedWriter.historyOf(ctx, table, id);
    }

    public static boolean deleteVisit(TrackedWriter writer, String id) {
        return writer.delete(VISIT, id);
    }

    public static List<InspectionTeam> teams(DSLContext ctx) {
        return ctx.selectFrom(INSPECTION_TEAM)
                .where(INSPECTION_TEAM.DELETED.eq(0))
                .orderBy(INSPECTION_TEAM.INSPECTION_ID, INSPECTION_TEAM.NAME)
                .fetch(r ->
                        new InspectionTeam(r.getId(), r.getInspectionId(), r.getName(), r.getLeader(), r.getMembers()));
    }

    public static void save(TrackedWriter writer, InspectionTeam t) {
        InspectionTeamRecord r = INSPECTION_TEAM.newRecord();
        r.setId(t.id());
        r.setInspectionId(t.inspectionId());
        r.setName(t.name());
        r.setLeader(t.leader());
        r.setMembers(t.members());
        writer.save(r);
    }

    public static boolean deleteTeam(TrackedWriter writer, String id) {
        return writer.delete(INSPECTION_TEAM, id);
    }

    public static String scopeId(String inspectionId, String unitId) {
        return Ids.forKey("inspection_unit", inspectionId, unitId);
    }

    /** The units in scope of every round: round id → unit id → team id (or null). */
    public static Map<String, Map<String, String>> scopes(DSLContext ctx) {
        Map<String, Map<String, String>> scopes = new HashMap<>();
        ctx.selectFrom(INSPECTION_UNIT)
                .where(INSPECTION_UNIT.DELETED.eq(0))
                .forEach(r -> scopes.computeIfAbsent(r.getInspectionId(), k -> new java.util.LinkedHashMap<>())
                        .put(r.getUnitId(), r.getTeamId()));
        return scopes;
    }

    public static void putInScope(
            TrackedWriter writer, DSLContext ctx, String inspectionId, String unitId, String teamId) {
        String id = scopeId(inspectionId, unitId);
        InspectionUnitRecord r = INSPECTION_UNIT.newRecord();
        r.setId(id);
        r.setInspectionId(inspectionId);
        r.setUnitId(unitId);
        r.setTeamId(teamId);
        writer.restoreAndSave(r);
    }

    public static boolean removeFromScope(TrackedWriter writer, String inspectionId, String unitId) {
        return writer.delete(INSPECTION_UNIT, scopeId(inspectionId, unitId));
    }

    public static List<Visit> visits(DSLContext ctx) {
        return ctx.selectFrom(VISIT)
                .where(VISIT.DELETED.eq(0))
                .orderBy(VISIT.VISITED_ON.desc(), VISIT.ID)
                .fetch(r -> new Visit(
                        r.getId(),
                        r.getInspectionId(),
                        r.getTeamId(),
                        r.getUnitId(),
                        date(r.getVisitedOn()),
                        enums(r.getMethods(), VisitMethod.class),
                        r.getNotes()));
    }

    public static void save(TrackedWriter writer, Visit v) {
        VisitRecord r = VISIT.newRecord();
        r.setId(v.id());
        r.setInspectionId(v.inspectionId());
        r.setTeamId(v.teamId());
        r.setUnitId(v.unitId());
        r.setVisitedOn(text(v.visitedOn()));
        r.setMethods(v.methods().stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
        r.setNotes(v.notes());
        writer.save(r);
    }

    // ---- the category dictionary

    public static List<String> categories(DSLContext ctx) {
        return ctx.select(FINDING_CATEGORY.NAME)
                .from(FINDING_CATEGORY)
                .where(FINDING_CATEGORY.DELETED.eq(0))
                .orderBy(FINDING_CATEGORY.SORT_ORDER, FINDING_CATEGORY.NAME)
                .fetch(FINDING_CATEGORY.NAME);
    }

    public static String categoryId(String name) {
        return Ids.forKey("finding_category", name);
    }

    public static void saveCategory(TrackedWriter writer, DSLContext ctx, String name, int sortOrder) {
        String id = categoryId(name);
        FindingCategoryRecord r = FINDING_CATEGORY.newRecord();
        r.setId(id);
        r.setName(name);
        r.setSortOrder(sortOrder);
        writer.restoreAndSave(r);
    }

    public static boolean deleteCategory(TrackedWriter writer, String name) {
        return writer.delete(FINDING_CATEGORY, categoryId(name));
    }

    // ---- findings

    public static List<Finding> findings(DSLContext ctx) {
        return Bulk.findings(ctx);
    }

    /** The findings merged into {@code targetId}, as they were recorded. */
    public static List<Finding> findingsMergedInto(DSLContext ctx, String targetId) {
        return ctx.selectFrom(FINDING)
                .where(FINDING.MERGED_INTO.eq(targetId))
                .and(FINDING.DELETED.eq(0))
                .orderBy(FINDING.FOUND_ON, FINDING.ID)
                .fetch(InspectionStore::finding);
    }

    public static Optional<Finding> finding(DSLContext ctx, String id) {
        return ctx.selectFrom(FINDING)
                .where(FINDING.ID.eq(id))
                .and(FINDING.DELETED.eq(0))
                .fetchOptional(InspectionStore::finding);
    }

    public static List<Finding> findings(DSLContext ctx, java.util.Collection<String> ids) {
        return ctx.selectFrom(FINDING)
                .where(FINDING.ID.in(ids))
                .and(FINDING.DELETED.eq(0))
                .fetch(InspectionStore::finding);
    }

    private static Finding finding(FindingRecord r) {
        return Finding.builder(r.getId())
                .inspection(r.getInspectionId(), r.getVisitId())
                .unit(r.getUnitId(), r.getOrganizationId())
                .category(r.getCategory())
                .description(r.getDescription())
                .basis(r.getBasis())
                .severity(Severity.valueOf(r.getSeverity()))
                .type(RectificationType.valueOf(r.getRectificationType()))
                .source(FindingSource.valueOf(r.getSource()), r.getSourceRef())
                .found(date(r.getFoundOn()), r.getFoundBy())
                .repeatOf(r.getRepeatOf())
                .mergedInto(r.getMergedInto())
                .number(r.getNumber(), r.getNumberYear(), r.getNumberSeq())
                .importBatch(r.getImportBatch())
                .internalNotes(r.getInternalNotes())
                .build();
    }

    public static void save(TrackedWriter writer, Finding f) {
        writer.save(record(f));
    }

    public static void saveAll(TrackedWriter writer, List<Finding> findings) {
        writer.saveAll(findings.stream().map(InspectionStore::record).toList());
    }

    private static FindingRecord record(Finding f) {
        FindingRecord r = FINDING.newRecord();
        r.setId(f.id());
        r.setInspectionId(f.inspectionId());
        r.setVisitId(f.visitId());
        r.setUnitId(f.unitId());
        r.setOrganizationId(f.organizationId());
        r.setCategory(f.category());
        r.setDescription(f.description());
        r.setBasis(f.basis());
        r.setSeverity(f.severity().name());
        r.setRectificationType(f.type().name());
        r.setSource(f.source().name());
        r.setSourceRef(f.sourceRef());
        r.setFoundOn(text(f.foundOn()));
        r.setFoundBy(f.foundBy());
        r.setRepeatOf(f.repeatOf());
        r.setMergedInto(f.mergedInto());
        r.setNumber(f.number());
        r.setNumberYear(f.numberYear());
        r.setNumberSeq(f.numberSeq());
        r.setImportBatch(f.importBatch());
        r.setInternalNotes(f.internalNotes());
        return r;
    }

    /**
     * The highest sequence number given in {@code year} (0 when none): the next is one more, never reused. Every
     * number counts that was ever given: a deleted finding's, and one a merge holds as a conflict (two devices that
     * both acted as the hub), so a number never comes back.
     */
    public static int highestSeq(DSLContext ctx, int year) {
        Integer shown = ctx.select(DSL.max(FINDING.NUMBER_SEQ))
                .from(FINDING)
                .where(FINDING.NUMBER_YEAR.eq(year))
                .fetchOne(0, Integer.class);
        int max = shown == null ? 0 : shown;
        var c = org.taizhang.core.store.schema.Tables.FIELD_CONFLICT;
        var yearConflict = c.as("year_conflict");
        for (String held : ctx.select(c.VALUE)
                .from(c)
                .join(FINDING)
                .on(FINDING.ID.eq(c.ENTITY_ID))
                .where(c.ENTITY.eq(FINDING.getName()))
                .and(c.FIELD.eq(FINDING.NUMBER_SEQ.getName()))
                .and(FINDING.NUMBER_YEAR
                        .eq(year)
                        .or(FINDING.NUMBER_YEAR.isNull())
                        .or(DSL.exists(DSL.selectOne()
                                .from(yearConflict)
                                .where(yearConflict.ENTITY.eq(FINDING.getName()))
                                .and(yearConflict.ENTITY_ID.eq(FINDING.ID))
                                .and(yearConflict.FIELD.eq(FINDING.NUMBER_YEAR.getName()))
                                .and(yearConflict.VALUE.eq(Integer.toString(year))))))
                .fetch(c.VALUE)) {
            if (held != null) {
                try {
                    max = Math.max(max, Integer.parseInt(held.strip()));
                } catch (NumberFormatException notANumber) {
                    // not a sequence number: nothing to count
                }
            }
        }
        return max;
    }

    /** When the spreadsheet with this SHA-256 was first imported (the first finding made from it), if ever. */
    public static Optional<String> importedAt(DSLContext ctx, String batch) {
        return Optional.ofNullable(ctx.select(DSL.min(FINDING.CREATED_AT))
                .from(FINDING)
                .where(FINDING.IMPORT_BATCH.eq(batch))
                .fetchOne(0, String.class));
    }

    // ---- steps (insert only)

    public static List<Step> steps(DSLContext ctx, String findingId) {
        return ctx.selectFrom(FINDING_STEP)
                .where(FINDING_STEP.FINDING_ID.eq(findingId))
                .and(FINDING_STEP.DELETED.eq(0))
                .fetch(InspectionStore::step);
    }

    /** Every step, grouped by finding (the ledger folds them all). */
    public static Map<String, List<Step>> allSteps(DSLContext ctx) {
        return Bulk.steps(ctx, null);
    }

    public static Map<String, List<Step>> steps(DSLContext ctx, java.util.Collection<String> findingIds) {
        return Bulk.steps(ctx, findingIds);
    }

    private static Step step(FindingStepRecord r) {
        return Step.builder(r.getId(), r.getFindingId(), StepKind.valueOf(r.getKind()), date(r.getOccurredOn()))
                .operator(r.getOperator())
                .text(r.getText())
                .deadline(date(r.getDeadline()))
                .people(r.getLeader(), r.getDepartment(), r.getPerson())
                .approver(r.getApprover())
                .verdict(r.getVerdict() == null ? null : Verdict.valueOf(r.getVerdict()))
                .escalation(r.getEscalation() == null ? null : Escalation.valueOf(r.getEscalation()))
                .measureId(r.getMeasureId())
                .otherId(r.getOtherId())
                // folded in the order of their first write: a step re-created on another device keeps its place
                .order(Clocks.firstCreate(r.getClock(), new Dot(r.getRevision(), r.getUpdatedBy())))
                .build();
    }

    public static void add(TrackedWriter writer, Step s) {
        writer.save(record(s));
    }

    public static void addAll(TrackedWriter writer, List<Step> steps) {
        writer.saveAll(steps.stream().map(InspectionStore::record).toList());
    }

    /** Whether a step of this id is held (re-imported feedback makes the same ids: it adds nothing). */
    public static boolean hasStep(DSLContext ctx, String id) {
        return ctx.fetchExists(FINDING_STEP, FINDING_STEP.ID.eq(id));
    }

    private static FindingStepRecord record(Step s) {
        FindingStepRecord r = FINDING_STEP.newRecord();
        r.setId(s.id());
        r.setFindingId(s.findingId());
        r.setKind(s.kind().name());
        r.setOccurredOn(text(s.occurredOn()));
        r.setOperator(s.operator() == null ? "" : s.operator());
        r.setText(s.text());
        r.setDeadline(text(s.deadline()));
        r.setLeader(s.leader());
        r.setDepartment(s.department());
        r.setPerson(s.person());
        r.setApprover(s.approver());
        r.setVerdict(s.verdict() == null ? null : s.verdict().name());
        r.setEscalation(s.escalation() == null ? null : s.escalation().name());
        r.setMeasureId(s.measureId());
        r.setOtherId(s.otherId());
        return r;
    }

    // ---- measures

    public static Map<String, List<Measure>> allMeasures(DSLContext ctx) {
        return Bulk.measures(ctx);
    }

    public static List<Measure> measures(DSLContext ctx, String findingId) {
        return ctx.selectFrom(RECTIFICATION_MEASURE)
                .where(RECTIFICATION_MEASURE.FINDING_ID.eq(findingId))
                .and(RECTIFICATION_MEASURE.DELETED.eq(0))
                .orderBy(RECTIFICATION_MEASURE.SORT_ORDER, RECTIFICATION_MEASURE.ID)
                .fetch(InspectionStore::measure);
    }

    private static Measure measure(RectificationMeasureRecord r) {
        return new Measure(
                r.getId(),
                r.getFindingId(),
                r.getText(),
                r.getOwner(),
                date(r.getDeadline()),
                date(r.getDoneOn()),
                r.getSortOrder());
    }

    public static void save(TrackedWriter writer, Measure m) {
        RectificationMeasureRecord r = RECTIFICATION_MEASURE.newRecord();
        r.setId(m.id());
        r.setFindingId(m.findingId());
        r.setText(m.text());
        r.setOwner(m.owner());
        r.setDeadline(text(m.deadline()));
        r.setDoneOn(text(m.doneOn()));
        r.setSortOrder(m.sortOrder());
        writer.save(r);
    }

    /** The finding a live measure belongs to. */
    public static Optional<String> findingOfMeasure(DSLContext ctx, String measureId) {
        return ctx.select(RECTIFICATION_MEASURE.FINDING_ID)
                .from(RECTIFICATION_MEASURE)
                .where(RECTIFICATION_MEASURE.ID.eq(measureId))
                .and(RECTIFICATION_MEASURE.DELETED.eq(0))
                .fetchOptional(RECTIFICATION_MEASURE.FINDING_ID);
    }

    public static boolean deleteMeasure(TrackedWriter writer, String id) {
        return writer.delete(RECTIFICATION_MEASURE, id);
    }

    // ---- evidence

    /** A live link: its id, what it belongs to, and the attachment. */
    public record EvidenceLink(String id, String visitId, String findingId, String stepId, String attachmentId) {}

    public static String evidenceId(String owner, String attachmentId) {
        return Ids.forKey("inspection_evidence", owner, attachmentId);
    }

    /** Links stored files to a finding's step (its 发现 step for photos of the problem; null: the finding). */
    public static void linkAll(
            TrackedWriter writer, DSLContext ctx, String findingId, String stepId, List<String> attachmentIds) {
        for (String a : attachmentIds) {
            link(
                    writer,
                    ctx,
                    new EvidenceLink(evidenceId(stepId == null ? findingId : stepId, a), null, findingId, stepId, a));
        }
    }

    public static void link(TrackedWriter writer, DSLContext ctx, EvidenceLink link) {
        InspectionEvidenceRecord r = INSPECTION_EVIDENCE.newRecord();
        r.setId(link.id());
        r.setVisitId(link.visitId());
        r.setFindingId(link.findingId());
        r.setStepId(link.stepId());
        r.setAttachmentId(link.attachmentId());
        writer.restoreAndSave(r);
    }

    public static boolean unlink(TrackedWriter writer, String id) {
        return writer.delete(INSPECTION_EVIDENCE, id);
    }

    public static List<EvidenceLink> evidenceOfFindings(DSLContext ctx, java.util.Collection<String> findingIds) {
        return ctx.selectFrom(INSPECTION_EVIDENCE)
                .where(INSPECTION_EVIDENCE.FINDING_ID.in(findingIds))
                .and(INSPECTION_EVIDENCE.DELETED.eq(0))
                .orderBy(INSPECTION_EVIDENCE.CREATED_AT, INSPECTION_EVIDENCE.ID)
                .fetch(InspectionStore::link);
    }

    public static List<EvidenceLink> evidenceOfVisit(DSLContext ctx, String visitId) {
        return ctx.selectFrom(INSPECTION_EVIDENCE)
                .where(INSPECTION_EVIDENCE.VISIT_ID.eq(visitId))
                .and(INSPECTION_EVIDENCE.DELETED.eq(0))
                .orderBy(INSPECTION_EVIDENCE.CREATED_AT, INSPECTION_EVIDENCE.ID)
                .fetch(InspectionStore::link);
    }

    /** How many live pieces of rectification evidence each finding has (photos of the problem not counted). */
    public static Map<String, Integer> evidenceCounts(DSLContext ctx) {
        Map<String, Integer> counts = new HashMap<>();
        ctx.select(INSPECTION_EVIDENCE.FINDING_ID, DSL.count())
                .from(INSPECTION_EVIDENCE)
                .leftJoin(FINDING_STEP)
                .on(FINDING_STEP.ID.eq(INSPECTION_EVIDENCE.STEP_ID))
                .where(INSPECTION_EVIDENCE.DELETED.eq(0))
                .and(INSPECTION_EVIDENCE.FINDING_ID.isNotNull())
                .and(FINDING_STEP.KIND.isNull().or(FINDING_STEP.KIND.ne(StepKind.FOUND.name())))
                .groupBy(INSPECTION_EVIDENCE.FINDING_ID)
                .forEach(r -> counts.put(r.value1(), r.value2()));
        return counts;
    }

    /** When each live link of a finding was first added (by its link id): evidence added after a 退回 is new. */
    public static Map<String, Dot> evidenceOrders(DSLContext ctx, String findingId) {
        Map<String, Dot> orders = new HashMap<>();
        ctx.selectFrom(INSPECTION_EVIDENCE)
                .where(INSPECTION_EVIDENCE.FINDING_ID.eq(findingId))
                .and(INSPECTION_EVIDENCE.DELETED.eq(0))
                .forEach(r -> orders.put(
                        r.getId(), Clocks.firstCreate(r.getClock(), new Dot(r.getRevision(), r.getUpdatedBy()))));
        return orders;
    }

    private static EvidenceLink link(InspectionEvidenceRecord r) {
        return new EvidenceLink(r.getId(), r.getVisitId(), r.getFindingId(), r.getStepId(), r.getAttachmentId());
    }

    // ---- values as stored

    private static <E extends Enum<E>> Set<E> enums(String text, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        if (text != null && !text.isBlank()) {
            Arrays.stream(text.split(",")).forEach(s -> set.add(Enum.valueOf(type, s)));
        }
        return set;
    }

    public static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    public static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text);
    }

    // ---- many rows at once (FindingService.batch)

    /** Whether any finding is held, deleted ones included (the sample goes only into a ledger never used). */
    public static boolean hasFindings(DSLContext ctx) {
        return ctx.fetchExists(FINDING);
    }

    public static void saveAllMeasures(TrackedWriter writer, List<Measure> measures) {
        writer.saveAll(measures.stream()
                .map(m -> {
                    RectificationMeasureRecord r = RECTIFICATION_MEASURE.newRecord();
                    r.setId(m.id());
                    r.setFindingId(m.findingId());
                    r.setText(m.text());
                    r.setOwner(m.owner());
                    r.setDeadline(text(m.deadline()));
                    r.setDoneOn(text(m.doneOn()));
                    r.setSortOrder(m.sortOrder());
                    return r;
                })
                .toList());
    }

    /** New links only (a batch's own steps): what {@link #link} does for a link never held, in one go. */
    public static void addAllEvidence(TrackedWriter writer, List<EvidenceLink> links) {
        writer.saveAll(links.stream()
                .map(link -> {
                    InspectionEvidenceRecord r = INSPECTION_EVIDENCE.newRecord();
                    r.setId(link.id());
                    r.setVisitId(link.visitId());
                    r.setFindingId(link.findingId());
                    r.setStepId(link.stepId());
                    r.setAttachmentId(link.attachmentId());
                    return r;
                })
                .toList());
    }

    // ---- bulk reads (the ledger, numbering): plain JDBC over the columns a value needs

    /**
     * The ledger reads every finding and step (20,000 findings have about 100,000 steps). A jOOQ record per row,
     * with the merge columns (clock, seen) it does not need, cost most of the ledger's time, so these read only the
     * columns the values are made of, through the JDBC result set; the values are those of the record readers
     * above (InspectionStoreTest holds them equal). Dates repeat, so each distinct text is parsed once.
     */
    private static final class Bulk {
        private Bulk() {}

        private static final int CHUNK = 500; // ids per "in (...)", under SQLite's bind limit

        @FunctionalInterface
        private interface RowReader {
            void read(java.sql.ResultSet rs) throws java.sql.SQLException;
        }

        private static void each(DSLContext ctx, org.jooq.Query query, RowReader reader) {
            String sql = ctx.render(query);
            List<Object> binds = ctx.extractBindValues(query);
            ctx.connection(c -> {
                try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < binds.size(); i++) {
                        ps.setObject(i + 1, binds.get(i));
                    }
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            reader.read(rs);
                        }
                    }
                }
            });
        }

        private static final class Dates {
            private final Map<String, LocalDate> parsed = new HashMap<>();

            LocalDate of(String text) {
                return text == null || text.isBlank() ? null : parsed.computeIfAbsent(text, LocalDate::parse);
            }
        }

        static List<Finding> findings(DSLContext ctx) {
            List<Finding> list = new ArrayList<>();
            Dates dates = new Dates();
            var f = FINDING;
            each(
                    ctx,
                    ctx.select(
                                    f.ID,
                                    f.INSPECTION_ID,
                                    f.VISIT_ID,
                                    f.UNIT_ID,
                                    f.ORGANIZATION_ID,
                                    f.CATEGORY,
                                    f.DESCRIPTION,
                                    f.BASIS,
                                    f.SEVERITY,
                                    f.RECTIFICATION_TYPE,
                                    f.SOURCE,
                                    f.SOURCE_REF,
                                    f.FOUND_ON,
                                    f.FOUND_BY,
                                    f.REPEAT_OF,
                                    f.MERGED_INTO,
                                    f.NUMBER,
                                    f.NUMBER_YEAR,
                                    f.NUMBER_SEQ,
                                    f.IMPORT_BATCH,
                                    f.INTERNAL_NOTES)
                            .from(f)
                            .where(f.DELETED.eq(0)),
                    rs -> list.add(new Finding(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            Severity.valueOf(rs.getString(9)),
                            RectificationType.valueOf(rs.getString(10)),
                            FindingSource.valueOf(rs.getString(11)),
                            rs.getString(12),
                            dates.of(rs.getString(13)),
                            rs.getString(14),
                            rs.getString(15),
                            rs.getString(16),
                            rs.getString(17),
                            integer(rs, 18),
                            integer(rs, 19),
                            rs.getString(20),
                            rs.getString(21))));
            return list;
        }

        /** The steps of the given findings (all when null), grouped by finding. */
        static Map<String, List<Step>> steps(DSLContext ctx, java.util.Collection<String> findingIds) {
            Map<String, List<Step>> byFinding = new HashMap<>();
            Dates dates = new Dates();
            var s = FINDING_STEP;
            RowReader reader = rs -> {
                String verdict = rs.getString(12);
                String escalation = rs.getString(13);
                Step step = new Step(
                        rs.getString(1),
                        rs.getString(2),
                        StepKind.valueOf(rs.getString(3)),
                        dates.of(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        dates.of(rs.getString(7)),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11),
                        verdict == null ? null : Verdict.valueOf(verdict),
                        escalation == null ? null : Escalation.valueOf(escalation),
                        rs.getString(14),
                        rs.getString(15),
                        Clocks.firstCreate(rs.getString(18), new Dot(rs.getLong(16), rs.getString(17))));
                byFinding
                        .computeIfAbsent(step.findingId(), k -> new ArrayList<>())
                        .add(step);
            };
            var select = ctx.select(
                            s.ID,
                            s.FINDING_ID,
                            s.KIND,
                            s.OCCURRED_ON,
                            s.OPERATOR,
                            s.TEXT,
                            s.DEADLINE,
                            s.LEADER,
                            s.DEPARTMENT,
                            s.PERSON,
                            s.APPROVER,
                            s.VERDICT,
                            s.ESCALATION,
                            s.MEASURE_ID,
                            s.OTHER_ID,
                            s.REVISION,
                            s.UPDATED_BY,
                            s.CLOCK)
                    .from(s);
            if (findingIds == null) {
                each(ctx, select.where(s.DELETED.eq(0)), reader);
                return byFinding;
            }
            List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(findingIds)); // each once, as one "in" had it
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                each(ctx, select.where(s.FINDING_ID.in(chunk)).and(s.DELETED.eq(0)), reader);
            }
            return byFinding;
        }

        static Map<String, List<Measure>> measures(DSLContext ctx) {
            Map<String, List<Measure>> byFinding = new HashMap<>();
            Dates dates = new Dates();
            var m = RECTIFICATION_MEASURE;
            each(
                    ctx,
                    ctx.select(m.ID, m.FINDING_ID, m.TEXT, m.OWNER, m.DEADLINE, m.DONE_ON, m.SORT_ORDER)
                            .from(m)
                            .where(m.DELETED.eq(0))
                            .orderBy(m.SORT_ORDER, m.ID),
                    rs -> {
                        Measure measure = new Measure(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                dates.of(rs.getString(5)),
                                dates.of(rs.getString(6)),
                                rs.getInt(7));
                        byFinding
                                .computeIfAbsent(measure.findingId(), k -> new ArrayList<>())
                                .add(measure);
                    });
            return byFinding;
        }

        private static Integer integer(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
            int v = rs.getInt(column);
            return rs.wasNull() ? null : v;
        }
    }
}
